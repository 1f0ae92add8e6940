import type { Alternative, LedgerRow, StatedValue, Unit } from "./types";
import { withinWritten } from "./verdict";
import { completeStated } from "./written";
import { DOC_TITLES } from "./registry";

/**
 * The disagreements finder. Every ledger row that states a figure of a named quantity carries the
 * registry's `quantity` key (or `quantities` by role); each statement's period and unit are put in one
 * form (a date of 31 March is the financial year it ends, money is in £ million). Every pair of
 * statements of one quantity, across documents and within one, is compared: their numbers within the
 * precision each is written to, their periods, the terms they use and the reading of the data that
 * reproduces each. For each pair that differs the cause is derived from the rows — the alternatives of
 * the checks that reproduce a number, and the verdicts — never typed per pair.
 */

/** Why two statements of one quantity differ. */
export type Cause = "vintage" | "period" | "inclusion" | "definition" | "cash-or-real" | "misquotation" | "arithmetic" | "error" | "unexplained";

/** `error`: the data, on the primary reading, confirm one statement and contradict the other, which no reading reproduces. */
export const CAUSES: readonly Cause[] = ["vintage", "period", "inclusion", "definition", "cash-or-real", "misquotation", "arithmetic", "error", "unexplained"];

/** How one claim states a quantity, with the reading of the data that reproduces its number. */
export interface Statement {
  id: string;
  document: string;
  location: string;
  written: string;
  term: string | null;
  /** The period as the registry writes it. */
  period: string | null;
  /** The period in one form ("31 March 2018" → "2017-18"), for comparison. */
  periodKey: string | null;
  /** The stated number, in `unit`. */
  stated: number;
  /** Half-width of the interval the written number stands for, in `unit`. */
  tolerance: number;
  qualifier: StatedValue["qualifier"] | null;
  /** The unit after normalisation (money in £ million). */
  unit: Unit;
  verdict: string;
  basis: string;
  reason: string | null;
  /** The row's recomputed value for this number, in `unit` (the data's answer when basis is "data"). */
  recomputed: number | null;
  /** "the project's primary reading", an alternative's label, or null when no reading reproduces it. */
  matches: string | null;
  matchKind: Alternative["kind"] | "primary" | null;
}

/** What differs between two statements of one quantity. */
export type Difference = "number" | "period" | "reading" | "term";

/** Two statements of one quantity that differ, with the data's answer and the cause. */
export interface Pair {
  quantity: string;
  a: Statement;
  b: Statement;
  /** Both in one document. */
  within: boolean;
  differences: Difference[];
  cause: Cause;
  /** One sentence: how the cause follows from the rows. */
  because: string;
  /**
   * Whether the cause rests on the data: a reading of the data reproduces a number, or a verdict (misquoted,
   * inconsistent, revised, rounding, a release not held) says why; false when it rests only on the periods or
   * terms the documents write.
   */
  fromData: boolean;
  /** The data's answer for each side: its row's recomputed value when checked against the data, else the quantity's. */
  dataA: number | null;
  dataB: number | null;
  /** For a pair inside one document: the `inconsistent` row that records the contradiction, if any. */
  inconsistentRow: string | null;
}

/** A quantity stated more than once, every pair compared. */
export interface QuantityGroup {
  quantity: string;
  statements: Statement[];
  /** The data's answer for the quantity: the recomputed value of a statement the primary reading reproduces (else of the first checked against the data). */
  data: number | null;
  unit: Unit;
  /** Every pair of statements, and those that differ. */
  pairs: number;
  differing: Pair[];
  /** Pairs whose units cannot be put in one form (a count against a percentage). */
  incomparable: number;
}

/** A quantity stated differently somewhere: the groups with at least one differing pair. */
export interface Disagreement extends QuantityGroup {
  /** The causes of its differing pairs, each once, in CAUSES order. */
  causes: Cause[];
  /** Sentences: which reading of the data reproduces each statement. */
  cause: string;
}

