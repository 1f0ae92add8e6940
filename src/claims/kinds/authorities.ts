import { DataError, source } from "../../data/sources";
import { Obs, num } from "../../data/obs";
import { BOUNDARY_CHANGES, isTiny, normaliseLaName, TINY_LAS, type La } from "../../data/la";
import { CIN_EES, CIN_SFR } from "../../data/tidy/cin";
import { CLA_EES } from "../../data/tidy/cla";
import { WORKFORCE_FILES, WORKFORCE_LABELS } from "../../data/tidy/workforce";
import { GRADES, GRADE_SCORE, gradeCounts, judgementFor, type Grade, type GradeBasis, type Judgement, type OfstedAuthority } from "../../data/tidy/ofsted";
import { labelledRange, mean, median } from "../../stats/association";
import { ratePer10k, sharePercent } from "../../stats/change";
import { fmtMoney, fmtNumber, fmtPercent } from "../../format";
import type { Unit } from "../types";
import { authoritiesExisting, laByCode, laByOnsCode, ofstedAuthoritiesIn, type Tables } from "../tables";
import { at31March, fileLabelParen, midYearOf } from "./lookup";
import { inPounds } from "../../data/tidy/spending";

/**
 * Values by local authority, as the kinds that compare authorities read them (distribution, count,
 * association): rates per 10,000 from each release that carries them, spending per child-in-need
 * episode (NAO footnote 15), spending per young person, workforce rates, and the Ofsted grade that
 * goes with each authority. Every list says which authorities have no value and why.
 */

// ---------------------------------------------------------------------------------------------
// Rates per 10,000 by authority, by release


/** Readable names of the rates. */
export const RATE_LABELS: Record<string, string> = {
  cinEpisodesRate: "children-in-need episodes in the year",
  cinAt31MarchRate: "children in need at 31 March",
  referralsRate: "referrals",
  s47Rate: "section 47 enquiries",
  cppStartsRate: "child protection plans starting in the year",
  cppAt31MarchRate: "child protection plans at 31 March",
  claRate: "children looked after at 31 March",
};

/** Which file gives a rate in each release, and how the release is described. */
export const RATE_RELEASES: Record<string, Record<string, { src: string | ((year: string) => string); label: string }>> = {
  cinEpisodesRate: {
    "2020": { src: CIN_EES["2020"].b1, label: "DfE EES release of October 2020 (rates as first published)" },
    "2024": { src: CIN_EES["2024"].b1, label: "DfE EES release of 2024 (rates re-based on revised population estimates)" },
    sfr: { src: (y) => CIN_SFR[y], label: "DfE underlying data of the year's own release (as first published)" },
  },
  cinAt31MarchRate: {
    "2020": { src: CIN_EES["2020"].b1, label: "DfE EES release of October 2020 (rates as first published)" },
    "2024": { src: CIN_EES["2024"].b1, label: "DfE EES release of 2024 (rates re-based on revised population estimates)" },
  },
  referralsRate: {
    "2020": { src: CIN_EES["2020"].c1, label: "DfE EES release of October 2020 (rates as first published)" },
    "2024": { src: CIN_EES["2024"].c1, label: "DfE EES release of 2024 (rates re-based on revised population estimates)" },
    sfr: { src: (y) => CIN_SFR[y], label: "DfE underlying data of the year's own release (as first published)" },
  },
  s47Rate: {
    "2020": { src: CIN_EES["2020"].c4, label: "DfE EES release of October 2020 (rates as first published)" },
    "2024": { src: CIN_EES["2024"].c4, label: "DfE EES release of 2024 (rates re-based on revised population estimates)" },
  },
  cppStartsRate: {
    "2020": { src: CIN_EES["2020"].d1, label: "DfE EES release of October 2020 (rates as first published)" },
    "2024": { src: CIN_EES["2024"].d1, label: "DfE EES release of 2024 (rates re-based on revised population estimates)" },
  },
  cppAt31MarchRate: {
    "2020": { src: CIN_EES["2020"].d1, label: "DfE EES release of October 2020 (rates as first published)" },
    "2024": { src: CIN_EES["2024"].d1, label: "DfE EES release of 2024 (rates re-based on revised population estimates)" },
  },
  claRate: {
    "2018": { src: "cla-2018-cla2018", label: "DfE looked-after children underlying data, November 2018 (as first published)" },
    "2019": { src: "cla-2019-cla2019", label: "DfE looked-after children underlying data, December 2019" },
    "2022": { src: "cla-ees2022-data-2018-to-2022-cla-number-and-rate-per-10k-children", label: "DfE EES release of 2022" },
    fingertips: { src: "cla-derived-phe-fingertips-children-in-care", label: "PHE Fingertips copy of DfE's rates" },
  },
};

