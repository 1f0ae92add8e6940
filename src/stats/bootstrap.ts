/**
 * The cluster (block) bootstrap: resample whole clusters — in a panel of authorities, whole
 * authorities with all their years — with replacement, recompute a statistic on each resample, and
 * read a percentile interval off the replicates. Seeded (src/stats/random.ts), so the same seed gives
 * the same interval on every run.
 *
 * https://en.wikipedia.org/wiki/Bootstrapping_(statistics)#Block_bootstrap
 *
 * Also here: the bootstrap of sequential R² shares (src/stats/variance-shares.ts), where a cluster
 * drawn twice enters as two clusters (two sets of fixed effects), as in Cameron, Gelbach and
 * Miller's pairs cluster bootstrap.
 */
import { factorize, type Key } from "./panel";
import { seededRandom } from "./random";
import { r2Table, sequentialShares, type Group } from "./variance-shares";

/** One resample of whole clusters. */
export interface ClusterDraw {
  /** The original row of each row of the resample, cluster by cluster in the order drawn. */
  rows: Int32Array;
  /** The draw each row belongs to (0 … clusters − 1): a cluster drawn twice gets two labels. */
  cluster: Int32Array;
  /** The original cluster of each draw. */
  drawn: Key[];
}

/** Options of a bootstrap: replications and the seed of the pseudo-random draws. */
export interface BootstrapOptions {
  replications: number;
  seed: number;
}

/**
 * Resamples whole clusters with replacement, as many as there are, `replications` times, and
 * returns the statistic of each resample.
 *
 * @param cluster the cluster of each row (rows of one cluster need not be adjacent)
 * @param statistic computed on each resample (see `ClusterDraw`)
 * @param opts replications (at least 1) and seed
 * @returns one statistic per replication, in order
 * @example
 * const means = clusterBootstrap(["a", "a", "b"], (d) => d.rows.length, { replications: 3, seed: 1 });
 * means.length; // => 3
 */
export function clusterBootstrap<T>(cluster: ArrayLike<Key>, statistic: (draw: ClusterDraw) => T, opts: BootstrapOptions): T[] {
  if (!(Number.isInteger(opts.replications) && opts.replications >= 1)) throw new Error(`clusterBootstrap: replications must be a whole number of at least 1, not ${opts.replications}`);
  const f = factorize(cluster);
  const G = f.levels.length;
  if (G < 2) throw new Error(`clusterBootstrap: ${G} cluster${G === 1 ? "" : "s"}; resampling needs at least 2`);
  const members: number[][] = Array.from({ length: G }, () => []);
  for (let i = 0; i < f.codes.length; i++) members[f.codes[i]].push(i);
  const rand = seededRandom(opts.seed);
  const out: T[] = [];
  for (let b = 0; b < opts.replications; b++) {
    const picks = new Int32Array(G);
    let n = 0;
    for (let k = 0; k < G; k++) {
      picks[k] = Math.floor(rand() * G);
      n += members[picks[k]].length;
    }
    const rows = new Int32Array(n);
    const label = new Int32Array(n);
    let at = 0;
    for (let k = 0; k < G; k++) {
      for (const i of members[picks[k]]) {
        rows[at] = i;
        label[at] = k;
        at++;
      }
    }
    out.push(statistic({ rows, cluster: label, drawn: Array.from(picks, (g) => f.levels[g]) }));
  }
  return out;
}

/**
 * The p-quantile of sorted values, by linear interpolation between order statistics (R's
 * `quantile(type = 7)`, the default of R and NumPy).
 *
 * @param sorted values in ascending order (at least one)
 * @param p probability in [0, 1]
 * @example quantileSorted([1, 2, 3, 4], 0.5); // => 2.5
 * @example quantileSorted([1, 2, 3, 4, 5], 0.025); // => 1.1
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new Error("quantileSorted: no values");
  if (!(p >= 0 && p <= 1)) throw new Error(`quantileSorted: p must lie in [0, 1], not ${p}`);
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * The percentile interval of bootstrap replicates: their (1 − level)/2 and (1 + level)/2
 * quantiles (`quantileSorted`). A replicate that is not a finite number is an error: the
 * statistic could not be computed on some resample, and leaving it out would bias the interval.
 *
 * @param replicates the statistic on each resample
 * @param level coverage (default 0.95)
 * @returns `{ low, high }`
 * @example percentileInterval(Array.from({ length: 101 }, (_, i) => i), 0.5); // => { low: 25, high: 75 }
 */
