/**
 * Small pure statistics for comparing local authorities: ranges with the authority at each end,
 * medians, rank correlation, the Kruskal–Wallis test across groups (Ofsted grades) and permutation
 * tests, in the style of simple-statistics (which supplies the median, the rank correlation, the
 * log-gamma function and the shuffle used here).
 */
import { median as ssMedian, mean as ssMean, sampleRankCorrelation, gammaln, shuffleInPlace } from "simple-statistics";

/** A labelled value, e.g. one local authority's rate. */
export interface Labelled {
  label: string;
  value: number;
}

/**
 * The lowest and highest of labelled values, with their labels (ties: the first in input order).
 * See https://en.wikipedia.org/wiki/Range_(statistics).
 *
 * @param items labelled values (at least one)
 * @returns the items at each end and the number of items
 * @example labelledRange([{ label: "Hertfordshire", value: 300.5 }, { label: "Blackpool", value: 1322.7 }, { label: "Leeds", value: 640 }])
 * // => { min: { label: "Hertfordshire", value: 300.5 }, max: { label: "Blackpool", value: 1322.7 }, n: 3 }
 */
import { seededRandom } from "./random";
export { seededRandom };

export function labelledRange<T extends Labelled>(items: T[]): { min: T; max: T; n: number } {
  if (items.length === 0) throw new RangeError("labelledRange: no values");
  let min = items[0];
  let max = items[0];
  for (const x of items) {
    if (!Number.isFinite(x.value)) throw new RangeError(`labelledRange: ${x.label} has no finite value`);
    if (x.value < min.value) min = x;
    if (x.value > max.value) max = x;
  }
  return { min, max, n: items.length };
}

/**
 * The median of a list of numbers (the mean of the two middle values when their count is even).
 * See https://en.wikipedia.org/wiki/Median.
 *
 * @example median([23, 67, 185]) // => 67
 * @example median([1, 2, 3, 4]) // => 2.5
 */
export function median(values: number[]): number {
  if (values.length === 0) throw new RangeError("median: no values");
  return ssMedian(values);
}

/**
 * The arithmetic mean of a list of numbers.
 * @example mean([23, 67, 185]) // => 91.66..
 */
export function mean(values: number[]): number {
  if (values.length === 0) throw new RangeError("mean: no values");
  return ssMean(values);
}

/**
 * Ranks from 1 to n, tied values sharing the average of the ranks they span ("midranks"), in the
 * order of the input. See https://en.wikipedia.org/wiki/Ranking#Fractional_ranking_(%221_2.5_2.5_4%22_ranking).
 *
 * @example midranks([10, 20, 20, 30]) // => [1, 2.5, 2.5, 4]
 */
export function midranks(values: number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(values.length);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k][1]] = r;
    i = j + 1;
  }
  return ranks;
}

/**
 * Spearman's rank correlation ρ: the Pearson correlation of the midranks (simple-statistics'
 * `sampleRankCorrelation`). See https://en.wikipedia.org/wiki/Spearman%27s_rank_correlation_coefficient.
 *
 * @example spearman([1, 2, 2, 3, 4], [2, 1, 4, 4, 5]) // => 0.7631578947 (R: cor(x, y, method = "spearman"))
 */
export function spearman(x: number[], y: number[]): number {
  if (x.length !== y.length) throw new RangeError(`spearman: ${x.length} x values for ${y.length} y values`);
  if (x.length < 3) throw new RangeError("spearman: at least 3 pairs are needed");
  return sampleRankCorrelation(x, y);
}


/**
 * The regularised lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a), by its series for
 * x < a + 1 and by a continued fraction otherwise (Numerical Recipes, 6.2).
 * See https://en.wikipedia.org/wiki/Incomplete_gamma_function#Regularized_gamma_functions_and_Poisson_random_variables.
 *
 * @example regularizedGammaP(1, 1) // => 0.6321205588 (1 − e⁻¹)
 */
