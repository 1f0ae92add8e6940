import * as path from "node:path";
import type { Alternative, CheckResult, Claim, Evidence, Unit } from "../types";
import type { Check, ClaimContext } from "./types";
import { optParam, param } from "./types";
import { DataError, source } from "../../data/sources";
import { Obs, evidenceFor, num } from "../../data/obs";
import type { RawTable } from "../../data/readers";
import { BOUNDARY_CHANGES, normaliseLaName, TINY_LAS } from "../../data/la";
import { laByCode, laByOnsCode, ofstedAuthoritiesIn, type Tables } from "../tables";
import { CIN_EES, CIN_SFR } from "../../data/tidy/cin";
import { CLA_EES, CLA_SFR, placementLayout2010 } from "../../data/tidy/cla";
import { WORKFORCE_FILES, WORKFORCE_LABELS } from "../../data/tidy/workforce";
import { inPounds, S251_EES_NATIONAL } from "../../data/tidy/spending";
import { deflatorIndex } from "../../data/tidy/spending-deflator";
import { basisText, gradeCounts, judgementFor, OFSTED_SHEET, OFSTED_SOURCE, ofstedEvidence, parseBasis } from "../../data/tidy/ofsted";
import { fyFromEnd } from "../../data/tidy/common";
import { percentChange, ratePer10k, sharePercent } from "../../stats/change";
import { DOC_FILES } from "../registry";
import { fmtMoney, fmtNumber, fmtPercent } from "../../format";
import { demandChecks } from "./demand";
import { genericChecks } from "./generic";
import { change, label, tryEngland } from "./series";

/**
 * Checks of the House of Commons Library briefing CBP 8543 (Children's social care services in
 * England, March 2021) and of the NAO's gov.uk summary page: the 2010–2020 changes in activity,
 * rates per 10,000 (England and by LA, with the highest and lowest authorities), the looked-after
 * placements table, the spending table (cash and real terms, with its break in series), spending per
 * 0-18 year old by LA, the workforce table and the LA vacancy and agency rankings, Ofsted judgements
 * at 31 August 2020, and the arithmetic of the briefing's own tables (internal consistency).
 *
 * The briefing's "2010" and "2020" mean 31 March 2010 and 2020 (years ending then: "2009-10",
 * "2019-20"); its rates are DfE's, per 10,000 children aged under 18, although it labels them
 * "0-18 year olds": the checks report the rate on a 0-18 denominator beside DfE's where it matters.
 */

// ---------------------------------------------------------------------------------------------
// Small helpers

/** "CLA2018.csv, SSDA903 statistical release 2018". */
function fileLabel(src: string): string {
  const s = source(src);
  return `${path.posix.basename(s.file)} (${s.release})`;
}

/** "2019-20" → "31 March 2020". */
const at31March = (fy: string) => `31 March ${Number(fy.slice(0, 4)) + 1}`;

/** "2019-20" → "2019", the ONS mid-year whose estimate is the denominator of rates at 31 March 2020. */
const midYearBefore = (fy: string) => fy.slice(0, 4);

function strList(c: ClaimContext, name: string): string[] {
  const v = c.params[name];
  return Array.isArray(v) ? v.map(String) : [];
}

/** An observation made from one cell of a RawTable. */
function cellObs(t: RawTable, r: number, column: string | number, o: Pick<Obs, "measure" | "year" | "level" | "area" | "code"> & { laCode?: string }): Obs {
  const i = typeof column === "number" ? column : t.col(column);
  const cell = t.cell(r, i);
  return {
    ...o,
    value: cell.value,
    ...(cell.value === null ? { marker: cell.marker ?? cell.text ?? "" } : {}),
    src: t.source.id,
    ...(t.sheet ? { sheet: t.sheet } : {}),
    row: t.rowNumbers[r],
    col: t.header[i],
  };
}

/** The sum of observations, or null (with the first marker) when any is missing: never a partial sum. */
function sumOf(parts: Obs[]): { value: number | null; missing: Obs[] } {
  const missing = parts.filter((p) => p.value === null);
  return { value: missing.length ? null : parts.reduce((s, p) => s + (p.value as number), 0), missing };
}

/** Index of the England row of an SFR file (geog_l National). */
function nationalRow(t: RawTable): number {
  return t.oneRow("England (geog_l = National)", (r) => t.text(r, "geog_l").toLowerCase() === "national");
}

// ---------------------------------------------------------------------------------------------
// England series (also used by the notebook)

/** Financial years from `from` to `to` inclusive ("2009-10" … "2019-20"). */
export function yearsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) out.push(fyFromEnd(y + 1));
  return out;
}

/** Order of vintages for the briefing's series: DfE's 2020 releases first, then the first-published files. */
export const HCL_PREFER = ["cin-ees2020", "cla-ees2022", "cin-sfr-", "cla-"];

/** One England observation per year of a measure (null where the files have none). */
export function englandSeries(tables: Tables, measure: string, from = "2009-10", to = "2019-20", prefer: string[] = HCL_PREFER): { year: string; obs: Obs | null }[] {
  return yearsBetween(from, to).map((year) => ({ year, obs: tryEngland(tables, measure, year, prefer) }));
}

// ---------------------------------------------------------------------------------------------
// hclChange: a change in England activity, with the other definition of the same activity

/**
 * A change in England activity between two years (the generic `activityChange`, whose params it
 * takes), plus the same change under another definition of the activity (params.contrast, e.g.
 * `cinEpisodes` for children in need during the year rather than at 31 March, `cppStarts` for
 * plans starting rather than in force), given as an alternative of kind "definition" for the same
 * roles (percentage change, start, end).
 */
const hclChange: Check = async (c, tables) => {
  const base = (await demandChecks.activityChange(c, tables)) as CheckResult;
  const contrast = typeof c.params.contrast === "string" ? c.params.contrast : undefined;
  if (!contrast) return base;
  const from = param(c, "from");
  const to = param(c, "to");
  const prefer = Array.isArray(c.params.prefer) ? (c.params.prefer as string[]) : undefined;
  const ch = change(tables, contrast, from, to, prefer);
  // the contrast answers every role that the series gives to a percentage change, a start or an end
  const series = (c.params.series as Record<string, string> | undefined) ?? { pctChange: `${param(c, "measure")}.pct` };
  const values: Record<string, number | null> = {};
  for (const [role, spec] of Object.entries(series)) {
    const what = spec.split(".")[1];
    values[role] = what === "pct" ? ch.pct : what === "from" ? num(ch.a) : what === "to" ? num(ch.b) : null;
  }
  return {
    ...base,
    evidence: [...base.evidence, ...evidenceFor([ch.a, ch.b], `other definition: ${label(contrast)}`)],
    explanation: `${base.explanation} Counted as ${label(contrast)} instead: ${fmtNumber(num(ch.a))} in ${from} to ${fmtNumber(num(ch.b))} in ${to}, ${fmtPercent(ch.pct, 1, true)}.`,
    alternatives: [...(base.alternatives ?? []), { label: `${label(contrast)} (${from} to ${to})`, kind: "definition", values }],
  };
};

// ---------------------------------------------------------------------------------------------
// hclSeriesPeak, hclAnnualFalls

/**
 * The highest England value of a measure over a span of years and the year of 31 March it fell in.
 * Roles: `peak` (the value), `peakYear` (e.g. 2018 for 31 March 2018).
 */
const hclSeriesPeak: Check = (c, tables) => {
  const measure = param(c, "measure");
  const series = englandSeries(tables, measure, param(c, "from"), param(c, "to")).filter((p) => p.obs && p.obs.value !== null);
  if (series.length === 0) throw new DataError(`no England figures for ${label(measure)} between ${param(c, "from")} and ${param(c, "to")}`);
  const top = series.reduce((a, b) => (num(b.obs!) > num(a.obs!) ? b : a));
  const end = Number(top.year.slice(0, 4)) + 1;
  const list = series.map((p) => `${p.year} ${fmtNumber(num(p.obs!))}`).join(", ");
  return {
    values: { peak: num(top.obs!), peakYear: end },
    evidence: evidenceFor(series.map((p) => p.obs!)),
    explanation: `England ${label(measure)}, ${series[0].year} to ${series[series.length - 1].year}: ${list}. The highest is ${fmtNumber(num(top.obs!))} at ${at31March(top.year)} (${top.obs!.src}).`,
  };
};

/**
 * How many times an England series fell from one year to the next (a document saying it "increased
 * year on year" states 0). params.series: { role: measure }, from, to.
 */