/** The finder's counts. */
export interface FinderSummary {
  /** Distinct quantities stated. */
  quantities: number;
  statedMoreThanOnce: number;
  pairs: number;
  differing: number;
  /** Differing pairs with a cause other than "unexplained". */
  explained: number;
  /** Of those, the pairs whose cause rests on the data (a reading that reproduces a number, or a verdict). */
  explainedByData: number;
  within: number;
  across: number;
  /** Differing pairs inside one document whose numbers contradict each other, and how many have an inconsistent row. */
  withinContradictions: number;
  withinWithInconsistentRow: number;
  /** The ledger's `inconsistent` rows: a document's number against its own other numbers. */
  inconsistentRows: number;
  byCause: Record<Cause, number>;
}

/** A document's number that its own other numbers contradict (an `inconsistent` row of the ledger). */
export interface Inconsistency {
  id: string;
  document: string;
  location: string;
  written: string[];
  /** What the document's own numbers give, by stated value. */
  implied: (number | null)[];
  units: Unit[];
  quantity: string | null;
  /** The first sentence of the row's explanation. */
  because: string;
}

/** Every `inconsistent` row of the ledger, in ledger order. */
export function inconsistencies(rows: LedgerRow[]): Inconsistency[] {
  return rows.filter((r) => r.verdict === "inconsistent").map((r) => ({
    id: r.id, document: r.document, location: r.location, written: r.written, implied: r.recomputed ?? r.written.map(() => null), units: r.units,
    quantity: r.quantity ?? null, because: r.explanation.split(/(?<=\.) /)[0],
  }));
}

const PRIMARY = "the project's primary reading";

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/**
 * One form for a period. DfE's statistics for "2017-18" are those at 31 March 2018, so a date of
 * 31 March is the financial year it ends ("31 March 2018" → "2017-18"); "2017/18" is "2017-18"; a
 * range is normalised at both ends. Other dates are kept (lower case, single spaces).
 */
export function normalisePeriod(p: string | null | undefined): string | null {
  if (p === null || p === undefined) return null;
  const s = p.trim().toLowerCase().replace(/\s+/g, " ");
  if (!s) return null;
  const range = s.split(/ (?:to|until|–|-) (?=\d|[a-z]+ \d)/);
  if (range.length === 2) return `${normalisePeriod(range[0])} to ${normalisePeriod(range[1])}`;
  const fy = /^(\d{4})[-/](\d{2}|\d{4})$/.exec(s);
  if (fy) return `${fy[1]}-${fy[2].slice(-2)}`;
  const march = /^31 march (\d{4})$/.exec(s);
  if (march) {
    const y = Number(march[1]);
    return `${y - 1}-${String(y % 100).padStart(2, "0")}`;
  }
  const date = /^(\d{1,2}) ([a-z]+) (\d{4})$/.exec(s);
  if (date && MONTHS.includes(date[2])) return `${Number(date[1])} ${date[2]} ${date[3]}`;
  return s;
}

/** Money in £ million; other units as they are. */
export function normaliseUnit(unit: Unit, value: number): { unit: Unit; value: number } {
  if (unit === "gbp_bn") return { unit: "gbp_m", value: value * 1000 };
  if (unit === "gbp") return { unit: "gbp_m", value: value / 1e6 };
  return { unit, value };
}

/** Index of the role that carries the quantity in a row (the registry's quantityRole, else the first). */
function mainIndex(r: LedgerRow): number {
  const i = r.quantityRole ? r.roles.indexOf(r.quantityRole) : -1;
  return i >= 0 ? i : 0;
}

/** Every (quantity, role index) a row states: its main quantity and any further ones by role. */
export function statedQuantities(r: LedgerRow): { quantity: string; index: number }[] {
  const out: { quantity: string; index: number }[] = [];
  if (r.quantity) out.push({ quantity: r.quantity, index: mainIndex(r) });
  for (const [role, q] of Object.entries(r.quantities ?? {})) {
    const i = r.roles.indexOf(role);
    if (i >= 0) out.push({ quantity: q, index: i });
  }
  return out;
}