export function regularizedGammaP(a: number, x: number): number {
  if (!(a > 0)) throw new RangeError("regularizedGammaP: a must be positive");
  if (x < 0) throw new RangeError("regularizedGammaP: x must not be negative");
  if (x === 0) return 0;
  const lnPrefix = a * Math.log(x) - x - gammaln(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return Math.min(1, sum * Math.exp(lnPrefix));
  }
  // continued fraction for Q (modified Lentz)
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return Math.max(0, 1 - Math.exp(lnPrefix) * h);
}

/**
 * The probability that a chi-squared variable with `df` degrees of freedom exceeds `x`
 * (the upper tail, R's `pchisq(x, df, lower.tail = FALSE)`).
 * See https://en.wikipedia.org/wiki/Chi-squared_distribution.
 *
 * @example chiSquaredSurvival(7.3, 3) // => 0.06292623646
 */
export function chiSquaredSurvival(x: number, df: number): number {
  if (!(df > 0)) throw new RangeError("chiSquaredSurvival: df must be positive");
  if (x <= 0) return 1;
  return 1 - regularizedGammaP(df / 2, x / 2);
}

/** The result of a Kruskal–Wallis test. */
export interface KruskalWallis {
  /** The statistic H, corrected for ties (R's "Kruskal-Wallis chi-squared"). */
  H: number;
  df: number;
  /** Upper-tail chi-squared probability of H. */
  p: number;
  n: number;
  /** Effect size ε² = H / (n − 1), between 0 (no difference) and 1. */
  epsilonSquared: number;
  /** Mean rank of each group, in input order. */
  meanRanks: number[];
}

/**
 * The Kruskal–Wallis rank sum test of whether several groups come from the same distribution:
 * H = (12 / (n(n+1))) Σ R_g² / n_g − 3(n+1), divided by the tie correction
 * 1 − Σ(t³ − t) / (n³ − n); p from the chi-squared distribution with (groups − 1) degrees of
 * freedom. Empty groups are left out. See https://en.wikipedia.org/wiki/Kruskal%E2%80%93Wallis_test.
 *
 * @param groups the values of each group
 * @example kruskalWallis([[2.9, 3.0, 2.5, 2.6, 3.2], [3.8, 2.7, 4.0, 2.4], [2.8, 3.4, 3.7, 2.2, 2.0]])
 * // => { H: 0.7714285714, df: 2, p: 0.6799648, … } (R: kruskal.test)
 */
export function kruskalWallis(groups: number[][]): KruskalWallis {
  const used = groups.filter((g) => g.length > 0);
  if (used.length < 2) throw new RangeError("kruskalWallis: at least two non-empty groups are needed");
  const all = used.flat();
  if (all.some((v) => !Number.isFinite(v))) throw new RangeError("kruskalWallis: every value must be a finite number");
  const n = all.length;
  const r = midranks(all);
  let k = 0;
  let s = 0;
  const meanRanks: number[] = [];
  for (const g of groups) {
    if (g.length === 0) {
      meanRanks.push(NaN);
      continue;
    }
    let rs = 0;
    for (let i = 0; i < g.length; i++) rs += r[k + i];
    k += g.length;
    s += (rs * rs) / g.length;
    meanRanks.push(rs / g.length);
  }
  const counts = new Map<number, number>();
  for (const v of all) counts.set(v, (counts.get(v) ?? 0) + 1);
  let ties = 0;
  for (const t of counts.values()) ties += t * t * t - t;
  const correction = 1 - ties / (n * n * n - n);
  if (correction === 0) throw new RangeError("kruskalWallis: every value is the same");
  const H = ((12 / (n * (n + 1))) * s - 3 * (n + 1)) / correction;
  const df = used.length - 1;
  return { H, df, p: chiSquaredSurvival(H, df), n, epsilonSquared: H / (n - 1), meanRanks };
}