const hclAnnualFalls: Check = (c, tables) => {
  const spec = c.params.series as Record<string, string> | undefined;
  if (!spec) throw new Error(`claim "${c.id}": parameter "series" is missing`);
  const values: Record<string, number | null> = {};
  const used: Obs[] = [];
  const sentences: string[] = [];
  for (const [role, measure] of Object.entries(spec)) {
    const s = englandSeries(tables, measure, param(c, "from"), param(c, "to")).filter((p) => p.obs && p.obs.value !== null);
    const falls: string[] = [];
    for (let i = 1; i < s.length; i++) {
      const a = num(s[i - 1].obs!);
      const b = num(s[i].obs!);
      if (b < a) falls.push(`${s[i].year} (${fmtNumber(a)} → ${fmtNumber(b)}, ${fmtNumber(b - a)})`);
    }
    values[role] = falls.length;
    used.push(...s.map((p) => p.obs!));
    sentences.push(`England ${label(measure)} ${s.map((p) => fmtNumber(num(p.obs!))).join(", ")} (${s[0].year} to ${s[s.length - 1].year}): ${falls.length === 0 ? "no fall from one year to the next" : `${falls.length} fall${falls.length > 1 ? "s" : ""}: ${falls.join("; ")}`}.`);
  }
  return { values, evidence: evidenceFor(used), explanation: sentences.join(" ") };
};

// ---------------------------------------------------------------------------------------------
// hclEnglandRate: children in need / looked after per 10,000 at 31 March, as published, with a 0-18 denominator

/**
 * The England rate per 10,000 of children in need (params.measure cinAt31March) or looked after
 * (claAt31March) at 31 March of params.year, as DfE published it (per 10,000 children aged under 18),
 * with the same count on other denominators as alternatives: ONS's revised 0-17 estimate and the
 * 0-18 population the briefing names. Role `rate`.
 */
const hclEnglandRate: Check = (c, tables) => {
  const measure = param(c, "measure");
  const year = param(c, "year");
  const pop = tables.population();
  const mid = midYearBefore(year);
  const used: Obs[] = [];
  const sentences: string[] = [];
  const alternatives: Alternative[] = [];
  let rate: number;
  let count: Obs;
  if (measure === "cinAt31March" && CIN_SFR[year]) {
    const t = tables.raw(CIN_SFR[year]);
    const r = nationalRow(t);
    const yy = year.slice(2, 4) + year.slice(5, 7);
    const rateObs = cellObs(t, r, "CINRatePer10K", { measure: "cinAt31MarchRate", year, level: "national", area: "England", code: "E92000001" });
    count = cellObs(t, r, `CINAt3103${yy.slice(2)}`, { measure, year, level: "national", area: "England", code: "E92000001" });
    const den = cellObs(t, r, t.colOf(`Mid${mid}Pop0-17`, `Mid${mid}Pop017`).name, { measure: "dfePopulation0to17", year, level: "national", area: "England", code: "E92000001" });
    used.push(rateObs, count, den);
    rate = num(rateObs);
    sentences.push(`DfE published ${fmtNumber(rate)} children in need per 10,000 children aged under 18 at ${at31March(year)} (${fileLabel(t.source.id)}, column ${rateObs.col}): ${fmtNumber(num(count))} children on DfE's mid-${mid} estimate of ${fmtNumber(num(den))} aged 0-17 (${fmtNumber(ratePer10k(num(count), num(den)), 1)}), made before the 2011 Census.`);
  } else if (measure === "cinAt31March") {
    const rateObs = tables.cin().one({ measure: "cinAt31MarchRate", year, level: "national", src: CIN_EES["2020"].b1 });
    count = tables.cin().one({ measure, year, level: "national", src: CIN_EES["2020"].b1 });
    used.push(rateObs, count);
    rate = num(rateObs);
    sentences.push(`DfE published ${fmtNumber(rate, 1)} children in need per 10,000 children aged under 18 at ${at31March(year)} (${fileLabel(rateObs.src)}, column ${rateObs.col}; ${fmtNumber(num(count))} children).`);
    const later = tables.cin().filter({ measure: "cinAt31MarchRate", year, level: "national" }).filter((o) => o.src !== rateObs.src && o.value !== null);
    for (const o of later) {
      used.push(o);
      alternatives.push({ label: `${fileLabel(o.src)}, re-based on revised populations`, kind: "revision", values: { rate: o.value } });
      sentences.push(`${fileLabel(o.src)} re-bases it on revised populations: ${fmtNumber(o.value, 1)}.`);
    }
  } else if (measure === "claAt31March" && year === CLA_SFR[0].year) {
    const t = tables.raw(CLA_SFR[0].cla);
    const r = nationalRow(t);
    count = cellObs(t, r, t.colOf(`MarTotal_${Number(mid) + 1}`).name, { measure, year, level: "national", area: "England", code: "E92000001" });
    const den = cellObs(t, r, t.colOf(`Mid${mid}Pop0-17`).name, { measure: "claRatePopulation", year, level: "national", area: "England", code: "E92000001" });
    used.push(count, den);
    rate = ratePer10k(num(count), num(den));
    sentences.push(`The ${fileLabel(t.source.id)} file gives ${fmtNumber(num(count))} children looked after at ${at31March(year)} (rounded to the nearest 100) and DfE's mid-${mid} estimate of ${fmtNumber(num(den))} children aged 0-17 (made before the 2011 Census): ${fmtNumber(rate, 1)} per 10,000, which DfE printed as a whole number.`);
  } else if (measure === "claAt31March") {
    const rates = tables.cla().filter({ measure: "claRate", year, level: "national" }).filter((o) => o.value !== null && o.src.startsWith("cla-ees"));
    if (rates.length === 0) throw new DataError(`no England rate of children looked after for ${year} in the looked-after files`);
    const first = rates[0];
    count = tables.cla().one({ measure, year, level: "national", src: first.src });
    used.push(first, count);
    rate = num(first);
    sentences.push(`DfE's rate at ${at31March(year)} in ${fileLabel(first.src)}: ${fmtNumber(rate)} per 10,000 children aged under 18 (${fmtNumber(num(count))} children).`);
    for (const o of rates.slice(1)) {
      used.push(o);
      if (o.value !== first.value) {
        alternatives.push({ label: `${fileLabel(o.src)} (Census-2021-based populations)`, kind: "revision", values: { rate: o.value } });
        sentences.push(`${fileLabel(o.src)} gives ${fmtNumber(o.value)} on Census-2021-based populations.`);
      }
    }
  } else {
    throw new Error(`claim "${c.id}": hclEnglandRate handles cinAt31March and claAt31March, not "${measure}"`);
  }
  // the same count on ONS's revised 0-17 and on 0-18 populations (mid-year before 31 March)
  const p17 = pop.england("population0to17", mid);
  const p18 = pop.england("population0to18", mid);
  used.push(p17, p18);
  const r17 = ratePer10k(num(count), num(p17));
  const r18 = ratePer10k(num(count), num(p18));
  alternatives.push({ label: `ONS revised mid-${mid} population aged 0-17`, kind: "denominator", values: { rate: r17 } });
  alternatives.push({ label: `ONS mid-${mid} population aged 0-18`, kind: "denominator", values: { rate: r18 } });
  sentences.push(`On ONS's current mid-${mid} estimates the same ${fmtNumber(num(count))} children are ${fmtNumber(r17, 1)} per 10,000 aged 0-17 and ${fmtNumber(r18, 1)} per 10,000 aged 0-18: DfE's rates are per under-18s, so the briefing's "0-18 year olds" mislabels them, and a true 0-18 rate would be about ${fmtPercent(100 * (1 - r18 / r17), 0)} lower.`);
  return { values: { rate }, evidence: evidenceFor(used), explanation: sentences.join(" "), alternatives };
};

// ---------------------------------------------------------------------------------------------
// LA values: rates and spending per child, by LA, for the highest/lowest claims

/** One LA's value in a distribution, with the observations behind it. */
export interface LaValue {
  area: string;
  code: string;
  value: number | null;
  marker?: string;
  obs: Obs[];
}

export interface LaDataset {
  rows: LaValue[];
  /** What is measured, for sentences. */
  what: string;
  unit: Unit;
  /** Source files, for sentences. */
  files: string[];
}

function fmtUnit(v: number | null | undefined, unit: Unit): string {
  if (unit === "percent") return fmtPercent(v, 1);
  if (unit === "gbp") return fmtMoney(v);
  return fmtNumber(v, 1);
}