/** A row's i-th number as a stated value with its written precision. */
function statedValue(r: LedgerRow, i: number): StatedValue & { value: number; tolerance: number } {
  const q = r.qualifiers?.[i] ?? undefined;
  const tolerance = r.tolerances?.[i] ?? (q ? 0 : undefined);
  const sv = completeStated({ written: r.written[i], unit: r.units[i], role: r.roles[i], ...(q ? { qualifier: q } : {}), ...(tolerance !== undefined ? { tolerance } : {}), value: r.stated[i] });
  return { ...sv, value: r.stated[i] };
}

/** Which reading (primary or alternative) reproduces a stated value within its written precision. */
export function whichReading(r: LedgerRow, i: number): { label: string | null; kind: Statement["matchKind"] } {
  const sv = statedValue(r, i);
  const rec = r.recomputed?.[i] ?? null;
  if (rec !== null && withinWritten(sv, rec)) return { label: r.readingLabel ? `${PRIMARY} (${r.readingLabel})` : PRIMARY, kind: "primary" };
  for (const a of r.alternatives ?? []) {
    const v = a.values[r.roles[i]];
    if (v === null || v === undefined) continue;
    if (withinWritten(sv, v)) return { label: a.label, kind: a.kind };
  }
  return { label: null, kind: null };
}

/** One statement of a quantity, normalised. */
export function statementOf(r: LedgerRow, i: number): Statement {
  const sv = statedValue(r, i);
  const w = whichReading(r, i);
  const n = normaliseUnit(r.units[i], sv.value);
  const scale = sv.value === 0 ? normaliseUnit(r.units[i], 1).value : n.value / sv.value;
  const rec = r.recomputed?.[i] ?? null;
  const period = r.periods?.[i] ?? null;
  return {
    id: r.id, document: r.document, location: r.location, written: r.written[i], term: r.term ?? null,
    period, periodKey: normalisePeriod(period),
    stated: n.value, tolerance: sv.tolerance * Math.abs(scale), qualifier: sv.qualifier ?? null, unit: n.unit,
    verdict: r.verdict, basis: r.basis, reason: r.reason ?? null,
    recomputed: rec === null ? null : normaliseUnit(r.units[i], rec).value,
    matches: w.label, matchKind: w.kind,
  };
}

/** Whether two statements' numbers agree: one lies within the precision (and qualifier) the other is written to. */
export function numbersAgree(a: Statement, b: Statement): boolean {
  const sv = (s: Statement): StatedValue => ({ written: s.written, unit: s.unit, role: "x", value: s.stated, tolerance: s.tolerance, ...(s.qualifier ? { qualifier: s.qualifier } : {}) });
  if (a.qualifier === b.qualifier && a.stated === b.stated) return true;
  return withinWritten(sv(a), b.stated) || withinWritten(sv(b), a.stated);
}

/** The reading that reproduces a statement, as a key: all primary readings are one. */
function readingKey(s: Statement): string | null {
  return s.matchKind === "primary" ? "primary" : s.matches;
}

const KIND_CAUSE: Record<Alternative["kind"], Cause> = {
  revision: "vintage",
  period: "period",
  inclusion: "inclusion",
  definition: "definition",
  denominator: "definition",
  "cash-real": "cash-or-real",
  rounding: "arithmetic",
};

/** The cause a statement's own row gives for departing from the primary reading, if any. */
function ownCause(s: Statement): { cause: Cause; because: string } | null {
  if (s.verdict === "misquoted") return { cause: "misquotation", because: `${s.id} is misquoted: the document it cites gives another figure` };
  if (s.verdict === "inconsistent") return { cause: "arithmetic", because: `${s.id} is inconsistent with its own document's numbers` };
  if (s.matchKind && s.matchKind !== "primary") return { cause: KIND_CAUSE[s.matchKind], because: `only ${s.matches} (${s.matchKind}) reproduces ${s.written} (${s.id})` };
  if (s.verdict === "revised") return { cause: "vintage", because: `${s.id} is revised: ${s.written} is an earlier release's figure` };
  if (s.verdict === "unverifiable" && s.reason === "vintage-not-held") return { cause: "vintage", because: `${s.id} follows a release that is not held, and no release held gives its figure` };
  if (s.verdict === "rounding") return { cause: "arithmetic", because: `${s.id} is the document's rounding of its own figures` };
  return null;
}

