import { toRealTerms } from "../../stats/change";

/**
 * Pure helpers for HM Treasury's GDP deflator series (index by financial year): look up the index
 * of a year (chaining forecast growth onto the last outturn index when the file prints "-" for a
 * forecast year), and express a cash amount in the prices of another year.
 */

/** One financial year of a deflator series: the index (null where the file gives none) and the per cent change on the previous year. */
export interface DeflatorPoint {
  /** Financial year, "2017-18". */
  year: string;
  index: number | null;
  /** Per cent change on the previous year (null for the first year). */
  growth: number | null;
}

/** The index of one year, and whether it was chained from forecast growth rather than read as outturn. */
export interface DeflatorLookup {
  year: string;
  index: number;
  forecast: boolean;
}

/**
 * The deflator index of a financial year. Where the series has an index for the year it is
 * returned as is; where it has none (HM Treasury prints "-" for forecast years) the last year with
 * an index is carried forward with each later year's per cent change. A year outside the series, or
 * a gap with no growth figure, is an error.
 *
 * @param series the years of a deflator file, in any order
 * @param year a financial year such as "2019-20"
 * @example deflatorIndex([{ year: "2018-19", index: 100, growth: 2.1 }, { year: "2019-20", index: null, growth: 1.9169 }], "2019-20")
 * // => { year: "2019-20", index: 101.9169, forecast: true }
 */
export function deflatorIndex(series: DeflatorPoint[], year: string): DeflatorLookup {
  const sorted = [...series].sort((a, b) => a.year.localeCompare(b.year));
  const i = sorted.findIndex((p) => p.year === year);
  if (i < 0) {
    const span = sorted.length ? `${sorted[0].year} to ${sorted[sorted.length - 1].year}` : "no years";
    throw new RangeError(`deflatorIndex: ${year} is not in the deflator series (${span})`);
  }
  const own = sorted[i].index;
  if (own !== null && Number.isFinite(own) && own > 0) return { year, index: own, forecast: false };
  let j = i;
  while (j >= 0 && !(sorted[j].index !== null && (sorted[j].index as number) > 0)) j--;
  if (j < 0) throw new RangeError(`deflatorIndex: no index at or before ${year} to chain from`);
  let index = sorted[j].index as number;
  for (let k = j + 1; k <= i; k++) {
    const g = sorted[k].growth;
    if (g === null || !Number.isFinite(g)) throw new RangeError(`deflatorIndex: no index and no growth figure for ${sorted[k].year}`);
    index *= 1 + g / 100;
  }
  return { year, index, forecast: true };
}

/**
 * A cash amount of one financial year in the prices of another, with a deflator series:
 * amount × index(target) / index(year).
 *
 * @example realTerms(1021.0, "2013-14", "2017-18", [{ year: "2013-14", index: 91.933, growth: 1.9 }, { year: "2017-18", index: 97.908, growth: 1.7 }]) // => 1087.36..
 */
export function realTerms(amount: number, year: string, target: string, series: DeflatorPoint[]): number {
  return toRealTerms(amount, deflatorIndex(series, year).index, deflatorIndex(series, target).index);
}

/**
 * The real-terms percentage change between two cash amounts, both expressed in the prices of `target`.
 *
 * @example realChange(100, "2013-14", 110, "2017-18", [{ year: "2013-14", index: 90, growth: null }, { year: "2017-18", index: 99, growth: null }]) // => 0
 */
export function realChange(fromAmount: number, fromYear: string, toAmount: number, toYear: string, series: DeflatorPoint[], target = toYear): number {
  const a = realTerms(fromAmount, fromYear, target, series);
  const b = realTerms(toAmount, toYear, target, series);
  if (a === 0) throw new RangeError("realChange: the starting amount is 0");
  return (100 * (b - a)) / a;
}