/** Population aged 0-18 at mid-year of one RO3 authority (ONS code), following the 2019-21 boundary changes. */
function population0to18For(tables: Tables, code: string, area: string, mid: string): Obs[] {
  const rows = tables.population().filter({ measure: "population0to18", year: mid, level: "la" });
  const exact = rows.filter((o) => o.code === code);
  if (exact.length) return exact;
  const la = laByOnsCode(tables, code);
  if (la) {
    const other = rows.filter((o) => la.onsCodes.includes(o.code));
    if (other.length) return other;
    // an authority split later (Northamptonshire 2021): its successors' populations
    for (const ch of BOUNDARY_CHANGES) {
      if (!ch.from.includes(la.laCode) || ch.from.length !== 1) continue;
      const names = ch.to.map((t) => normaliseLaName(laByCode(tables, t).name));
      const parts = rows.filter((o) => names.includes(normaliseLaName(o.area)));
      if (parts.length === names.length) return parts;
    }
  }
  const byName = rows.filter((o) => normaliseLaName(o.area) === normaliseLaName(area.replace(/\s+UA$/, "")));
  return byName;
}

/**
 * Children's social care net current expenditure per 0-18 year old, by LA: MHCLG RO3 (£) divided by
 * ONS's mid-year population aged 0-18 (mid-year within the financial year: mid-2019 for 2019-20).
 */
export function spendPer0to18(tables: Tables, year: string): LaDataset {
  return tables.memo(`spendPer0to18|${year}`, () => buildSpendPer0to18(tables, year));
}

function buildSpendPer0to18(tables: Tables, year: string): LaDataset {
  const spend = tables.ro3().filter({ measure: "csNetExpenditure", year, level: "la" });
  const mid = midYearBefore(year);
  const rows: LaValue[] = spend.map((s) => {
    const area = s.area.replace(/\s+UA$/, "");
    const pops = population0to18For(tables, s.code, s.area, mid);
    const pounds = inPounds(s);
    if (pops.length === 0 || pounds === null) return { area, code: s.code, value: null, marker: s.marker ?? "no population", obs: [s] };
    const p = pops.reduce((a, o) => a + num(o), 0);
    return { area, code: s.code, value: pounds / p, obs: [s, ...pops] };
  });
  return { rows, what: `children's social care net current expenditure per young person aged 0-18, ${year} (RO3 ÷ ONS mid-${mid} 0-18)`, unit: "gbp", files: [fileLabel(spend[0].src), fileLabel(rows.find((r) => r.obs.length > 1)!.obs[1].src)] };
}

/** Rates by LA: children in need at 31 March, children looked after, workforce rates. */
export function laDataset(tables: Tables, dataset: string, year: string, src?: string): LaDataset {
  const fromTable = (rows: Obs[], what: string, unit: Unit): LaDataset => {
    if (rows.length === 0) throw new DataError(`no LA figures for ${dataset} ${year}${src ? ` in ${src}` : ""}`);
    return { rows: rows.map((o) => ({ area: o.area, code: o.code || o.laCode || "", value: o.value, ...(o.marker !== undefined ? { marker: o.marker } : {}), obs: [o] })), what, unit, files: [fileLabel(rows[0].src)] };
  };
  switch (dataset) {
    case "cinAt31MarchRate":
      return fromTable(tables.cin().filter({ measure: dataset, year, level: "la", src: src ?? CIN_EES["2020"].b1 }), `children in need at ${at31March(year)} per 10,000 children aged under 18`, "per10k");
    case "claRate":
      return fromTable(tables.cla().filter({ measure: dataset, year, level: "la", src: src ?? CLA_EES["2022"].rates }), `children looked after at ${at31March(year)} per 10,000 children aged under 18`, "per10k");
    case "vacancyRate":
    case "agencyRate":
    case "turnoverRate":
      return fromTable(tables.workforce().filter({ measure: dataset, year, level: "la", src: src ?? WORKFORCE_FILES[0] }), `${WORKFORCE_LABELS[dataset]} at 30 September ${year}`, "percent");
    case "spendPer0to18":
      return spendPer0to18(tables, year);
    default:
      throw new Error(`unknown LA dataset "${dataset}"`);
  }
}

/** LAs sorted by value, highest first (ties by name). */
function ranked(rows: LaValue[], order: "high" | "low"): LaValue[] {
  const ok = rows.filter((r) => r.value !== null);
  return ok.sort((a, b) => (order === "high" ? b.value! - a.value! : a.value! - b.value!) || a.area.localeCompare(b.area));
}

const sameLa = (a: string, b: string) => normaliseLaName(a) === normaliseLaName(b);

/**
 * The distribution of a value across LAs (params.dataset, year, src?, exclude?: LA names left out,
 * excludeReason?), answering each role of params.roles with a spec:
 * - "max" / "min": the highest / lowest value;
 * - "rank:high:N" / "rank:low:N": the N-th highest / lowest value;
 * - "la:<name>": that LA's value;
 * - "countAbove:X", "countBelow:X", "countEq:X": how many LAs;
 * - "shareBetween:A:B": per cent of LAs with A ≤ value ≤ B.
 * params.expect: { role: LA name } gives the LA the document names for a max/min/rank role; the
 * explanation says whether the data agree (the value returned is always the data's).
 * For per-10,000 rates, params.denominator0to18: true adds each named LA's rate on a 0-18 population.
 */
const hclLaDistribution: Check = (c, tables) => {
  const dataset = param(c, "dataset");
  const year = param(c, "year");
  const src = typeof c.params.src === "string" ? c.params.src : undefined;
  const d = laDataset(tables, dataset, year, src);
  const exclude = strList(c, "exclude");
  const excluded = d.rows.filter((r) => exclude.some((n) => sameLa(n, r.area)));
  const rows = d.rows.filter((r) => !excluded.includes(r));
  const missing = rows.filter((r) => r.value === null);
  const valued = rows.filter((r) => r.value !== null);
  const high = ranked(rows, "high");
  const low = ranked(rows, "low");
  const spec = (c.params.roles as Record<string, string>) ?? {};
  const expect = (c.params.expect as Record<string, string>) ?? {};
  const values: Record<string, number | null> = {};
  const relevant = new Set<LaValue>();
  const extra: Obs[] = [];
  const sentences: string[] = [];
  const alternatives: Alternative[] = [];
  const tied = (v: number) => valued.filter((r) => r.value === v);
  for (const [role, s] of Object.entries(spec)) {
    const parts = s.split(":");
    let hit: LaValue | undefined;
    let rank = 0;
    switch (parts[0]) {
      case "max": hit = high[0]; rank = 1; break;
      case "min": hit = low[0]; rank = 1; break;
      case "rank": rank = Number(parts[2]); hit = (parts[1] === "high" ? high : low)[rank - 1]; break;
      case "la": {
        hit = rows.find((r) => sameLa(r.area, parts.slice(1).join(":")));
        if (!hit) throw new DataError(`${d.files[0]}: no LA "${parts.slice(1).join(":")}" for ${d.what}`);
        break;
      }
      case "countAbove": case "countBelow": case "countEq": {
        const x = Number(parts[1]);
        const sel = valued.filter((r) => (parts[0] === "countAbove" ? r.value! > x : parts[0] === "countBelow" ? r.value! < x : r.value === x));
        values[role] = sel.length;
        sel.forEach((r) => relevant.add(r));
        const op = parts[0] === "countAbove" ? "above" : parts[0] === "countBelow" ? "below" : "equal to";
        sentences.push(`${sel.length} of ${valued.length} LAs have a value ${op} ${fmtUnit(x, d.unit)}${sel.length && sel.length <= 12 ? `: ${sel.map((r) => `${r.area} ${fmtUnit(r.value, d.unit)}`).join(", ")}` : ""}.`);
        continue;
      }
      case "shareBetween": {
        const a = Number(parts[1]);
        const b = Number(parts[2]);
        const n = valued.filter((r) => r.value! >= a && r.value! <= b).length;
        values[role] = sharePercent(n, valued.length);
        sentences.push(`${n} of ${valued.length} LAs (${fmtPercent(values[role], 1)}) have a value between ${fmtUnit(a, d.unit)} and ${fmtUnit(b, d.unit)}.`);
        continue;
      }
      default:
        throw new Error(`claim "${c.id}": unknown distribution spec "${s}"`);
    }
    if (!hit) { values[role] = null; continue; }
    values[role] = hit.value;
    relevant.add(hit);
    const others = tied(hit.value!).filter((r) => r !== hit);
    others.forEach((r) => relevant.add(r));
    const where = parts[0] === "la" ? `${hit.area}: ${fmtUnit(hit.value, d.unit)} (rank ${high.indexOf(hit) + 1} of ${valued.length} from the top)` :
      `${parts[0] === "min" || parts[1] === "low" ? `${rank === 1 ? "lowest" : `${ordinal(rank)} lowest`}` : `${rank === 1 ? "highest" : `${ordinal(rank)} highest`}`}: ${hit.area} ${fmtUnit(hit.value, d.unit)}${others.length ? ` (tied with ${others.map((r) => r.area).join(", ")})` : ""}`;
    const named = expect[role];
    let agree = "";
    if (named) {
      const ok = [hit, ...others].some((r) => sameLa(r.area, named));
      const at = valued.find((r) => sameLa(r.area, named));
      agree = ok ? "" : `; the document names ${named}${at ? `, whose value is ${fmtUnit(at.value, d.unit)} (rank ${(parts[0] === "min" || parts[1] === "low" ? low : high).indexOf(at) + 1})` : ", which is not in the data"}`;
      if (at) relevant.add(at);
    }
    sentences.push(`${cap(where)}${agree}.`);
    if (c.params.denominator0to18 === true && d.unit === "per10k") {
      const alt = rateOn0to18(tables, dataset, year, src, hit);
      if (alt) {
        alternatives.push({ label: `${hit.area} on ONS's 0-18 population`, kind: "denominator", values: { [role]: alt.rate } });
        sentences.push(`On ONS's mid-${midYearBefore(year)} population aged 0-18 ${hit.area}'s rate would be ${fmtNumber(alt.rate, 1)} per 10,000 (DfE's rates are per under-18s).`);
        extra.push(...alt.obs);
      }
    }
  }
  const scope = [
    `${valued.length} LAs with a value in ${d.files.join(" and ")} (${d.what})`,
    excluded.length ? `${excluded.map((r) => `${r.area}${r.value !== null ? ` ${fmtUnit(r.value, d.unit)}` : ""}`).join(", ")} left out${typeof c.params.excludeReason === "string" ? ` (${c.params.excludeReason})` : ""}` : "",
    missing.filter((r) => r.marker !== "z").length ? `no value for ${missing.filter((r) => r.marker !== "z").map((r) => `${r.area}${r.marker ? ` [${r.marker}]` : ""}`).join(", ")}` : "",
    missing.filter((r) => r.marker === "z").length ? `rows marked not applicable [z] for authorities that did not exist then: ${missing.filter((r) => r.marker === "z").map((r) => r.area).join(", ")}` : "",
    !excluded.length ? tinyNote(valued) : "",
  ].filter(Boolean);
  const evidence: Evidence[] = evidenceFor([...[...relevant].flatMap((r) => r.obs), ...extra]);
  const first = d.rows[0].obs[0];
  const allRows = d.rows.map((r) => r.obs[0].row);
  evidence.push({
    source: first.src,
    file: source(first.src).file,
    ...(first.sheet ? { sheet: first.sheet } : {}),
    rows: [`${d.rows.length} LA rows (rows ${Math.min(...allRows)}–${Math.max(...allRows)}), ranked`],
    columns: [first.col],
    note: `distribution across LAs, year ${year}`,
  });
  return { values, evidence, explanation: `${scope.join("; ")}. ${sentences.join(" ")}`, alternatives };
};

