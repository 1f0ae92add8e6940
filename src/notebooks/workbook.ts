/**
 * The analyst's side of the notebooks: every tidy table as a danfo DataFrame, the rows a check reads,
 * a check kind run with the params written in a cell, and the claim card that fails loudly when the
 * notebook's value is not the ledger's.
 *
 * @example
 * import { tables, rowsRead, compute, card, table } from "../dist/src/notebooks/workbook";
 * const cin = tables.cin({ measure: "cinEpisodesRate", year: "2017-18", level: "la", src: "cin-ees2020-b1-children-in-need-2013-to-2020" });
 * await table(cin.sortValues("value", { ascending: false }), 5); // the Isles of Scilly 1,342.5, Blackpool 1,322.7, …
 * const r = await compute("cc-cin-rate-max", "distribution", { of: "rates", measure: "cinEpisodesRate", year: "2017-18", release: "2020", tiny: "include", ends: ["max"] });
 * await card("cc-cin-rate-max", r); // r.values.max is 1342.5, as in the ledger: the card shows; tiny: "exclude" would throw
 */
import { loadClaims } from "../claims/registry";
import { documentNumbers, rowOf } from "../claims/ledger";
import { KIND_CHECKS } from "../claims/kinds";
import { realTables, type Tables, type ObsTableName } from "../claims/tables";
import type { CheckResult, Claim, LedgerRow } from "../claims/types";
import { MissingDataError, SuppressedError, source } from "../data/sources";
import { ObsTable, type Obs } from "../data/obs";
import { cachedByKey } from "../data/cache";
import { OFSTED_SOURCE } from "../data/tidy/ofsted";
import { fmtNumber } from "../format";
import { claimCard, fmtRecomputed } from "../display/card";
import { htmlTable, tslabCandidates } from "../display/html";
import { toDataFrame, type DataFrame } from "../display";
import { check, record } from "./common";

export type { DataFrame };

let registry: Claim[] | undefined;

/** A claim of the registry by id (an unknown id is an error). */
export function claimOf(id: string): Claim {
  registry ??= loadClaims();
  const c = registry.find((x) => x.id === id);
  if (!c) throw new Error(`no claim "${id}" in the registry`);
  return c;
}

/**
 * Shows HTML in the kernel and waits until it is sent. tslab's output socket takes one message at a
 * time: a display while a long output is still being written fails ("busy"), and the output would be
 * lost, so a busy socket is retried a moment later (for up to 10 s). Outside a kernel it does nothing.
 */