/**
 * The cause of a difference between two statements, from their rows: a misquotation or an internal
 * inconsistency first; then the alternative reading that reproduces one number but not the other;
 * then a revised or vintage-not-held verdict, or a rounding shown; then different periods or terms.
 * Else "unexplained".
 */
export function causeOf(a: Statement, b: Statement, differences: Difference[]): { cause: Cause; because: string; fromData: boolean } {
  for (const v of ["misquoted", "inconsistent"]) {
    const s = [a, b].find((x) => x.verdict === v);
    if (s) return { ...ownCause(s)!, fromData: true };
  }
  const ka = readingKey(a);
  const kb = readingKey(b);
  if (ka !== kb) {
    // the side not reproduced by the primary reading (or, when neither is, the first with a cause of its own)
    const order = ka === "primary" ? [b, a] : kb === "primary" ? [a, b] : [a, b];
    for (const s of order) {
      const c = ownCause(s);
      if (c) return { ...c, fromData: true };
    }
  } else {
    for (const s of [a, b]) {
      const c = ownCause(s);
      if (c && differences.includes("number")) return { ...c, fromData: true };
    }
  }
  const unreproduced = [a, b].filter((s) => s.matches === null).map((s) => `${s.written} (${s.id})`);
  const none = unreproduced.length ? `; no reading of the data reproduces ${unreproduced.join(" or ")}` : "";
  if (differences.includes("period")) return { cause: "period", because: `${a.id} is for ${a.period}, ${b.id} for ${b.period}${none}`, fromData: false };
  if (differences.includes("term")) return { cause: "definition", because: `“${a.term}” (${a.id}) against “${b.term}” (${b.id})`, fromData: false };
  // same period and terms: the data confirm one side and contradict the other, which no reading reproduces
  const right = [a, b].find((s) => s.verdict === "confirmed" && s.matchKind === "primary");
  const wrong = [a, b].find((s) => s.verdict === "differs" && s.matches === null);
  if (right && wrong && right !== wrong) {
    return { cause: "error", fromData: true, because: `the data confirm ${right.written} (${right.id}) and contradict ${wrong.written} (${wrong.id}), which no reading of the data reproduces` };
  }
  return { cause: "unexplained", fromData: false, because: `no reading of the data reproduces ${[a, b].filter((s) => s.matches === null).map((s) => `${s.written} (${s.id})`).join(" or ") || "the difference"}` };
}

/** What differs between two statements (empty when they agree). */
export function differencesOf(a: Statement, b: Statement): Difference[] {
  const out: Difference[] = [];
  if (!numbersAgree(a, b)) out.push("number");
  if (a.periodKey !== null && b.periodKey !== null && a.periodKey !== b.periodKey) out.push("period");
  if (a.term !== null && b.term !== null && a.term !== b.term) out.push("term");
  // a different reading of the data reproducing each is noted, but on its own it is a difference of the checks, not of the statements
  const ka = readingKey(a);
  const kb = readingKey(b);
  if (out.length && ka !== null && kb !== null && ka !== kb) out.push("reading");
  return out;
}

/** The data's answer for a statement: its row's value when checked against the data, else the quantity's. */
function dataOf(s: Statement, quantityData: number | null): number | null {
  return s.basis === "data" && s.recomputed !== null ? s.recomputed : quantityData;
}

