import * as path from "node:path";
import { DataError, MissingDataError, source } from "../../data/sources";
import { Obs, num } from "../../data/obs";
import { inPounds } from "../../data/tidy/spending";
import { CLA_LABELS } from "../../data/tidy/cla";
import { WORKFORCE_LABELS } from "../../data/tidy/workforce";
import { fyFromEnd } from "../../data/tidy/common";
import { percentChange } from "../../stats/change";
import { fmtNumber } from "../../format";
import type { RawTable } from "../../data/readers";
import type { Tables } from "../tables";

/**
 * Lookups every kind shares: the England figure of a measure in a year among several vintages, the
 * rounding of old national counts, readable names of measures and files, and money in pounds.
 */

/** Readable names of measures, for explanations. */
export const MEASURE_LABELS: Record<string, string> = {
  referrals: "referrals",
  cinEpisodes: "children-in-need episodes in the year",
  cinAt31March: "children in need at 31 March",
  s47Enquiries: "section 47 enquiries",
  icpcs: "initial child protection conferences",
  cppStarts: "child protection plans starting in the year",
  cppAt31March: "child protection plans at 31 March",
  assessments: "assessments completed",
  episodesWithFactors: "episodes with factors identified at the end of assessment",
  population0to17: "population aged 0-17",
  population0to18: "population aged 0-18",
  primaryNeedAbuseNeglect: "children in need at 31 March whose primary need is abuse or neglect",
  primaryNeedAll: "children in need at 31 March, every primary need",
  careApplications: "care applications (Cafcass)",
  childrensCentresClosedSince2010: "children's centres closed since April 2010",
  imdScore: "the IMD 2015 average score",
  idaciScore: "the IDACI 2015 score",
};

export const label = (m: string) => MEASURE_LABELS[m] ?? CLA_LABELS[m] ?? WORKFORCE_LABELS[m] ?? m;

/**
 * Default order of preference among vintages when a year is in several files: the document-era
 * release first (EES 2020 carries the counts of the 2017-18 and 2018-19 releases unchanged), then
 * the figures as first published, then anything else.
 */
export const DEFAULT_PREFER = ["cin-ees2020", "cin-sfr-", "cla-", "population-"];

/** Order of vintages for the Commons Library's series: DfE's 2020 releases first, then the first-published files. */
export const HCL_PREFER = ["cin-ees2020", "cla-ees2022", "cin-sfr-", "cla-"];

/** Every England observation of a measure in a year (all vintages, in table order). */
export function allEngland(t: Tables, measure: string, year: string): Obs[] {
  return t.obs(measure).filter({ measure, year, level: "national" });
}

/** The England observation of a measure in a year, choosing among vintages by preference. */
export function pickEngland(t: Tables, measure: string, year: string, prefer: string[] = DEFAULT_PREFER): Obs {
  const hits = allEngland(t, measure, year);
  if (hits.length === 0) throw new MissingDataError(`no England figure for ${label(measure)} in ${year} in the data`);
  if (hits.length === 1) return hits[0];
  for (const p of prefer) {
    const h = hits.find((o) => o.src.startsWith(p));
    if (h) return h;
  }
  return hits[0];
}

/** England value or null when the year is not in the data. */
export function tryEngland(t: Tables, measure: string, year: string, prefer?: string[]): Obs | null {
  try {
    return pickEngland(t, measure, year, prefer);
  } catch (e) {
    if (e instanceof DataError) return null;
    throw e;
  }
}

/** The England figure as first published (the first release in the table holding a number). */
export function firstPublished(t: Tables, measure: string, year: string): Obs {
  const o = allEngland(t, measure, year).find((x) => x.value !== null);
  if (!o) throw new DataError(`no England figure for ${label(measure)} in ${year} in the ${CLA_LABELS[measure] ? "looked-after " : ""}files`);
  return o;
}

/**
 * Half-width of the rounding of a national count in an old SFR or SSDA903 underlying-data file
 * (to the nearest 100 in the earliest years, to the nearest 10 later); 0 for the EES files.
 */
export function roundingOf(o: Obs): number {
  if (o.value === null || o.level !== "national") return 0;
  if (o.src.startsWith("cin-sfr-")) {
    if (o.year <= "2010-11") return 50;
    return o.value % 10 === 0 ? 5 : 0;
  }
  // SSDA903 underlying data: England rounded to the nearest 100 in 2010, to the nearest 10 later
  if (/^cla-20\d\d-/.test(o.src)) {
    if (o.src.startsWith("cla-2010-")) return 50;
    return o.value % 10 === 0 ? 5 : 0;
  }
  return 0;
}

/** Bounds of a percentage change when both levels carry rounding ±a and ±b. */
export function pctChangeTolerance(from: number, to: number, a: number, b: number): number {
  if (a === 0 && b === 0) return 0;
  const hi = percentChange(from - a, to + b);
  const lo = percentChange(from + a, to - b);
  return Math.max(hi - percentChange(from, to), percentChange(from, to) - lo);
}

