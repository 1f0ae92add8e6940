import { DataError, MissingDataError } from "../../data/sources";
import { Obs, num } from "../../data/obs";
import { percentChange } from "../../stats/change";
import { CLA_LABELS } from "../../data/tidy/cla";
import type { Tables } from "../tables";

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
};

export const label = (m: string) => MEASURE_LABELS[m] ?? CLA_LABELS[m] ?? m;

/**
 * Default order of preference among vintages when a year is in several files: the document-era
 * release first (EES 2020 carries the counts of the 2017-18 and 2018-19 releases unchanged), then
 * the figures as first published, then anything else.
 */
export const DEFAULT_PREFER = ["cin-ees2020", "cin-sfr-", "cla-", "population-"];

/** The England observation of a measure in a year, choosing among vintages by preference. */
export function pickEngland(t: Tables, measure: string, year: string, prefer: string[] = DEFAULT_PREFER): Obs {
  const hits = t.obs(measure).filter({ measure, year, level: "national" });
  if (hits.length === 0) throw new MissingDataError(`no England figure for ${label(measure)} in ${year} in the data`);
  if (hits.length === 1) return hits[0];
  for (const p of prefer) {
    const h = hits.find((o) => o.src.startsWith(p));
    if (h) return h;
  }
  return hits[0];
}

/** Every England observation of a measure in a year (all vintages). */
export function allEngland(t: Tables, measure: string, year: string): Obs[] {
  return t.obs(measure).filter({ measure, year, level: "national" });
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
export function populationGrowth(tables: Tables, from: string, to: string): { a: Obs; b: Obs; pct: number } {
  const t = tables.obs("population0to17");
  const a = t.england("population0to17", midYearOf(from));
  const b = t.england("population0to17", midYearOf(to));
  return { a, b, pct: percentChange(num(a), num(b)) };
}