/** Every quantity stated more than once, with every pair compared. */
export function findGroups(rows: LedgerRow[]): QuantityGroup[] {
  const groups = new Map<string, { r: LedgerRow; i: number }[]>();
  for (const r of rows) for (const { quantity, index } of statedQuantities(r)) groups.set(quantity, [...(groups.get(quantity) ?? []), { r, i: index }]);
  const out: QuantityGroup[] = [];
  for (const [quantity, rs] of groups) {
    if (rs.length < 2) continue;
    const statements = rs.map(({ r, i }) => statementOf(r, i));
    // the quantity's answer: a statement the primary reading reproduces, else any checked against the data
    const checked = statements.filter((s) => s.basis === "data" && s.recomputed !== null);
    const primary = checked.find((s) => s.matchKind === "primary") ?? checked[0];
    const data = primary?.recomputed ?? null;
    const differing: Pair[] = [];
    let pairs = 0;
    let incomparable = 0;
    for (let x = 0; x < statements.length; x++) {
      for (let y = x + 1; y < statements.length; y++) {
        const a = statements[x];
        const b = statements[y];
        // one statement checked two ways (the same words of the same document, two rows) is not a pair
        const [ra, rb] = [rs[x], rs[y]];
        if (ra.r.document === rb.r.document && ra.r.quote === rb.r.quote && ra.r.written[ra.i] === rb.r.written[rb.i]) continue;
        pairs++;
        if (a.unit !== b.unit) { incomparable++; continue; }
        const differences = differencesOf(a, b);
        if (!differences.length) continue;
        const { cause, because, fromData } = causeOf(a, b, differences);
        const within = a.document === b.document;
        const inconsistentRow = within ? ([a, b].find((s) => s.verdict === "inconsistent") ?? statements.find((s) => s.document === a.document && s.verdict === "inconsistent"))?.id ?? null : null;
        differing.push({ quantity, a, b, within, differences, cause, because, fromData, dataA: dataOf(a, data), dataB: dataOf(b, data), inconsistentRow });
      }
    }
    if (pairs === 0) continue; // one statement, checked by more than one row
    out.push({ quantity, statements, data, unit: primary?.unit ?? statements[0].unit, pairs, differing, incomparable });
  }
  return out.sort((a, b) => a.quantity.localeCompare(b.quantity));
}

/** A short name for a document. */
export function docShort(d: string): string {
  return (DOC_TITLES[d as keyof typeof DOC_TITLES] ?? d).split(",")[0];
}

/** Sentences: which reading of the data reproduces each statement. */
function readingSentences(statements: Statement[]): string {
  return statements
    .map((s) => {
      const who = `${docShort(s.document)} (${s.location}) writes ${s.written}${s.term ? ` of “${s.term}”` : ""}${s.period ? ` for ${s.period}` : ""}`;
      if (s.matchKind === "primary") return `${who}: ${s.matches!.replace(PRIMARY, "the project's reading")} reproduces it`;
      if (s.matches) return `${who}: only ${s.matches} (${s.matchKind}) reproduces it`;
      return `${who}: no reading of the data reproduces it`;
    })
    .join("; ");
}

/**
 * The quantities stated differently: every group with at least one differing pair, each pair with
 * its cause, and the causes of the group in CAUSES order.
 */
export function disagreements(rows: LedgerRow[]): Disagreement[] {
  return findGroups(rows)
    .filter((g) => g.differing.length > 0)
    .map((g) => ({ ...g, causes: CAUSES.filter((c) => g.differing.some((p) => p.cause === c)), cause: readingSentences(g.statements) }));
}

/**
 * Whether a pair inside one document is a contradiction of its numbers: the same quantity for the same
 * period written as two numbers that cannot both hold (a difference of terms only is a definition).
 */
export function isContradiction(p: Pair): boolean {
  return p.within && p.differences.includes("number") && !p.differences.includes("period");
}