function ordinal(n: number): string {
  return n === 2 ? "2nd" : n === 3 ? "3rd" : `${n}th`;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Whether the tiny authorities are in the distribution. */
function tinyNote(rows: LaValue[]): string {
  const tiny = Object.values(TINY_LAS).filter((n) => rows.some((r) => sameLa(r.area, n)));
  return tiny.length ? `${tiny.join(" and ")} (tiny child populations) included` : "";
}

/** An LA's count over ONS's mid-year 0-18 population, for the rates DfE computes per under-18s. */
function rateOn0to18(tables: Tables, dataset: string, year: string, src: string | undefined, la: LaValue): { rate: number; obs: Obs[] } | null {
  const countMeasure = dataset === "cinAt31MarchRate" ? "cinAt31March" : dataset === "claRate" ? "claAt31March" : undefined;
  if (!countMeasure) return null;
  const rateObs = la.obs[0];
  const t = countMeasure === "cinAt31March" ? tables.cin() : tables.cla();
  const count = t.filter({ measure: countMeasure, year, level: "la", src: rateObs.src }).find((o) => o.row === rateObs.row);
  if (!count || count.value === null) return null;
  const pops = population0to18For(tables, la.code, la.area, midYearBefore(year));
  if (pops.length === 0) return null;
  const p = pops.reduce((a, o) => a + num(o), 0);
  return { rate: ratePer10k(count.value, p), obs: [count, ...pops] };
}

// ---------------------------------------------------------------------------------------------
// hclPlacementRow: the looked-after placements table, 31 March 2010 and 2020

/** Placement groups of the briefing's table: 2010 SSDA903 codes, and the 2020 EES rows. */
export const PLACEMENT_GROUPS: Record<string, { label: string; codes2010: string[]; rows2020: string[]; alt?: { label: string; codes2010: string[]; rows2020: string[] } }> = {
  foster: { label: "foster placements", codes2010: ["Q1", "Q2"], rows2020: ["1. Total foster placements"] },
  adoption: { label: "placed for adoption", codes2010: ["A3", "A4", "A5", "A6"], rows2020: ["2. Total placed for adoption"] },
  parents: { label: "placed with parents", codes2010: ["P1"], rows2020: ["3. Total placed with parents or other person with parental responsibility"] },
  secureHomes: {
    label: "secure units, children's homes and hostels / semi-independent living (DfE's category)",
    codes2010: ["K1", "K2", "H5"],
    rows2020: ["5. Total secure units, children's homes and semi-independent living accommodation"],
    alt: { label: "secure units and children's homes only (without semi-independent living or hostels)", codes2010: ["K1", "K2"], rows2020: ["5a Secure unit placement inside the council boundary", "5b Secure unit placement outside the council boundary", "5c Total children's homes subject to children's homes regulations"] },
  },
  other: {
    label: "other settings (other placements in the community, other residential settings, residential schools, missing and other placements)",
    codes2010: ["P2", "P3", "R1", "R2", "R3", "R5", "S1", "M1", "M2", "M3", "Z1"],
    rows2020: ["4. Total other placements in the community", "6. Total other residential settings", "7. Total residential schools", "8. Total other placements"],
    alt: { label: "other settings with semi-independent living and hostels", codes2010: ["P2", "P3", "R1", "R2", "R3", "R5", "S1", "M1", "M2", "M3", "Z1", "H5"], rows2020: ["4. Total other placements in the community", "5d Semi-independent living accommodation not subject to children's homes regulations", "6. Total other residential settings", "7. Total residential schools", "8. Total other placements"] },
  },
  all: { label: "all children looked after", codes2010: [], rows2020: ["Total children"] },
};

/** The 2010 March file's England placement values by code (values in alphabetical code order; see placementLayout2010). */
function placements2010(tables: Tables): { byCode: Record<string, Obs>; total: Obs; order: string } {
  return tables.memo("placements2010", () => buildPlacements2010(tables));
}

function buildPlacements2010(tables: Tables): { byCode: Record<string, Obs>; total: Obs; order: string } {
  const id = CLA_SFR[0].cla;
  const t = tables.raw(id);
  const total = t.colOf("MarTotal_2010").name;
  const layout = placementLayout2010(t, "MarPlace", total);
  const r = nationalRow(t);
  const base = { year: CLA_SFR[0].year, level: "national" as const, area: "England", code: "E92000001" };
  const byCode: Record<string, Obs> = {};
  for (const [code, col] of Object.entries(layout.columns)) byCode[code] = { ...cellObs(t, r, col.index, { ...base, measure: `placement:${code}` }), col: `MarPlace_${code}_2010${layout.order === "alphabetical" ? ` (value in column ${col.index + 1}, headed ${col.heading})` : ""}` };
  return { byCode, total: cellObs(t, r, total, { ...base, measure: "claAt31March" }), order: layout.order };
}

/** England placement rows of an EES national-characteristics file for one year (time_period = year of 31 March). */
function placementsEes(tables: Tables, id: string, end: string): Map<string, Obs> {
  return tables.memo(`placementsEes|${id}|${end}`, () => buildPlacementsEes(tables, id, end));
}

function buildPlacementsEes(tables: Tables, id: string, end: string): Map<string, Obs> {
  const t = tables.raw(id);
  const out = new Map<string, Obs>();
  const fold = (s: string) => s.replace(/[’‘]/g, "'").replace(/\s+/g, " ").trim().toLowerCase();
  for (let r = 0; r < t.rows.length; r++) {
    if (t.text(r, "time_period") !== end || fold(t.text(r, "cla_group")) !== "placement" || t.text(r, "geographic_level").toLowerCase() !== "national") continue;
    const ch = t.text(r, "characteristic");
    out.set(fold(ch), cellObs(t, r, "number", { measure: `placement:${ch}`, year: fyFromEnd(end), level: "national", area: "England", code: "E92000001" }));
  }
  if (out.size === 0) throw new DataError(`${t.source.file}: no England placement rows for ${end}`, t.source.file);
  return out;
}

function pickRows(rows: Map<string, Obs>, labels: string[], file: string): Obs[] {
  const fold = (s: string) => s.replace(/[’‘]/g, "'").replace(/\s+/g, " ").trim().toLowerCase();
  return labels.map((l) => {
    const o = rows.get(fold(l));
    if (!o) throw new DataError(`${file}: no placement row "${l}"; rows found: ${[...rows.keys()].slice(0, 12).join("; ")}…`, file);
    return o;
  });
}

/** Rounding half-width of a 2010 national placement value: to 100 from 1,000 up, to 10 below. */
const rounding2010 = (v: number) => (Math.abs(v) >= 1000 ? 50 : 5);

/** First-published 2019 columns of CLA2019.csv for each group, for the size of later revisions. */
const SFR2019_COLUMNS: Record<string, string[]> = {
  foster: ["CLA_Fost"], adoption: ["CLA_Adopt"], parents: ["CLA_Parent"], secureHomes: ["CLA_Secure"], other: ["CLA_Ocom", "CLA_Ores", "CLA_RSch", "CLA_OthPl"], all: ["CLA_Mar2019"],
};

/** A placement group's 2010 value: the codes' sum (null when a code is suppressed) and, for the total, the later time series. */
function group2010(codes: string[], p: ReturnType<typeof placements2010>): { value: number | null; parts: Obs[]; missing: Obs[]; tol: number } {
  const parts = codes.map((c) => p.byCode[c]);
  const s = sumOf(parts);
  return { value: s.value, parts, missing: s.missing, tol: parts.reduce((a, o) => a + (o.value === null ? 0 : rounding2010(o.value)), 0) };
}

/**
 * One row of the briefing's table of children looked after by placement at 31 March 2010 and 2020
 * (params.group: foster, adoption, parents, secureHomes, other, all). Roles `y2010`, `y2020`.
 * 2010: SFR27/2010 March file (as first published, rounded), placement codes summed; the total also
 * from DfE's later national time series. 2020: the 2022 EES release (the earliest in the mirror: the
 * December 2020 release that first published 2020 is not in it). Groups whose definition the table
 * may have changed between the two years carry the other definition as an alternative.
 */
const hclPlacementRow: Check = (c, tables) => {
  const group = param(c, "group");
  const g = PLACEMENT_GROUPS[group];
  if (!g) throw new Error(`claim "${c.id}": unknown placement group "${group}" (${Object.keys(PLACEMENT_GROUPS).join(", ")})`);
  const p = placements2010(tables);
  const ees = placementsEes(tables, CLA_EES["2022"].placements, "2020");
  const eesFile = source(CLA_EES["2022"].placements).file;
  const used: Obs[] = [];
  const sentences: string[] = [];
  const alternatives: Alternative[] = [];
  const dataTolerance: Record<string, number> = {};
  let v2010: number | null;
  if (group === "all") {
    const series = tables.cla().filter({ measure: "claAt31March", year: CLA_SFR[0].year, level: "national" }).filter((o) => o.src.startsWith("cla-ees") && o.value !== null);
    const ts = series[0];
    if (!ts) throw new DataError(`no England total of children looked after for ${CLA_SFR[0].year} in the EES time series`);
    used.push(ts, p.total);
    v2010 = num(ts);
    alternatives.push({ label: `${fileLabel(p.total.src)} as first published (rounded to 100)`, kind: "revision", values: { y2010: p.total.value } });
    sentences.push(`31 March 2010: ${fmtNumber(v2010)} children looked after in DfE's national time series (${fileLabel(ts.src)}); ${fmtNumber(p.total.value)} as first published (${fileLabel(p.total.src)}, rounded to 100).`);
  } else {
    const a = group2010(g.codes2010, p);
    used.push(...a.parts);
    v2010 = a.value;
    if (a.tol) dataTolerance.y2010 = a.tol;
    const shown = a.parts.map((o) => `${o.measure.slice(10)} ${o.value === null ? `[${o.marker}]` : fmtNumber(o.value)}`).join(" + ");
    if (a.value === null) {
      const known = a.parts.filter((o) => o.value !== null).reduce((s, o) => s + (o.value as number), 0);
      sentences.push(`31 March 2010 (${fileLabel(p.total.src)}, England row, values read in ${p.order} code order): ${g.label} = ${shown}; ${a.missing.map((o) => o.measure.slice(10)).join(" and ")} ${a.missing.length > 1 ? "are" : "is"} suppressed, so the group has no total in the file: the published codes sum to ${fmtNumber(known)}, and the England total leaves room for only a few tens more.`);
    } else {
      sentences.push(`31 March 2010 (${fileLabel(p.total.src)}, England row, values read in ${p.order} code order, national values rounded): ${g.label} = ${shown} = ${fmtNumber(a.value)}.`);
    }
  }
  const rows = pickRows(ees, g.rows2020, eesFile);
  used.push(...rows);
  const s20 = sumOf(rows);
  const v2020 = s20.value;
  sentences.push(`31 March 2020 (${fileLabel(rows[0].src)}): ${rows.map((o) => `${o.measure.slice(10)} ${o.value === null ? `[${o.marker}]` : fmtNumber(o.value)}`).join(" + ")}${rows.length > 1 ? ` = ${fmtNumber(v2020)}` : ""}.`);
  if (g.alt) {
    const a = group2010(g.alt.codes2010, p);
    const r20 = pickRows(ees, g.alt.rows2020, eesFile);
    const b = sumOf(r20);
    used.push(...a.parts, ...r20);
    alternatives.push({ label: g.alt.label, kind: "definition", values: { y2010: a.value, y2020: b.value } });
    sentences.push(`Counted as ${g.alt.label}: ${a.value === null ? "no 2010 total (a code is suppressed)" : fmtNumber(a.value)} in 2010 and ${fmtNumber(b.value)} in 2020${a.value !== null && b.value !== null && v2010 !== null && v2020 !== null ? ` (${fmtPercent(percentChange(a.value, b.value), 0, true)}, against ${fmtPercent(percentChange(v2010, v2020), 0, true)} on DfE's category)` : ""}.`);
  }
  // how much DfE's later releases moved the same group for 2019, first published vs the 2022 release
  const sfr19 = tables.raw(CLA_SFR[CLA_SFR.length - 1].cla);
  const r19 = nationalRow(sfr19);
  const first19 = SFR2019_COLUMNS[group].map((col) => cellObs(sfr19, r19, col, { measure: `placement:${col}`, year: "2018-19", level: "national", area: "England", code: "E92000001" }));
  const later19 = pickRows(placementsEes(tables, CLA_EES["2022"].placements, "2019"), g.rows2020, eesFile);
  const f19 = sumOf(first19).value;
  const l19 = sumOf(later19).value;
  if (f19 !== null && l19 !== null) {
    used.push(...first19, ...later19);
    sentences.push(`The December 2020 release that first published the 2020 figures is not in the mirror; for scale, DfE's later releases moved the same group at 31 March 2019 from ${fmtNumber(f19)} as first published (${fileLabel(first19[0].src)}) to ${fmtNumber(l19)} (${fileLabel(later19[0].src)}), ${l19 - f19 >= 0 ? "+" : "−"}${fmtNumber(Math.abs(l19 - f19))}.`);
  }
  return { values: { y2010: v2010, y2020: v2020 }, evidence: evidenceFor(used), explanation: sentences.join(" "), alternatives, dataTolerance };
};

// ---------------------------------------------------------------------------------------------
// hclSpendingRow: the table of children's social care spending, cash and real terms

const bn = (pounds: number) => pounds / 1e9;

/** England RO3 children's social care net current expenditure in a year (£), with its observation. */
export function englandCsSpend(tables: Tables, year: string): { pounds: number; obs: Obs } {
  const o = tables.ro3().one({ measure: "csNetExpenditure", year, level: "national" });
  const p = inPounds(o);
  if (p === null) throw new DataError(`${source(o.src).file} row ${o.row}, column "${o.col}": England children's social care spending ${year} is missing`);
  return { pounds: p, obs: o };
}

/** The GDP deflator index of a year (March 2020 series; forecast years chained from growth). */
export function deflator(tables: Tables, year: string): { index: number; forecast: boolean } {
  return deflatorIndex(tables.deflatorSeries(), year);
}

/** Real terms in the prices of `target`, with the March 2020 HM Treasury deflator. */
export function realTermsOf(tables: Tables, pounds: number, year: string, target: string): number {
  return (pounds * deflator(tables, target).index) / deflator(tables, year).index;
}

/** What the deflator vintage does to the table, from the series in the mirror. */
function vintageSentence(tables: Tables): string {
  const series = tables.deflatorSeries().sort((a, b) => a.year.localeCompare(b.year));
  const outturn = series.filter((p) => p.index !== null);
  const last = outturn[outturn.length - 1];
  const next = series.find((p) => p.year > last.year);
  return `The briefing names HM Treasury's December 2020 deflators; the mirror has the March 2020 file, whose latest outturn year is ${last.year} (${fmtPercent(last.growth, 2, true)} on the year before)${next ? ` and whose ${next.year} is a forecast (${fmtPercent(next.growth, 2, true)})` : ""}. HM Treasury revises the series with each release of the national accounts, most in the latest years, so every level in ${next?.year ?? last.year} prices and the latest annual changes depend on the vintage, while the earlier annual changes barely do.`;
}

/**
 * One row of the briefing's spending table: params.year; params.basis "cash" (role `cash`, £bn) or
 * "real" (roles `real`, £bn in params.prices (default 2019-20) prices, and `realChange`, per cent on
 * params.changeFrom when given).
 */
const hclSpendingRow: Check = (c, tables) => {
  const year = param(c, "year");
  const basis = param(c, "basis");
  const s = englandCsSpend(tables, year);
  const f = source(s.obs.src);
  const used: Obs[] = [s.obs];
  if (basis === "cash") {
    const sentences = [`MHCLG revenue outturn (RO3) for ${year}, England row: children's social care net current expenditure £${fmtNumber(s.pounds / 1e6, 1)} million (£${fmtNumber(bn(s.pounds), 2)} billion), ${path.posix.basename(f.file)}, ${f.vintage}.`];
    if (typeof c.params.vintageNote === "string") sentences.push(c.params.vintageNote);
    return { values: { cash: bn(s.pounds) }, evidence: evidenceFor(used), explanation: sentences.join(" ") };
  }
  if (basis !== "real") throw new Error(`claim "${c.id}": basis must be "cash" or "real"`);
  const prices = optParam(c, "prices", "2019-20");
  const dObs = tables.deflator().filter({ level: "national" }).filter((o) => [year, prices, ...(typeof c.params.changeFrom === "string" ? [c.params.changeFrom] : [])].includes(o.year));
  used.push(...dObs);
  const di = deflator(tables, year);
  const dt = deflator(tables, prices);
  const real = realTermsOf(tables, s.pounds, year, prices);
  const values: Record<string, number | null> = { real: bn(real) };
  const sentences = [
    `RO3 ${year}: £${fmtNumber(bn(s.pounds), 3)} billion cash; HM Treasury GDP deflator (${path.posix.basename(source(dObs[0]?.src ?? "spending-deflators-gdp-deflators-budget-march-2020-update").file)}, March 2020): ${year === prices ? "" : `${year} ${fmtNumber(di.index, 2)}, `}${prices} ${fmtNumber(dt.index, 2)}${dt.forecast ? " (a forecast: the March 2020 file has no outturn for it, so it is chained from the forecast growth)" : ""}; in ${prices} prices £${fmtNumber(bn(real), 3)} billion.`,
  ];
  if (typeof c.params.changeFrom === "string") {
    const prev = englandCsSpend(tables, c.params.changeFrom);
    used.push(prev.obs);
    const rPrev = realTermsOf(tables, prev.pounds, c.params.changeFrom, prices);
    values.realChange = percentChange(rPrev, real);
    sentences.push(`Against ${c.params.changeFrom} (£${fmtNumber(bn(prev.pounds), 3)} billion cash, £${fmtNumber(bn(rPrev), 3)} billion real): ${fmtPercent(values.realChange, 2, true)} in real terms.`);
  }
  sentences.push(vintageSentence(tables));
  return { values, evidence: evidenceFor(used), explanation: sentences.join(" ") };
};

// ---------------------------------------------------------------------------------------------
// hclS251Spend: section 251 spending on children looked after

/**
 * England gross expenditure on a section 251 line (params.line, default "cla") in params.year, £bn
 * (role `level`), and its per cent change on the year before (role `pctChange`), from DfE's 2021-22
 * EES national file (the earliest release in the mirror with 2019-20).
 */
const hclS251Spend: Check = (c, tables) => {
  const year = param(c, "year");
  const line = optParam(c, "line", "cla");
  const kind = optParam(c, "kind", "gross");
  const prevYear = fyFromEnd(Number(year.slice(0, 4)));
  const t = tables.s251();
  const pick = (y: string) => t.one({ measure: `s251:${line}:${kind}`, year: y, level: "national", src: S251_EES_NATIONAL });
  const a = pick(prevYear);
  const b = pick(year);
  const pa = inPounds(a)!;
  const pb = inPounds(b)!;
  const pct = percentChange(pa, pb);
  const net = t.filter({ measure: `s251:${line}:net`, year, level: "national", src: S251_EES_NATIONAL })[0];
  const netP = net ? inPounds(net) : null;
  return {
    values: { level: bn(pb), pctChange: pct },
    evidence: evidenceFor([a, b, ...(net ? [net] : [])]),
    explanation: `DfE section 251 outturn, England, ${kind} expenditure on total children looked after (${fileLabel(b.src)}): £${fmtNumber(pa / 1e6, 1)} million in ${prevYear}, £${fmtNumber(pb / 1e6, 1)} million in ${year}, ${fmtPercent(pct, 1, true)}.${netP !== null ? ` Net of income it was £${fmtNumber(netP / 1e6, 1)} million.` : ""}`,
    ...(netP !== null ? { alternatives: [{ label: `net current expenditure ${year}`, kind: "definition" as const, values: { level: bn(netP) } }] } : {}),
  };
};

// ---------------------------------------------------------------------------------------------
// hclOfstedShare: Ofsted judgements of LA children's services at a date

/**
 * The share of LAs judged good or outstanding (role `share`, per cent), from Ofsted's inspection
 * history (src/data/tidy/ofsted.ts): params.basis "at:yyyy-mm-dd" (each LA that existed then, by the
 * latest graded judgement published by that date; params.fy names the financial year whose
 * authorities count) or "firstSif" (every LA's first single-inspection-framework judgement, for the
 * authorities of params.fy).
 */
const hclOfstedShare: Check = (c, tables) => {
  const basis = parseBasis(param(c, "basis"));
  const fy = param(c, "fy");
  const las = ofstedAuthoritiesIn(tables, fy);
  const items = las.map((a) => ({ a, j: judgementFor(a, basis) }));
  const counts = gradeCounts(items.map((x) => x.j));
  const judged = counts.total - counts.none;
  const good = counts.Outstanding + counts.Good;
  const share = sharePercent(good, judged);
  const sentences = [
    `Ofsted's inspection history (${path.posix.basename(source(OFSTED_SOURCE).file)}, sheet ${OFSTED_SHEET}), the ${las.length} authorities of ${fy}, each graded by ${basisText(basis)}: ${good} of ${judged} judged were good or outstanding (${fmtPercent(share, 1)}) — outstanding ${counts.Outstanding}, good ${counts.Good}, requires improvement ${counts["Requires improvement"]}, inadequate ${counts.Inadequate}.`,
  ];
  const alternatives: Alternative[] = [];
  if (counts.none) {
    const none = items.filter((x) => !x.j).map((x) => x.a.name);
    const alt = sharePercent(good, counts.total);
    alternatives.push({ label: `counting the ${counts.none} authorities not yet inspected in the denominator`, kind: "denominator", values: { share: alt } });
    sentences.push(`Not yet judged: ${none.join(", ")}${basis.kind === "at" ? " (authorities created in April 2019, first inspected later)" : ""}; with them in the denominator the share is ${fmtPercent(alt, 1)}.`);
  }
  return { values: { share }, evidence: [ofstedEvidence(items, `grades by ${basisText(basis)}`)], explanation: sentences.join(" "), alternatives };
};

// ---------------------------------------------------------------------------------------------
// hclProviderGrowth: how much of the growth in children looked after went to one kind of provider

/** SSDA903 placement-provider columns of the SFR files. */
const PROVIDER_LABELS: Record<string, string> = { CLA_Priv: "private providers", CLA_Vol: "voluntary providers", CLA_OwnP: "the council's own provision", CLA_OthLA: "other councils", CLA_OthPP: "other public provision", CLA_Par: "parents or others with parental responsibility" };
const providers = (cols: string[]) => cols.map((c) => `${PROVIDER_LABELS[c] ?? c} (${c})`).join(" and ");

/** A looked-after SFR file's England value of a column (the file of the year ending 31 March `end`). */
function sfrClaEngland(tables: Tables, year: string, column: string): Obs {
  const f = CLA_SFR.find((s) => s.year === year);
  if (!f) throw new DataError(`no looked-after SFR file for ${year} in the mirror (years: ${CLA_SFR.map((s) => s.year).join(", ")})`);
  const t = tables.raw(f.cla);
  return cellObs(t, nationalRow(t), column, { measure: column, year, level: "national", area: "England", code: "E92000001" });
}

/**
 * The share of the growth in children looked after at 31 March between params.from and params.to
 * that placements with params.providers (SSDA903 provider columns of the SFR files, e.g. CLA_Priv)
 * account for (role `share`, per cent), with params.altProviders as another reading. The
 * document's figure comes from another body's own classification of providers, so the verdict is
 * `unverifiable`: the values show what DfE's provider columns give.
 */
const hclProviderGrowth: Check = (c, tables) => {
  const from = param(c, "from");
  const to = param(c, "to");
  const cols = strList(c, "providers");
  const alt = strList(c, "altProviders");
  const total = (y: string) => sfrClaEngland(tables, y, `CLA_Mar${Number(y.slice(0, 4)) + 1}`);
  const sum = (y: string, cs: string[]) => cs.map((col) => sfrClaEngland(tables, y, col));
  const ta = total(from);
  const tb = total(to);
  const pa = sum(from, cols);
  const pb = sum(to, cols);
  const growth = num(tb) - num(ta);
  const g = (a: Obs[], b: Obs[]) => b.reduce((s, o) => s + num(o), 0) - a.reduce((s, o) => s + num(o), 0);
  const share = sharePercent(g(pa, pb), growth);
  const used = [ta, tb, ...pa, ...pb];
  const sentences = [`Children looked after at 31 March, England: ${fmtNumber(num(ta))} (${fileLabel(ta.src)}) to ${fmtNumber(num(tb))} (${fileLabel(tb.src)}), up ${fmtNumber(growth)}. Placed with ${providers(cols)}: ${fmtNumber(pa.reduce((s, o) => s + num(o), 0))} to ${fmtNumber(pb.reduce((s, o) => s + num(o), 0))}, up ${fmtNumber(g(pa, pb))}: ${fmtPercent(share, 1)} of the growth.`];
  const alternatives: Alternative[] = [];
  if (alt.length) {
    const aa = sum(from, alt);
    const ab = sum(to, alt);
    used.push(...aa, ...ab);
    const s2 = sharePercent(g(aa, ab), growth);
    alternatives.push({ label: `placements with ${providers(alt)}`, kind: "definition", values: { share: s2 } });
    sentences.push(`With ${providers(alt)}: up ${fmtNumber(g(aa, ab))}, ${fmtPercent(s2, 1)} of the growth.`);
  }
  sentences.push(`What would settle it: ${typeof c.params.settle === "string" ? c.params.settle : "the classification of providers behind the document's figure"}.`);
  return { values: { share }, evidence: evidenceFor(used), explanation: sentences.join(" "), alternatives, verdict: "unverifiable" };
};

// ---------------------------------------------------------------------------------------------
// hclLaCount: how many authorities a file has

/** The number of LAs with a row for params.measure in params.year of the children-in-need file params.src (role `count`). */
const hclLaCount: Check = (c, tables) => {
  const measure = param(c, "measure");
  const year = param(c, "year");
  const src = param(c, "src");
  const rows = tables.obs(measure).filter({ measure, year, level: "la", src });
  if (rows.length === 0) throw new DataError(`no LA rows for ${label(measure)} ${year} in ${src}`);
  const tiny = Object.values(TINY_LAS).filter((n) => rows.some((o) => sameLa(o.area, n)));
  const r = rows.map((o) => o.row);
  return {
    values: { count: new Set(rows.map((o) => o.laCode ?? o.code)).size },
    evidence: [{ source: src, file: source(src).file, rows: [`LA rows ${Math.min(...r)}–${Math.max(...r)}`], columns: [rows[0].col], values: { "LA rows": rows.length }, note: `local authorities with children's services responsibilities in ${year}` }],
    explanation: `${fileLabel(src)} has ${rows.length} local-authority rows for ${label(measure)} in ${year}${tiny.length ? ` (${tiny.join(" and ")} included)` : ""}: the upper-tier authorities responsible for children's social care then (before the April 2019 merger of Bournemouth, Poole and Dorset).`,
  };
};

// ---------------------------------------------------------------------------------------------
// Workforce rows

/**
 * An England workforce figure at 30 September of params.from and params.to (params.measure),
 * roles `from`, `to` and `pctChange`, from the earliest release in the mirror that has the measure;
 * later releases as alternatives. When the measure is missing from the earliest release, the
 * explanation shows how much that release's other figures were revised in the next.
 */
const hclWorkforceRow: Check = (c, tables) => {
  const measure = param(c, "measure");
  const fromY = param(c, "from");
  const toY = param(c, "to");
  const t = tables.workforce();
  const rate = /Rate$/.test(measure);
  const fmt = (v: number | null) => (rate ? fmtPercent(v, 1) : fmtNumber(v, 1));
  const vintages = WORKFORCE_FILES.filter((id) => t.filter({ measure, level: "national", src: id }).length > 0);
  if (vintages.length === 0) throw new DataError(`no England ${WORKFORCE_LABELS[measure] ?? measure} in the workforce files`);
  const at = (id: string, y: string) => t.one({ measure, year: y, level: "national", src: id });
  const primary = vintages[0];
  const a = at(primary, fromY);
  const b = at(primary, toY);
  const pct = percentChange(num(a), num(b));
  const used: Obs[] = [a, b];
  const sentences = [`England ${WORKFORCE_LABELS[measure] ?? measure}: ${fmt(a.value)} at 30 September ${fromY} and ${fmt(b.value)} at 30 September ${toY} (${fileLabel(primary)}), ${fmtPercent(pct, 1, true)}${rate ? ` (${fmtNumber(num(b) - num(a), 1)} percentage points)` : ""}.`];
  const alternatives: Alternative[] = [];
  for (const id of vintages.slice(1)) {
    const x = at(id, fromY);
    const y = at(id, toY);
    if (x.value === a.value && y.value === b.value) continue;
    used.push(x, y);
    alternatives.push({ label: fileLabel(id), kind: "revision", values: { from: x.value, to: y.value, pctChange: percentChange(num(x), num(y)) } });
    sentences.push(`${fileLabel(id)}: ${fmt(x.value)} and ${fmt(y.value)}.`);
  }
  if (primary !== WORKFORCE_FILES[0]) {
    const first = WORKFORCE_FILES[0];
    const revised = ["fte", "leavers", "vacancies", "agencyFte"].map((m) => {
      const p = t.filter({ measure: m, year: fromY, level: "national", src: first })[0];
      const q = t.filter({ measure: m, year: fromY, level: "national", src: primary })[0];
      return p && q && p.value !== q.value ? `${WORKFORCE_LABELS[m]} ${fmtNumber(p.value, 1)} → ${fmtNumber(q.value, 1)}` : "";
    }).filter(Boolean);
    sentences.push(`${fileLabel(first)}, the earliest release in the mirror, has no ${WORKFORCE_LABELS[measure] ?? measure}; the first release to carry it here is ${fileLabel(primary)}, which revised other ${fromY} figures of the earlier release (${revised.join("; ") || "none"}). The releases that first published ${fromY} and ${toY} (February ${Number(fromY) + 1} and ${Number(toY) + 1}) are not in the mirror.`);
  }
  return { values: { from: num(a), to: num(b), pctChange: pct }, evidence: evidenceFor(used), explanation: sentences.join(" "), alternatives };
};

// ---------------------------------------------------------------------------------------------
// Internal consistency of the briefing's own numbers

/** Pounds per unit of a stated money value, so £ million and £ billion can be combined. */
const MONEY_SCALE: Partial<Record<Unit, number>> = { gbp: 1, gbp_m: 1e6, gbp_bn: 1e9 };

/** A document number with its written precision, money in pounds. */
function docNumber(c: ClaimContext, ref: string): { value: number; tol: number; written: string; claim: Claim; unit: Unit } {
  if (!c.documentNumber) throw new Error(`claim "${c.id}": a consistency check needs the registry`);
  const d = c.documentNumber(ref);
  const role = ref.split(":")[1];
  const sv = d.claim.stated.find((s) => s.role === role)!;
  const scale = MONEY_SCALE[sv.unit] ?? 1;
  return { value: d.value * scale, tol: (sv.tolerance ?? 0) * scale, written: d.written, claim: d.claim, unit: sv.unit };
}

/** The range of f over the box of inputs ± their tolerances (every corner; fine for a handful of inputs). */
function rangeOver(values: number[], tols: number[], f: (v: number[]) => number): { lo: number; hi: number } {
  let lo = Infinity;
  let hi = -Infinity;
  const n = values.length;
  for (let mask = 0; mask < 1 << n; mask++) {
    const v = values.map((x, i) => x + (mask & (1 << i) ? tols[i] : -tols[i]));
    const y = f(v);
    if (Number.isFinite(y)) { lo = Math.min(lo, y); hi = Math.max(hi, y); }
  }
  return { lo, hi };
}

const RELATIONS: Record<string, (v: number[]) => number> = {
  pctChange: (v) => percentChange(v[0], v[1]),
  sum: (v) => v.reduce((a, b) => a + b, 0),
  difference: (v) => v[1] - v[0],
  ratio: (v) => v[0] / v[1],
  share: (v) => (100 * v[0]) / v[1],
  pointsChange: (v) => v[1] - v[0],
};

/**
 * The generic `consistency` check (a document's number against what its OTHER numbers imply),
 * with two additions: money inputs in different units (£ million, £ billion) are put in pounds first,
 * and the rounding of the inputs as written is carried through (the implied value is a range, given
 * as the tolerance: a percentage change of two levels written to 0.01 is itself uncertain). For a
 * percentage change of two percentages it also reports the change in percentage points.
 */
const hclConsistency: Check = async (c, tables) => {
  const refs = (c.params.inputs as string[] | undefined) ?? [];
  const got = refs.map((r) => docNumber(c, r));
  const relation = String(c.params.relation ?? "");
  if (relation === "complement") return complement(c, refs, got);
  const f = RELATIONS[relation];
  if (!f) throw new Error(`claim "${c.id}": unknown consistency relation "${relation}"`);
  const scaled: ClaimContext = { ...c, documentNumber: (ref: string) => { const d = docNumber(c, ref); return { value: d.value, written: d.written, claim: d.claim }; } };
  const base = (await genericChecks.consistency(scaled, tables)) as CheckResult;
  const role = optParam(c, "role", "value");
  const implied = base.values[role] as number;
  const { lo, hi } = rangeOver(got.map((g) => g.value), got.map((g) => g.tol), f);
  const tol = Math.max(hi - implied, implied - lo);
  const sentences = [base.explanation];
  if (tol > 1e-9) sentences.push(`With each of those figures anywhere within its rounding, the result lies between ${fmtNumber(lo, 2)} and ${fmtNumber(hi, 2)}.`);
  if (relation === "pctChange" && got.every((g) => g.unit === "percent")) {
    sentences.push(`The inputs are themselves percentages: as a change in percentage points it is ${fmtNumber(got[1].value - got[0].value, 1)} points, so the document's % change is a relative change of the rate, not a change in points.`);
  }
  return { ...base, explanation: sentences.join(" "), dataTolerance: { [role]: tol } };
};

/**
 * Shares that should add up to 100% with the document's other shares: each role of params.roles is
 * 100 minus the corresponding input (e.g. statutory = 100 − preventative).
 */
function complement(c: ClaimContext, refs: string[], got: ReturnType<typeof docNumber>[]): CheckResult {
  const roles = strList(c, "roles");
  if (roles.length !== refs.length) throw new Error(`claim "${c.id}": a complement needs one role per input (${refs.length} inputs, ${roles.length} roles)`);
  const values: Record<string, number> = {};
  const dataTolerance: Record<string, number> = {};
  roles.forEach((r, i) => { values[r] = 100 - got[i].value; dataTolerance[r] = got[i].tol; });
  return {
    values,
    dataTolerance,
    internal: true,
    evidence: [{
      source: `document:${c.document}`, file: `seeds/${DOC_FILES[c.document]}`, rows: refs.map((r, i) => `${got[i].claim.location} (${r})`), columns: ["the document's own numbers"],
      values: Object.fromEntries(refs.map((r, i) => [r, got[i].value])), note: "internal consistency: shares of one whole add up to 100%",
    }],
    explanation: `From the document's own numbers: ${roles.map((r, i) => `100% − ${got[i].written} = ${fmtNumber(values[r], 1)}%`).join("; ")}.`,
  };
}

/**
 * A rate as a document defines it, from its own numbers: 100 × Σ numerator / Σ denominator
 * (params.numerator, params.denominator: "claim-id:role" lists; params.role). params.otherDenominator
 * gives another reading (e.g. DfE's own definition) reported beside it.
 */
const hclDefinedRate: Check = (c, tables) => {
  const role = optParam(c, "role", "rate");
  const nums = strList(c, "numerator").map((r) => docNumber(c, r));
  const dens = strList(c, "denominator").map((r) => docNumber(c, r));
  const all = [...nums, ...dens];
  const f = (v: number[]) => (100 * v.slice(0, nums.length).reduce((a, b) => a + b, 0)) / v.slice(nums.length).reduce((a, b) => a + b, 0);
  const rate = f(all.map((g) => g.value));
  const { lo, hi } = rangeOver(all.map((g) => g.value), all.map((g) => g.tol), f);
  const sentences = [`${typeof c.params.definition === "string" ? `${c.params.definition}: ` : ""}100 × ${nums.map((g) => g.written).join(" + ")} / (${dens.map((g) => g.written).join(" + ")}) = ${fmtNumber(rate, 2)}% (${fmtNumber(lo, 2)} to ${fmtNumber(hi, 2)} with the inputs' rounding).`];
  const other = strList(c, "otherDenominator");
  if (other.length) {
    const od = other.map((r) => docNumber(c, r));
    const alt = (100 * nums.reduce((a, g) => a + g.value, 0)) / od.reduce((a, g) => a + g.value, 0);
    sentences.push(`${typeof c.params.otherDefinition === "string" ? c.params.otherDefinition : "On the other denominator"}: 100 × ${nums.map((g) => g.written).join(" + ")} / (${od.map((g) => g.written).join(" + ")}) = ${fmtNumber(alt, 2)}%.`);
    all.push(...od);
  }
  const evidence: Evidence[] = [{
    source: `document:${c.document}`,
    file: `seeds/${DOC_FILES[c.document]}`,
    rows: [...strList(c, "numerator"), ...strList(c, "denominator"), ...other],
    columns: ["the document's own numbers"],
    values: Object.fromEntries([...strList(c, "numerator"), ...strList(c, "denominator"), ...other].map((r, i) => [r, all[i].value])),
    note: "internal consistency: the rate as the document defines it, from its own numbers",
  }];
  return { values: { [role]: rate }, evidence, explanation: `From the document's own numbers: ${sentences.join(" ")}`, internal: true, dataTolerance: { [role]: Math.max(hi - rate, rate - lo) } };
};

/**
 * How many of the document's own numbers (params.inputs) satisfy params.test ("eq:0", "gt:39",
 * "lt:50"): for a sentence that counts what its own table lists. Role params.role.
 */
const hclDocumentCount: Check = (c, tables) => {
  const role = optParam(c, "role", "count");
  const refs = strList(c, "inputs");
  const [op, xs] = param(c, "test").split(":");
  const x = Number(xs);
  const got = refs.map((r) => ({ ref: r, ...docNumber(c, r) }));
  const ok = got.filter((g) => (op === "eq" ? g.value === x : op === "gt" ? g.value > x : op === "lt" ? g.value < x : false));
  if (!["eq", "gt", "lt"].includes(op)) throw new Error(`claim "${c.id}": unknown test "${op}"`);
  const words: Record<string, string> = { eq: "equal to", gt: "above", lt: "below" };
  return {
    values: { [role]: ok.length },
    evidence: [{ source: `document:${c.document}`, file: `seeds/${DOC_FILES[c.document]}`, rows: refs, columns: ["the document's own numbers"], values: Object.fromEntries(got.map((g) => [g.ref, g.value])), note: "internal consistency: a count of the document's own table entries" }],
    explanation: `From the document's own table: ${ok.length} of its ${got.length} entries (${got.map((g) => g.written).join(", ")}) are ${words[op]} ${xs}${ok.length ? `: ${ok.map((g) => g.written).join(", ")}` : ""}.`,
    internal: true,
  };
};

export const hclChecks: Record<string, Check> = {
  hclChange,
  hclSeriesPeak,
  hclAnnualFalls,
  hclEnglandRate,
  hclLaDistribution,
  hclPlacementRow,
  hclSpendingRow,
  hclS251Spend,
  hclOfstedShare,
  hclProviderGrowth,
  hclLaCount,
  hclWorkforceRow,
  hclConsistency,
  hclDefinedRate,
  hclDocumentCount,
};