/** An authority's value of something, with the observations it comes from. */
export interface LaPoint {
  laCode: string;
  /** Name from DfE's LA code list (one spelling whatever the file wrote). */
  name: string;
  value: number;
  obs: Obs[];
}

/** The DfE code of an LA observation (Fingertips rows carry only the ONS code). */
function laCodeOf(tables: Tables, o: Obs): string | undefined {
  return o.laCode ?? laByOnsCode(tables, o.code)?.laCode;
}

/** The file a release gives a rate in, for a year. */
export function rateSource(measure: string, release: string, year: string): string {
  const r = RATE_RELEASES[measure]?.[release];
  if (!r) throw new Error(`no release "${release}" for the rate "${measure}" (known: ${Object.keys(RATE_RELEASES[measure] ?? {}).join(", ") || "none"})`);
  const src = typeof r.src === "function" ? r.src(year) : r.src;
  if (!src) throw new DataError(`the release "${release}" has no ${RATE_LABELS[measure] ?? measure} file for ${year}`);
  return src;
}

/** Every authority's rate in a year from one release: the rates, and the authorities whose cell is suppressed or missing. */
export function laRates(tables: Tables, measure: string, year: string, release: string): { points: LaPoint[]; suppressed: { la: La; obs?: Obs }[]; src: string } {
  const src = rateSource(measure, release, year);
  const rows = src.startsWith("cin-sfr-")
    ? tables.sfrRates().filter({ measure, year, level: "la" })
    : (measure === "claRate" ? tables.cla() : tables.cin()).filter({ measure, year, level: "la", src });
  if (rows.length === 0) throw new DataError(`${source(src).file}: no LA rows for ${RATE_LABELS[measure] ?? measure} in ${year}`, source(src).file);
  const byCode = new Map<string, Obs>();
  for (const o of rows) {
    const c = laCodeOf(tables, o);
    if (c) byCode.set(c, o);
  }
  const points: LaPoint[] = [];
  const suppressed: { la: La; obs?: Obs }[] = [];
  for (const la of authoritiesExisting(tables, year)) {
    const o = byCode.get(la.laCode);
    if (!o || o.value === null) suppressed.push({ la, obs: o });
    else points.push({ laCode: la.laCode, name: la.name, value: o.value, obs: [o] });
  }
  return { points, suppressed, src };
}

/** Points without the Isles of Scilly and the City of London when `tiny` is "exclude". */
export function withTiny<T extends { laCode: string }>(points: T[], tiny: "include" | "exclude"): T[] {
  return tiny === "include" ? points : points.filter((p) => !isTiny(p.laCode));
}

export const r1 = (x: number) => fmtNumber(x, 1);
export const tinyWords = "the Isles of Scilly and the City of London";

/** The lowest and highest rate under one choice of release and of the tiny authorities. */
export function rateRangeOf(tables: Tables, measure: string, year: string, release: string, tiny: "include" | "exclude") {
  const { points, suppressed, src } = laRates(tables, measure, year, release);
  const kept = withTiny(points, tiny);
  const rg = labelledRange(kept.map((p) => ({ ...p, label: p.name })));
  return { ...rg, points, kept, suppressed, src, median: median(kept.map((p) => p.value)), mean: mean(kept.map((p) => p.value)) };
}



/** ", 28 episodes among 209 children aged 0-17" for a tiny authority's children-in-need rate. */
export function tinyCounts(tables: Tables, measure: string, year: string, laCode: string): string {
  if (!isTiny(laCode) || measure !== "cinEpisodesRate") return "";
  const t = tables.cin();
  const ep = t.filter({ measure: "cinEpisodes", year, level: "la", laCode, src: CIN_EES["2020"].b1 })[0];
  const pop = t.filter({ measure: "dfePopulation0to17", year, level: "la", laCode, src: CIN_EES["2020"].pop })[0];
  if (!ep || !pop || ep.value === null || pop.value === null) return "";
  return ` (${fmtNumber(ep.value)} episodes among ${fmtNumber(pop.value)} children aged 0-17)`;
}

/** "the Isles of Scilly 1,342.5, the City of London 781.5" (or "suppressed"). */
export function tinyText(tables: Tables, measure: string, year: string, release: string): string {
  const { points, suppressed } = laRates(tables, measure, year, release);
  return Object.entries(TINY_LAS).map(([code, name]) => {
    const p = points.find((x) => x.laCode === code);
    const s = suppressed.find((x) => x.la.laCode === code);
    return p ? `${name} ${r1(p.value)}` : `${name} ${s?.obs ? `suppressed ("${s.obs.marker}")` : "not in the file"}`;
  }).join(", ");
}