/** The finder's counts over the whole ledger. */
export function summarise(rows: LedgerRow[]): FinderSummary {
  const all = new Set(rows.flatMap((r) => statedQuantities(r).map((q) => q.quantity)));
  const groups = findGroups(rows);
  const pairs = groups.flatMap((g) => g.differing);
  const byCause = Object.fromEntries(CAUSES.map((c) => [c, pairs.filter((p) => p.cause === c).length])) as Record<Cause, number>;
  const contradictions = pairs.filter(isContradiction);
  return {
    quantities: all.size,
    statedMoreThanOnce: groups.length,
    pairs: groups.reduce((n, g) => n + g.pairs, 0),
    differing: pairs.length,
    explained: pairs.filter((p) => p.cause !== "unexplained").length,
    explainedByData: pairs.filter((p) => p.fromData).length,
    within: pairs.filter((p) => p.within).length,
    across: pairs.filter((p) => !p.within).length,
    withinContradictions: contradictions.length,
    withinWithInconsistentRow: contradictions.filter((p) => p.inconsistentRow !== null).length,
    inconsistentRows: rows.filter((r) => r.verdict === "inconsistent").length,
    byCause,
  };
}

/** One statement in a line: where, what, for when. */
export function statementLine(s: Statement): string {
  return `${docShort(s.document)} ${s.location}: ${s.written}${s.term ? ` (“${s.term}”)` : ""}${s.period ? `, ${s.period}` : ""}`;
}

/** The finder's counts in a sentence. */
export function summarySentence(s: FinderSummary): string {
  const causes = CAUSES.filter((c) => s.byCause[c] > 0).map((c) => `${c} ${s.byCause[c]}`).join(", ");
  return `${s.statedMoreThanOnce} of ${s.quantities} quantities are stated more than once (${s.pairs} pairs of statements); ${s.differing} pairs differ (${s.across} across documents, ${s.within} within one) and a cause is found for ${s.explained} of them (${causes}), ${s.explainedByData} of those from the data (a reading that reproduces a number, or a verdict), the others from the periods or terms the documents write.`;
}

/**
 * The disagreements as text: each quantity with the data's answer, its statements and each differing
 * pair with its cause. `md` gives Markdown.
 */
export function renderDisagreements(list: Disagreement[], summary: FinderSummary, fmt: (x: number | null, unit: Unit) => string, md = false, inconsistent: Inconsistency[] = []): string {
  const lines: string[] = [summarySentence(summary), ""];
  for (const d of list) {
    lines.push(md ? `### ${d.quantity}` : `== ${d.quantity}`);
    lines.push(`${md ? "" : "  "}The data: ${d.data === null ? "no figure" : fmt(d.data, d.unit)}. Causes: ${d.causes.join(", ")}.`);
    if (md) lines.push("");
    for (const s of d.statements) lines.push(`${md ? "- " : "  "}${statementLine(s)} → ${s.verdict}; ${s.matches ?? "no reading of the data reproduces it"} [${s.id}]`);
    if (md) lines.push("");
    for (const p of d.differing) {
      const data = p.dataA === p.dataB ? fmt(p.dataA, d.unit) : `${fmt(p.dataA, d.unit)} / ${fmt(p.dataB, d.unit)}`;
      lines.push(`${md ? "- " : "  * "}${p.cause}${p.within ? " (within one document)" : ""}${p.cause !== "unexplained" && !p.fromData ? " (from the documents' words)" : ""}: ${p.a.written} [${p.a.id}] against ${p.b.written} [${p.b.id}] (differ: ${p.differences.join(", ")}); the data: ${data}; ${p.because}${p.within && p.inconsistentRow ? `; recorded by ${p.inconsistentRow}` : ""}`);
    }
    lines.push("");
  }
  if (inconsistent.length) {
    lines.push(md ? "### A document against its own numbers" : "== A document against its own numbers");
    if (md) lines.push("");
    for (const r of inconsistent) lines.push(`${md ? "- " : "  "}${docShort(r.document)} ${r.location}: ${r.written.join(", ")} → its own numbers give ${r.implied.map((x, i) => fmt(x, r.units[i])).join(", ")} [${r.id}]`);
    lines.push("");
  }
  return lines.join("\n");
}
