/**
 * Percentage change from one level to another: 100 × (to − from) / from.
 * See https://en.wikipedia.org/wiki/Relative_change.
 *
 * @param from the earlier level (must not be 0)
 * @param to the later level
 * @returns the change in percent
 * @example percentChange(612600, 655630) // => 7.024..
 * @example percentChange(200, 150) // => -25
 */
export function percentChange(from: number, to: number): number {
  if (from === 0) throw new RangeError("percentChange: the starting level is 0");
  return (100 * (to - from)) / from;
}

/**
 * A rate per 10,000: 10,000 × count / population.
 *
 * @param count the number of children (or episodes, plans...)
 * @param population the population the rate is per (e.g. children aged 0-17)
 * @example ratePer10k(75420, 11954618) // => 63.08..
 */
export function ratePer10k(count: number, population: number): number {
  if (population <= 0) throw new RangeError("ratePer10k: population must be positive");
  return (10000 * count) / population;
}

/**
 * A share in percent: 100 × part / whole.
 * @example sharePercent(482750, 631090) // => 76.49..
 */
export function sharePercent(part: number, whole: number): number {
  if (whole === 0) throw new RangeError("sharePercent: the whole is 0");
  return (100 * part) / whole;
}

/**
 * A cash amount expressed in the prices of another year, with a deflator index (e.g. HM Treasury's
 * GDP deflator): amount × index(target) / index(of the amount's year).
 *
 * @example toRealTerms(1021.0, 91.933, 97.908) // => 1087.36..
 */
export function toRealTerms(amount: number, indexOfYear: number, indexOfTarget: number): number {
  if (indexOfYear <= 0) throw new RangeError("toRealTerms: deflator index must be positive");
  return (amount * indexOfTarget) / indexOfYear;
}