export function percentileInterval(replicates: ArrayLike<number>, level = 0.95): { low: number; high: number } {
  if (!(level > 0 && level < 1)) throw new Error(`percentileInterval: level must lie strictly between 0 and 1, not ${level}`);
  const v = Float64Array.from(replicates);
  const bad = v.findIndex((x) => !Number.isFinite(x));
  if (bad >= 0) throw new Error(`percentileInterval: replicate ${bad + 1} of ${v.length} is ${v[bad]}, not a number`);
  v.sort();
  return { low: quantileSorted(v, (1 - level) / 2), high: quantileSorted(v, (1 + level) / 2) };
}

/** Sequential R² shares with their cluster-bootstrap replicates and percentile intervals. */
export interface SharesBootstrap {
  /** The groups in the order they are entered. */
  order: string[];
  /** Shares on the data as given, by group, and `unexplained` (1 − R² of all the groups). */
  estimate: Record<string, number>;
  /** The shares of every replication, by group (and `unexplained`), in replication order. */
  replicates: Record<string, number[]>;
  /** Percentile interval of each share. */
  intervals: Record<string, { low: number; high: number }>;
  replications: number;
  seed: number;
  level: number;
  /** Number of clusters (each resample draws this many). */
  clusters: number;
}

/** The rows `idx` of a group; a factor given `relabel` (the cluster factor) takes those labels instead. */
function groupAt(g: Group, idx: Int32Array, relabel?: Int32Array): Group {
  if ("factor" in g) return { factor: relabel ?? Int32Array.from(idx, (i) => g.factor[i] as number) };
  return { columns: g.columns.map((c) => Float64Array.from(idx, (i) => c[i])) };
}

/** Sequential shares in `order` and the remainder, from an R² table. */
function sharesInOrder(y: ArrayLike<number>, groups: Record<string, Group>, order: string[]): Record<string, number> {
  const r2 = r2Table(y, groups);
  const s = sequentialShares(r2, order);
  return { ...s, unexplained: 1 - r2(order) };
}

/**
 * Sequential (type I) R² shares in a given order, with a percentile interval for each from a
 * bootstrap that resamples whole clusters: the levels of the factor group `cluster` (authorities),
 * each drawn with all its rows. A cluster drawn twice is two clusters (its rows get a label per
 * draw), so its fixed effects are estimated twice, as in a pairs cluster bootstrap.
 *
 * @param y response
 * @param groups named groups of regressors (see `varianceShares`); `cluster` must be a factor group
 * @param order the groups in the order they are entered (every group once)
 * @param opts the factor group that defines clusters, replications, seed, level (default 0.95)
 * @example
 * const y = [1, 2, 5, 6, 2, 3, 7, 8, 0, 1];
 * const b = bootstrapSequentialShares(y, { la: { factor: ["a", "a", "b", "b", "c", "c", "d", "d", "e", "e"] } }, ["la"], { cluster: "la", replications: 99, seed: 1 });
 * b.intervals.la.low <= b.estimate.la && b.estimate.la <= b.intervals.la.high; // => true
 */
export function bootstrapSequentialShares(
  y: ArrayLike<number>,
  groups: Record<string, Group>,
  order: string[],
  opts: BootstrapOptions & { cluster: string; level?: number },
): SharesBootstrap {
  const level = opts.level ?? 0.95;
  const names = Object.keys(groups);
  if (order.length !== names.length || !names.every((n) => order.includes(n))) throw new Error(`bootstrapSequentialShares: the order (${order.join(", ")}) must name every group once (${names.join(", ")})`);
  const cg = groups[opts.cluster];
  if (!cg || !("factor" in cg)) throw new Error(`bootstrapSequentialShares: the cluster "${opts.cluster}" must be a factor group (groups: ${names.join(", ")})`);
  const estimate = sharesInOrder(y, groups, order);
  // factors as integer codes once (the same levels, so the same R²s), so each resample is cheap to encode
  const coded: Record<string, Group> = {};
  for (const n of names) {
    const g = groups[n];
    coded[n] = "factor" in g ? { factor: factorize(g.factor).codes } : g;
  }
  const keys = [...order, "unexplained"];
  const replicates: Record<string, number[]> = Object.fromEntries(keys.map((k) => [k, []]));
  clusterBootstrap(cg.factor, (d) => {
    const yb = Float64Array.from(d.rows, (i) => y[i]);
    const gb: Record<string, Group> = {};
    for (const n of names) gb[n] = groupAt(coded[n], d.rows, n === opts.cluster ? d.cluster : undefined);
    const s = sharesInOrder(yb, gb, order);
    for (const k of keys) replicates[k].push(s[k]);
  }, opts);
  const intervals = Object.fromEntries(keys.map((k) => [k, percentileInterval(replicates[k], level)]));
  return { order, estimate, replicates, intervals, replications: opts.replications, seed: opts.seed, level, clusters: factorize(cg.factor).levels.length };
}