export async function display(html: string): Promise<void> {
  for (const load of tslabCandidates()) {
    for (let attempt = 0; attempt < 2000; attempt++) {
      try {
        load().display.html(html);
        return;
      } catch (e) {
        if (!/busy/i.test(String((e as Error)?.message ?? e))) break; // not this kernel: try the next
        await new Promise((r) => setTimeout(r, 5));
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Tables as DataFrames

/** What a table's rows may be filtered by (each field equal to the given value). */
export type ObsQuery = Partial<Pick<Obs, "measure" | "year" | "level" | "area" | "code" | "laCode" | "src">>;

/**
 * Observations as plain rows for a DataFrame: what is measured (named as in the documents), when,
 * where, the value (null where the file has a marker, the marker kept), and the file, sheet, row and
 * column the value was read from.
 */
export function obsRows(obs: Obs[]): Record<string, unknown>[] {
  return obs.map((o) => ({
    measure: o.measure,
    year: o.year,
    level: o.level,
    area: o.area,
    laCode: o.laCode ?? null,
    value: o.value,
    marker: o.marker ?? null,
    source: o.src,
    file: source(o.src).file,
    sheet: o.sheet ?? null,
    row: o.derivedFrom ?? o.row,
    column: o.col,
  }));
}

/** One tidy table as a DataFrame, filtered (fast) before it is built. */
function obsFrame(t: ObsTable, q: ObsQuery = {}): DataFrame {
  return toDataFrame(obsRows(Object.keys(q).length ? t.filter(q) : t.rows));
}

/** A function giving one named tidy table as a DataFrame, filtered by `q`. */
const frameOf = (name: ObsTableName) => (q: ObsQuery = {}): DataFrame => obsFrame(realTables()[name](), q);

/**
 * Every tidy table as a danfo DataFrame, one row per value read from an official file: `measure`
 * (named as in the documents: referrals, cinEpisodes, s47Enquiries, cppStarts, claAt31March, …),
 * `year`, `level` (national, regional, la), `area`, `laCode`, `value`, `marker`, and `source` (its id
 * in data/sources.json), `file`, `sheet`, `row`, `column` saying where the value is. Give a filter to keep the frame small, e.g.
 * `tables.cin({ measure: "cinEpisodesRate", year: "2017-18", level: "la" })`.
 * `tables.byAuthority` puts several measures side by side, one row per authority.
 */
export const tables = {
  /** Children in need: SFR underlying data as first published, EES 2020 and 2024 releases. */
  cin: frameOf("cin"),
  /** Children looked after: SSDA903 underlying data, EES releases, PHE Fingertips. */
  cla: frameOf("cla"),
  /** ONS mid-year populations aged 0-17 and 0-18. */
  population: frameOf("population"),
  /** Children's social work workforce (30 September). */
  workforce: frameOf("workforce"),
  /** Deprivation, children in low-income families, unaccompanied asylum-seeking children. */
  covariates: frameOf("covariates"),
  /** MHCLG revenue outturn (RO3), £ thousand. */
  ro3: frameOf("ro3"),
  /** MHCLG revenue outturn summary (RS) 2017-18. */
  rs: frameOf("rs"),
  /** MHCLG revenue account budgets (RA). */
  ra: frameOf("ra"),
  /** DfE section 251 outturn by line. */
  s251: frameOf("s251"),
  /** HM Treasury GDP deflator. */
  deflator: frameOf("deflator"),
  /** Children looked after by placement, and LAIT weekly unit costs. */
  placements: frameOf("placements"),
  /** Rates per 10,000 of the children-in-need SFR underlying-data files. */
  sfrRates: frameOf("sfrRates"),
  /** The table that holds a measure, whichever it is. */
  of: (measure: string, q: Omit<ObsQuery, "measure"> = {}): DataFrame => obsFrame(realTables().obs(measure), { ...q, measure }),
  /** The measures a table holds. */
  measures: (name: ObsTableName): string[] => realTables()[name]().measures(),
  /**
   * Several measures side by side, one row per authority (LA rows of one year; with `src`, of that
   * file only): `authority`, `laCode`, then one column per measure, named as the measure is.
   */
  byAuthority: (measures: string[], year: string, opts: { src?: string } = {}): DataFrame => {
    const t = realTables();
    const rows = new Map<string, Record<string, unknown>>();
    for (const m of measures) {
      for (const o of t.obs(m).filter({ measure: m, year, level: "la", ...(opts.src ? { src: opts.src } : {}) })) {
        const key = o.laCode ?? o.area;
        const r = rows.get(key) ?? { authority: o.area, laCode: o.laCode ?? null };
        if (r[m] !== undefined && r[m] !== o.value) throw new Error(`${m} ${year}: ${o.area} has values in more than one release; give { src } (e.g. "${o.src}")`);
        r[m] = o.value;
        rows.set(key, r);
      }
    }
    return toDataFrame([...rows.values()].map((r) => Object.fromEntries([["authority", r.authority], ["laCode", r.laCode], ...measures.map((m) => [m, r[m] ?? null])])));
  },
  /** Ofsted's judgements, one row per authority and inspection. */
  ofsted: (): DataFrame =>
    toDataFrame(realTables().ofsted().authorities.flatMap((a) =>
      a.judgements.map((j) => ({ authority: a.name, laCode: a.laCode, type: a.type, region: a.region, ...(j as unknown as Record<string, unknown>), file: source(OFSTED_SOURCE).file })))),
  /** Every upper-tier authority, past and present, with its codes. */
  authorities: (): DataFrame => toDataFrame(realTables().authorities() as unknown as Record<string, unknown>[]),
};

/**
 * A DataFrame shown as a table with numbers written as the documents write them (thousands
 * separated), its first `n` rows and how many more there are. Columns empty in every row shown are
 * left out, and so is `source` beside `file` (the frame itself keeps them).
 * @example await table(tables.cin({ measure: "referrals", year: "2017-18", level: "national" }))
 */
export async function table(df: DataFrame, n = 10, caption?: string): Promise<void> {
  const rows = toRows(df);
  const shown = rows.slice(0, n);
  // the file names the source, so its id is left out; so are columns empty in every row shown
  const keys = (df.columns as string[]).filter((k) => !(k === "source" && df.columns.includes("file")) && shown.some((r) => r[k] !== null && r[k] !== undefined));
  const columns = keys.map((key) => (key === "laCode" ? { key, format: "text" as const } : key));
  await display(htmlTable(shown, { columns, caption: caption ?? (rows.length > n ? `first ${n} of ${rows.length} rows` : `${rows.length} rows`), maxRows: n }));
}

/** The rows of a DataFrame as plain objects. */
export function toRows(df: DataFrame): Record<string, unknown>[] {
  const cols = df.columns as string[];
  const vals = df.values as unknown[][];
  return vals.map((v) => Object.fromEntries(cols.map((c, i) => [c, v[i]])));
}

// ---------------------------------------------------------------------------------------------
// The rows a check reads

/** Tables that note every observation a check looks up (each table keeps its own indexes). */
function recordingTables(real: Tables, seen: Obs[], read: Set<string>): Tables {
  const wrapped = new Map<string, ObsTable>();
  const wrap = (t: ObsTable): ObsTable => {
    const rec = Object.create(t) as ObsTable;
    rec.filter = (q) => {
      const hits = t.filter(q);
      seen.push(...hits);
      return hits;
    };
    return rec;
  };
  const named = (name: string, get: () => ObsTable) => () => {
    let w = wrapped.get(name);
    if (!w) wrapped.set(name, (w = wrap(get())));
    return w;
  };
  const memo = new Map<string, unknown>();
  return {
    ...real,
    obs: (m) => named(`obs|${m}`, () => real.obs(m))(),
    cin: named("cin", real.cin), cla: named("cla", real.cla), population: named("population", real.population),
    workforce: named("workforce", real.workforce), covariates: named("covariates", real.covariates), ro3: named("ro3", real.ro3),
    rs: named("rs", real.rs), ra: named("ra", real.ra), s251: named("s251", real.s251), deflator: named("deflator", real.deflator),
    placements: named("placements", real.placements), sfrRates: named("sfrRates", real.sfrRates),
    ofsted: () => {
      read.add("ofsted");
      return real.ofsted();
    },
    memo: <T>(key: string, compute: () => T, opts: { persist?: string } = {}): T => {
      const k = `${opts.persist ?? ""}|${key}`;
      if (!memo.has(k)) memo.set(k, opts.persist ? cachedByKey(opts.persist, key, compute) : compute());
      return memo.get(k) as T;
    },
  };
}

/**
 * The rows of the tidy tables a claim's check reads, as a DataFrame: the measure, year, area and
 * value, and the file, sheet, row and column each value comes from. `params` default to the
 * registry's (give others to see what another reading reads). A check of Ofsted grades gives
 * Ofsted's judgements (`tables.ofsted()`); one that reads cells of a file directly gives the values
 * its evidence names, with their file, rows and columns; one that works on the document's own
 * numbers gives those numbers, with the claim, the words and the place each comes from.
 */
export async function rowsRead(id: string, params?: Record<string, unknown>): Promise<DataFrame> {
  const c = claimOf(id);
  const seen: Obs[] = [];
  const read = new Set<string>();
  let res: CheckResult | undefined;
  const ctx = context(c, params ?? c.params ?? {});
  const cited: Record<string, unknown>[] = [];
  const lookup = ctx.documentNumber;
  ctx.documentNumber = (ref: string) => {
    const n = lookup(ref);
    cited.push({ claim: n.claim.id, role: ref.split(":")[1], written: n.written, value: n.value, location: `${n.claim.document.toUpperCase()} ${n.claim.location}`, quote: n.claim.quote });
    return n;
  };
  try {
    res = await KIND_CHECKS[c.check](ctx, recordingTables(realTables(), seen, read));
  } catch (e) {
    if (!(e instanceof SuppressedError || e instanceof MissingDataError)) throw e;
  }
  const unique = [...new Set(seen)];
  if (unique.length === 0 && cited.length) return toDataFrame(cited);
  if (unique.length === 0 && read.has("ofsted")) return tables.ofsted();
  if (unique.length === 0 && res) return toDataFrame(evidenceRows(res));
  return toDataFrame(obsRows(res ? decidingFirst(unique, res) : unique));
}

/**
 * Observations with the ones that decide the result first: those whose value is one of the check's
 * values or is named in its evidence (the highest rate of a range, the two ends of a change), then
 * the rest in the order they were read.
 */
function decidingFirst(obs: Obs[], r: CheckResult): Obs[] {
  const key = (x: number) => x.toPrecision(10);
  const deciding = new Set<string>();
  for (const v of Object.values(r.values)) if (typeof v === "number") deciding.add(key(v));
  for (const e of r.evidence) for (const v of Object.values(e.values ?? {})) if (typeof v === "number") deciding.add(key(v));
  const first = obs.filter((o) => o.value !== null && deciding.has(key(o.value)));
  return [...first, ...obs.filter((o) => !first.includes(o))];
}

/**
 * The values a check's evidence names, one row each, for a check that reads cells of a file directly
 * (not through a tidy table): the value, what it is, and the file, sheet, rows and columns.
 */
export function evidenceRows(r: CheckResult): Record<string, unknown>[] {
  return r.evidence.flatMap((e) =>
    Object.entries(e.values ?? {}).map(([what, value]) => ({ what, value, source: e.source, file: e.file, sheet: e.sheet ?? null, fileRows: e.rows.join("; "), fileColumns: e.columns.join("; ") })));
}

/** What the check of a claim may know of it, with the given params. */
function context(c: Claim, params: Record<string, unknown>) {
  registry ??= loadClaims();
  return { id: c.id, document: c.document, location: c.location, quantity: c.quantity, params, documentNumber: documentNumbers(registry, c.id) };
}

// ---------------------------------------------------------------------------------------------
// The computation and the card

/**
 * Runs the check kind `kind` with `params` for the claim `id`, as the ledger does (a figure the data
 * cannot give makes the claim unverifiable, as in the ledger), and returns its result: `values` by
 * role, `facts`, `evidence`, `alternatives`.
 * @example const r = await compute("nao-s7-referrals-change", "change", { of: "england", measure: "referrals", from: "2010-11", to: "2017-18" }); r.values
 */
export async function compute(id: string, kind: string, params: Record<string, unknown>): Promise<CheckResult> {
  const c = claimOf(id);
  const fn = KIND_CHECKS[kind];
  if (!fn) throw new Error(`no check kind "${kind}" (kinds: ${Object.keys(KIND_CHECKS).join(", ")})`);
  try {
    return await fn(context(c, params), realTables());
  } catch (e) {
    if (!(e instanceof SuppressedError || e instanceof MissingDataError)) throw e;
    return { values: {}, evidence: [], verdict: "unverifiable", reason: "not-in-mirror", explanation: `The data cannot give this figure: ${e.message}.` };
  }
}

/**
 * The values a computation gave, by role, next to what the document states, written in the claim's
 * units (shown in the notebook; returns the rows).
 */
export async function values(id: string, r: CheckResult): Promise<void> {
  const c = claimOf(id);
  const rows = c.stated.map((s) => ({ role: s.role, stated: s.written, computed: fmtRecomputed(r.values[s.role] ?? null, s.unit), exact: r.values[s.role] ?? null }));
  await display(htmlTable(rows, { caption: "Computed in this cell", columns: [{ key: "role", label: "" }, { key: "stated", label: "Stated", align: "right" }, { key: "computed", label: "Computed here", align: "right" }, { key: "exact", label: "To 3 decimals", align: "right", format: (v) => (typeof v === "number" ? (Number.isInteger(v) ? fmtNumber(v, 0) : fmtNumber(v, 3).replace(/\.?0+$/, "")) : "–") }] }));
}

/** Whether two recomputed lists agree (to 1e-9 relative: the same arithmetic gives the same numbers). */
function sameValues(a: (number | null)[] | null, b: (number | null)[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((x, i) => {
    const y = b[i];
    if (x === null || y === null) return x === y;
    return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
  });
}

/** The card shows a value the ledger does not give. */
export class CardMismatch extends Error {}

/**
 * The claim card for the notebook's own computation `r`: stated against recomputed, the verdict the
 * policy gives, the reading and the evidence. It fails loudly (throws CardMismatch) when the values
 * or the verdict differ from the ledger's row for the claim (`csc-factcheck recheck`), so a notebook
 * cannot show a figure the ledger does not. Pass `{ explore: true }` to show a changed reading's card
 * without failing: it is then marked as not the ledger's.
 */
export async function card(id: string, r: CheckResult, opts: { explore?: boolean } = {}): Promise<void> {
  const mine = rowOf(claimOf(id), r);
  const ledger = await check(id);
  const same = sameValues(mine.recomputed, ledger.recomputed) && mine.verdict === ledger.verdict;
  const fmt = (row: LedgerRow) => (row.recomputed === null ? "no value" : row.recomputed.map((x, i) => fmtRecomputed(x, row.units[i])).join("; "));
  if (!same && !opts.explore) {
    throw new CardMismatch(`${id}: this notebook computes ${fmt(mine)} (${mine.verdict}), the ledger ${fmt(ledger)} (${ledger.verdict}). The cell's params or the registry's have changed: make them agree, or pass { explore: true } to look without the ledger.`);
  }
  if (same) record(mine);
  await display(claimCard(mine) + (same ? "" : `<p style="color:#b35900"><b>Not the ledger's reading:</b> the ledger computes ${fmt(ledger)} (${ledger.verdict}).</p>`));
}