/** The result of a permutation test of a rank correlation. */
export interface CorrelationTest {
  rho: number;
  /** Two-sided p-value: share of permutations with |ρ| at least the observed |ρ| (counting the observed one). */
  p: number;
  n: number;
  permutations: number;
}

/**
 * Spearman's ρ with a two-sided permutation p-value: y is shuffled against x `k` times with a
 * seeded random source, and p = (1 + #{|ρ*| ≥ |ρ|}) / (k + 1).
 * See https://en.wikipedia.org/wiki/Permutation_test.
 *
 * @param x, y paired values
 * @param opts k permutations (default 9,999) and the seed (default 1)
 * @example spearmanPermutationTest([1, 2, 3, 4, 5, 6, 7, 8], [2, 1, 4, 3, 6, 5, 8, 7]).p // => about 0.006 (ρ = 0.905)
 */
export function spearmanPermutationTest(x: number[], y: number[], opts: { k?: number; seed?: number } = {}): CorrelationTest {
  const k = opts.k ?? 9999;
  const rho = spearman(x, y);
  const rx = midranks(x);
  const ry = midranks(y);
  const n = x.length;
  const mx = ssMean(rx);
  const my = ssMean(ry);
  const dx = rx.map((v) => v - mx);
  const dy = ry.map((v) => v - my);
  const sxx = dx.reduce((s, v) => s + v * v, 0);
  const syy = dy.reduce((s, v) => s + v * v, 0);
  if (sxx === 0 || syy === 0) throw new RangeError("spearmanPermutationTest: a variable has no variation");
  const norm = Math.sqrt(sxx * syy);
  const perm = dy.slice();
  const random = seededRandom(opts.seed ?? 1);
  const observed = Math.abs(rho) - 1e-12;
  let extreme = 0;
  for (let i = 0; i < k; i++) {
    shuffleInPlace(perm, random);
    let sxy = 0;
    for (let j = 0; j < n; j++) sxy += dx[j] * perm[j];
    if (Math.abs(sxy / norm) >= observed) extreme++;
  }
  return { rho, p: (extreme + 1) / (k + 1), n, permutations: k };
}

/**
 * A permutation p-value for the Kruskal–Wallis statistic: group labels are shuffled `k` times
 * (seeded) and p = (1 + #{H* ≥ H}) / (k + 1). Useful when some groups are small (three
 * Outstanding authorities), where the chi-squared approximation is rough. The ranks and the tie
 * correction do not change under relabelling, so each permutation only re-adds rank sums.
 *
 * @example kruskalWallisPermutation([[1, 2, 3], [4, 5, 6], [7, 8, 9]]).p // => about 0.004
 */
export function kruskalWallisPermutation(groups: number[][], opts: { k?: number; seed?: number } = {}): { H: number; p: number; permutations: number } {
  const k = opts.k ?? 9999;
  const used = groups.filter((g) => g.length > 0);
  const H = kruskalWallis(used).H;
  const ranks = midranks(used.flat());
  const n = ranks.length;
  const sizes = used.map((g) => g.length);
  const counts = new Map<number, number>();
  for (const r of ranks) counts.set(r, (counts.get(r) ?? 0) + 1);
  let ties = 0;
  for (const t of counts.values()) ties += t * t * t - t;
  const correction = 1 - ties / (n * n * n - n);
  const statistic = (rs: number[]) => {
    let s = 0;
    let at = 0;
    for (const size of sizes) {
      let sum = 0;
      for (let i = at; i < at + size; i++) sum += rs[i];
      s += (sum * sum) / size;
      at += size;
    }
    return ((12 / (n * (n + 1))) * s - 3 * (n + 1)) / correction;
  };
  const random = seededRandom(opts.seed ?? 1);
  const pool = ranks.slice();
  let extreme = 0;
  for (let i = 0; i < k; i++) {
    shuffleInPlace(pool, random);
    if (statistic(pool) >= H - 1e-9) extreme++;
  }
  return { H, p: (extreme + 1) / (k + 1), permutations: k };
}