/** The change of a measure between two years, with the observations used. */
export function change(t: Tables, measure: string, from: string, to: string, prefer?: string[]): { a: Obs; b: Obs; pct: number; tol: number } {
  const a = pickEngland(t, measure, from, prefer);
  const b = pickEngland(t, measure, to, prefer);
  const pct = percentChange(num(a), num(b));
  return { a, b, pct, tol: pctChangeTolerance(num(a), num(b), roundingOf(a), roundingOf(b)) };
}

/** "2010-11" → "2010": the ONS mid-year whose estimate DfE uses as the denominator for that year. */
export function midYearOf(fy: string): string {
  return fy.slice(0, 4);
}

/** Growth of the ONS 0-17 population between the mid-years behind two financial years. */
export function populationGrowth(t: Tables, from: string, to: string): { a: Obs; b: Obs; pct: number } {
  const p = t.obs("population0to17");
  const a = p.england("population0to17", midYearOf(from));
  const b = p.england("population0to17", midYearOf(to));
  return { a, b, pct: percentChange(num(a), num(b)) };
}

/** Financial years from `from` to `to` inclusive ("2009-10" … "2019-20"). */
export function yearsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) out.push(fyFromEnd(y + 1));
  return out;
}

/** One England observation per year of a measure (null where the files have none). */
export function englandSeries(t: Tables, measure: string, from = "2009-10", to = "2019-20", prefer: string[] = HCL_PREFER): { year: string; obs: Obs | null }[] {
  return yearsBetween(from, to).map((year) => ({ year, obs: tryEngland(t, measure, year, prefer) }));
}

/** "2017-18" → "31 March 2018". */
export const at31March = (fy: string) => `31 March ${Number(fy.slice(0, 4)) + 1}`;

/** A year parameter given as "2018" (31 March 2018) or "2017-18". */
export const fyParam = (y: string) => (/^\d{4}$/.test(y) ? fyFromEnd(y) : y);

/** "CLA2018.csv, SSDA903 statistical release 2018": a file named the way a reader can find it. */
export function fileLabel(src: string): string {
  const s = source(src);
  return `${path.posix.basename(s.file)}, ${s.release}`;
}

/** "CLA2018.csv (SSDA903 statistical release 2018)". */
export function fileLabelParen(src: string): string {
  const s = source(src);
  return `${path.posix.basename(s.file)} (${s.release})`;
}

// ---------------------------------------------------------------------------------------------
// Money

/** A money observation in pounds; a missing value is an error naming file, row and column. */
export function pounds(o: Obs): number {
  const v = inPounds(o);
  if (v === null) throw new DataError(`${o.src}${o.sheet ? ` (sheet "${o.sheet}")` : ""} row ${o.row}, column "${o.col}": ${o.area} ${o.measure} ${o.year} is missing (marker "${o.marker ?? ""}")`);
  return v;
}

export const bn = (p: number) => p / 1e9;
export const mn = (p: number) => p / 1e6;
/** "£806.2 million" (a minus sign in front of a negative amount). */
export const fm = (p: number, d = 1) => `${p < 0 ? "−" : ""}£${fmtNumber(Math.abs(mn(p)), d)} million`;
/** "£1.72 billion". */
export const fb = (p: number, d = 2) => `${p < 0 ? "−" : ""}£${fmtNumber(Math.abs(bn(p)), d)} billion`;

/** The England observation of a measure in a year from one source (or the only one). */
export function englandIn(table: { one: (q: Partial<Obs>) => Obs }, measure: string, year: string, src?: string): Obs {
  return table.one({ measure, year, level: "national", ...(src ? { src } : {}) });
}

/** A derived observation (a sum of cells or of other observations) for the evidence. */
export function derived(base: Obs, measure: string, area: string, value: number, derivedFrom: string): Obs {
  return { measure, year: base.year, level: base.level, area, code: base.code, value, src: base.src, ...(base.sheet ? { sheet: base.sheet } : {}), row: base.row, col: base.col, derivedFrom };
}

/** Observations without repeats (same file, row, column, measure and year). */
export function dedupe(obs: Obs[]): Obs[] {
  const seen = new Set<string>();
  return obs.filter((o) => {
    const k = `${o.src}|${o.row}|${o.col}|${o.measure}|${o.year}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// Cells of an official file that the tidy tables do not keep

/** An observation made from one cell of a file as read. */
export function cellObs(t: RawTable, r: number, column: string | number, o: Pick<Obs, "measure" | "year" | "level" | "area" | "code"> & { laCode?: string }): Obs {
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

/** Index of the England row of an SFR file (geog_l National). */
export function nationalRow(t: RawTable): number {
  return t.oneRow("England (geog_l = National)", (r) => t.text(r, "geog_l").toLowerCase() === "national");
}

/** The England cell of a column of an SFR underlying-data file, as an observation of `measure` in `year`. */
export function englandCell(t: RawTable, column: string, measure: string, year: string): Obs {
  return cellObs(t, nationalRow(t), column, { measure, year, level: "national", area: "England", code: "E92000001" });
}

/** The sum of observations, or null (with the cells that are missing) when any is missing: never a partial sum. */
export function sumOf(parts: Obs[]): { value: number | null; missing: Obs[] } {
  const missing = parts.filter((p) => p.value === null);
  return { value: missing.length ? null : parts.reduce((s, p) => s + (p.value as number), 0), missing };
}