/** An authority's change in a rate between two years (to − from), from one or two sources. */
export function rateChanges(tables: Tables, measure: string, from: string, to: string, release: string, fromRelease = release): LaPoint[] {
  const a = new Map(laRates(tables, measure, from, fromRelease).points.map((p) => [p.laCode, p]));
  const out: LaPoint[] = [];
  for (const p of laRates(tables, measure, to, release).points) {
    const q = a.get(p.laCode);
    if (q) out.push({ laCode: p.laCode, name: p.name, value: p.value - q.value, obs: [...q.obs, ...p.obs] });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Spend per child-in-need episode

/** Types of authority as the NAO's Figure 10 groups them. */
export const LA_TYPE_GROUPS: Record<string, string> = { OLB: "London borough", ILB: "London borough", MD: "Metropolitan district", UA: "Unitary authority", SC: "County" };

/** Plural of a type group, for sentences. */
export function typePlural(t: string): string {
  return t === "County" ? "Counties" : t === "Unitary authority" ? "Unitary authorities" : `${t}s`;
}

export interface SpendPoint extends LaPoint {
  type: string;
  spend: number;
  episodes: number;
}

/** Which episode counts a year's spend is divided by: "ees2020" (revised counts, as in the 2017-18 release onward) or "sfr" (the year's first-published counts). */
function episodesSource(year: string, episodes: string): string {
  if (episodes === "sfr") {
    const id = CIN_SFR[year];
    if (!id) throw new DataError(`no first-published children-in-need file for ${year}`);
    return id;
  }
  return CIN_EES["2020"].b1;
}

/**
 * Spend per child-in-need episode by authority (NAO footnote 15): section 251 "Social work (including
 * LA functions in relation to child protection)" expenditure, gross (TotalExpenditure) or net, divided
 * by children-in-need episodes in the year; and the England figure (sum of LA spend ÷ England episodes).
 */
export function spendPerEpisode(tables: Tables, year: string, opts: { kind?: "gross" | "net"; episodes?: "ees2020" | "sfr" } = {}) {
  const kind = opts.kind ?? "gross";
  const epSrc = episodesSource(year, opts.episodes ?? "ees2020");
  const s = tables.s251();
  const spendRows = s.filter({ measure: `s251:socialWork:${kind}`, year, level: "la" });
  if (spendRows.length === 0) throw new DataError(`no section 251 social work (${kind}) lines by LA for ${year}`);
  const spendSrc = spendRows[0].src;
  const eps = new Map(tables.cin().filter({ measure: "cinEpisodes", year, level: "la", src: epSrc }).map((o) => [o.laCode!, o]));
  const points: SpendPoint[] = [];
  const missing: { la: La; why: string }[] = [];
  const spendBy = new Map(spendRows.map((o) => [o.laCode!, o]));
  for (const la of authoritiesExisting(tables, year)) {
    const sp = spendBy.get(la.laCode);
    const ep = eps.get(la.laCode);
    if (!sp || sp.value === null || !ep || ep.value === null || ep.value === 0) {
      missing.push({ la, why: !sp || sp.value === null ? "no s251 social work line" : "no episode count" });
      continue;
    }
    points.push({ laCode: la.laCode, name: la.name, type: LA_TYPE_GROUPS[la.type], spend: sp.value, episodes: ep.value, value: sp.value / ep.value, obs: [sp, ep] });
  }
  const engSpend = s.filter({ measure: `s251:socialWork:${kind}`, year, level: "national", src: spendSrc })[0];
  const engEp = tables.cin().filter({ measure: "cinEpisodes", year, level: "national", src: epSrc })[0];
  if (!engSpend || !engEp) throw new DataError(`no England social work spend or episode count for ${year}`);
  return { points, missing, kind, spendSrc, epSrc, england: { spend: engSpend, episodes: engEp, value: num(engSpend) / num(engEp) } };
}

/** Per-type ranges of spend per episode (for tables and Figure 10). */
export function spendByType(points: SpendPoint[]) {
  return [...new Set(Object.values(LA_TYPE_GROUPS))].map((t) => {
    const g = points.filter((p) => p.type === t);
    const r = labelledRange(g.map((p) => ({ ...p, label: p.name })));
    return { type: t, n: g.length, min: r.min, max: r.max, median: median(g.map((p) => p.value)), ratio: r.max.value / r.min.value };
  });
}


// ---------------------------------------------------------------------------------------------
// Ofsted grades by authority

/** Each authority of a year with its judgement under a basis. */
export function gradedAuthorities(tables: Tables, fy: string, basis: GradeBasis): { a: OfstedAuthority; j: Judgement | undefined }[] {
  return ofstedAuthoritiesIn(tables, fy).map((a) => ({ a, j: judgementFor(a, basis) }));
}

/** Shares of authorities by grade, in percent of the authorities judged. */
export function gradeShares(tables: Tables, fy: string, basis: GradeBasis) {
  const items = gradedAuthorities(tables, fy, basis);
  const counts = gradeCounts(items.map((x) => x.j));
  const judged = counts.total - counts.none;
  const pct = Object.fromEntries(GRADES.map((g) => [g, sharePercent(counts[g], judged)])) as Record<Grade, number>;
  return { items, counts, judged, pct };
}

/**
 * Share of authorities with one of the given grades. params: basis ("firstSif" or "at:yyyy-mm-dd"),
 * grades (e.g. ["Requires improvement", "Inadequate"]), fy (default "2017-18"), compareAt (other dates
 * to report, as "period" alternatives). Role "share". A "rounding" alternative gives the sum of the
/** One value per graded authority, paired with its grade (for tests of association). */
export interface GradedPoint extends LaPoint {
  grade: Grade;
  score: number;
  judgement: Judgement;
}

/** Joins authorities' values to their grades under a basis; authorities without a judgement are left out. */
export function withGrades(tables: Tables, points: LaPoint[], fy: string, basis: GradeBasis): { graded: GradedPoint[]; ungraded: LaPoint[]; judged: { a: OfstedAuthority; j: Judgement | undefined }[] } {
  const judged = gradedAuthorities(tables, fy, basis);
  const byCode = new Map(judged.map((x) => [x.a.laCode, x]));
  const graded: GradedPoint[] = [];
  const ungraded: LaPoint[] = [];
  for (const p of points) {
    const j = byCode.get(p.laCode)?.j;
    if (j) graded.push({ ...p, grade: j.overall, score: GRADE_SCORE[j.overall], judgement: j });
    else ungraded.push(p);
  }
  return { graded, ungraded, judged };
}

/**
 * Spearman's ρ (permutation p), Kruskal–Wallis (chi-squared and permutation p) and medians by grade;

// ---------------------------------------------------------------------------------------------
// Values by authority as the Commons Library's tables give them

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

export function fmtUnit(v: number | null | undefined, unit: Unit): string {
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
  const mid = midYearOf(year);
  const rows: LaValue[] = spend.map((s) => {
    const area = s.area.replace(/\s+UA$/, "");
    const pops = population0to18For(tables, s.code, s.area, mid);
    const pounds = inPounds(s);
    if (pops.length === 0 || pounds === null) return { area, code: s.code, value: null, marker: s.marker ?? "no population", obs: [s] };
    const p = pops.reduce((a, o) => a + num(o), 0);
    return { area, code: s.code, value: pounds / p, obs: [s, ...pops] };
  });
  return { rows, what: `children's social care net current expenditure per young person aged 0-18, ${year} (RO3 ÷ ONS mid-${mid} 0-18)`, unit: "gbp", files: [fileLabelParen(spend[0].src), fileLabelParen(rows.find((r) => r.obs.length > 1)!.obs[1].src)] };
}

/** Rates by LA: children in need at 31 March, children looked after, workforce rates. */
export function laDataset(tables: Tables, dataset: string, year: string, src?: string): LaDataset {
  const fromTable = (rows: Obs[], what: string, unit: Unit): LaDataset => {
    if (rows.length === 0) throw new DataError(`no LA figures for ${dataset} ${year}${src ? ` in ${src}` : ""}`);
    return { rows: rows.map((o) => ({ area: o.area, code: o.code || o.laCode || "", value: o.value, ...(o.marker !== undefined ? { marker: o.marker } : {}), obs: [o] })), what, unit, files: [fileLabelParen(rows[0].src)] };
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

/** An LA's count over ONS's mid-year 0-18 population, for the rates DfE computes per under-18s. */
export function rateOn0to18(tables: Tables, dataset: string, year: string, src: string | undefined, la: LaValue): { rate: number; obs: Obs[] } | null {
  const countMeasure = dataset === "cinAt31MarchRate" ? "cinAt31March" : dataset === "claRate" ? "claAt31March" : undefined;
  if (!countMeasure) return null;
  const rateObs = la.obs[0];
  const t = countMeasure === "cinAt31March" ? tables.cin() : tables.cla();
  const count = t.filter({ measure: countMeasure, year, level: "la", src: rateObs.src }).find((o) => o.row === rateObs.row);
  if (!count || count.value === null) return null;
  const pops = population0to18For(tables, la.code, la.area, midYearOf(year));
  if (pops.length === 0) return null;
  const p = pops.reduce((a, o) => a + num(o), 0);
  return { rate: ratePer10k(count.value, p), obs: [count, ...pops] };
}

