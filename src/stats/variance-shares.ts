/**
 * Shares of the variation of a response attributed to groups of regressors, computed the several
 * ways people compute them, so that a reader can see which way yields which number:
 *
 * - `alone`: the R² of the group on its own (the group entered first);
 * - `sequential`: the increase in R² as each group is added in a given order (R² "type I" shares);
 *   `every ordering` gives all p! of them;
 * - `last`: the increase in R² when the group is added last (R² "type III" shares);
 * - `partial`: the share of the variation left unexplained by the other groups that the group
 *   explains, (SSR without it − SSR with it) / SSR without it;
 * - `shapley`: the average of a group's increase over every ordering (Shapley–Owen value, as in
 *   Grömping's "lmg"), which adds up to the full R² whatever the correlations.
 *
 * A group is either a set of columns or a factor (dummies, one level left out). A factor with many
 * levels (local authorities) is swept out by demeaning within its levels rather than built as
 * dummies (Frisch–Waugh–Lovell); a column that is constant within those levels (a deprivation
 * score measured once) then contributes nothing, which is what "not identified alongside fixed
 * effects" means in numbers.
 *
 * Also here, because they give another reading of "the share due to local authorities": the
 * random-effects variance components (Swamy–Arora) and the random-effects GLS estimator.
 */
import { ols, withinTransform, factorize, type Key } from "./panel";

/** A group of regressors: some columns, or a factor whose levels get their own intercepts. */
export type Group = { columns: ArrayLike<number>[] } | { factor: ArrayLike<Key> };

/** R² of any subset of named groups (the empty subset has R² 0). */
export type R2Of = (subset: readonly string[]) => number;

/** Factors with more levels than this are swept out by demeaning instead of built as dummies. */
export const ABSORB_LEVELS = 30;

/**
 * Indicator columns of a factor, one per level except the first (sorted) level.
 *
 * @param keys one label per row
 * @returns columns (each one value per row) and the level each stands for
 * @example
 * const d = dummies(["b", "a", "b", "c"]);
 * d.levels;                       // => ["b", "c"]
 * d.columns.map((c) => Array.from(c)); // => [[1, 0, 1, 0], [0, 0, 0, 1]]
 */
export function dummies(keys: ArrayLike<Key>): { columns: Float64Array[]; levels: Key[] } {
  const f = factorize(keys);
  const columns: Float64Array[] = [];
  for (let l = 1; l < f.levels.length; l++) {
    const c = new Float64Array(keys.length);
    for (let i = 0; i < keys.length; i++) if (f.codes[i] === l) c[i] = 1;
    columns.push(c);
  }
  return { columns, levels: f.levels.slice(1) };
}

/**
 * Sum of squared residuals of y projected on the span of some columns, by modified Gram–Schmidt
 * with re-orthogonalisation. Columns that add nothing new to the span (relative norm left below
 * `tol`) are skipped, so collinear or all-zero columns are harmless.
 *
 * @param y response
 * @param columns regressors (no intercept is added)
 * @param tol relative tolerance for a column to count as new (default 1e-9)
 * @returns `{ ssr, rank }`
 * @example
 * projectionSsr([1, 2, 3], [[1, 1, 1]]).ssr;             // => 2 (up to rounding)
 * projectionSsr([1, 2, 3], [[1, 1, 1], [2, 2, 2]]).rank; // => 1
 */
export function projectionSsr(y: ArrayLike<number>, columns: ArrayLike<number>[], tol = 1e-9): { ssr: number; rank: number } {
  const n = y.length;
  const r = Float64Array.from(y);
  const basis: Float64Array[] = [];
  for (const col of columns) {
    if (col.length !== n) throw new Error(`projectionSsr: a column has ${col.length} values but y has ${n}`);
    const q = Float64Array.from(col);
    let norm0 = 0;
    for (let i = 0; i < n; i++) norm0 += q[i] * q[i];
    if (!(norm0 > 0)) continue;
    for (let pass = 0; pass < 2; pass++) {
      for (const b of basis) {
        let d = 0;
        for (let i = 0; i < n; i++) d += b[i] * q[i];
        for (let i = 0; i < n; i++) q[i] -= d * b[i];
      }
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += q[i] * q[i];
    if (norm <= tol * tol * norm0) continue;
    const s = 1 / Math.sqrt(norm);
    for (let i = 0; i < n; i++) q[i] *= s;
    basis.push(q);
    let d = 0;
    for (let i = 0; i < n; i++) d += q[i] * r[i];
    for (let i = 0; i < n; i++) r[i] -= d * q[i];
  }
  let ssr = 0;
  for (let i = 0; i < n; i++) ssr += r[i] * r[i];
  return { ssr, rank: basis.length };
}

/** Total sum of squares around the mean. */
function tss(y: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < y.length; i++) m += y[i];
  m /= y.length;
  let s = 0;
  for (let i = 0; i < y.length; i++) s += (y[i] - m) ** 2;
  return s;
}

/**
 * R² of an OLS regression of y on an intercept and the given groups. The first factor with more
 * than `ABSORB_LEVELS` levels is swept out by demeaning y and every other column within its levels.
 *
 * https://en.wikipedia.org/wiki/Coefficient_of_determination
 *
 * @param y response (no missing values)
 * @param groups groups of regressors
 * @returns 1 − SSR / TSS
 * @example
 * rSquared([1, 2, 3, 4], [{ columns: [[1, 2, 3, 4]] }]);         // => 1 (up to rounding)
 * rSquared([1, 3, 2, 4], [{ factor: ["a", "a", "b", "b"] }]);      // => 0.2
 */
export function rSquared(y: ArrayLike<number>, groups: Group[]): number {
  const n = y.length;
  const total = tss(y);
  if (!(total > 0)) throw new Error("rSquared: the response does not vary");
  if (groups.length === 0) return 0;
  const big = groups.find((g): g is { factor: ArrayLike<Key> } => "factor" in g && factorize(g.factor).levels.length > ABSORB_LEVELS);
  const cols: ArrayLike<number>[] = [];
  for (const g of groups) {
    if (g === big) continue;
    if ("factor" in g) {
      if (g.factor.length !== n) throw new Error(`rSquared: a factor has ${g.factor.length} labels but y has ${n} values`);
      cols.push(...dummies(g.factor).columns);
    } else cols.push(...g.columns);
  }
  if (big) {
    const yt = withinTransform(y, big.factor);
    const { ssr } = projectionSsr(yt, cols.map((c) => withinTransform(c, big.factor)));
    return 1 - ssr / total;
  }
  const { ssr } = projectionSsr(y, [new Float64Array(n).fill(1), ...cols]);
  return 1 - ssr / total;
}

/**
 * R² of every subset of named groups, computed once each on demand.
 *
 * @param y response
 * @param groups named groups of regressors
 * @returns a function from a subset of names (any order) to its R²
 * @example
 * const r2 = r2Table([1, 2, 3, 5], { a: { columns: [[1, 2, 3, 4]] }, b: { columns: [[0, 0, 1, 1]] } });
 * r2([]);          // => 0
 * r2(["b", "a"]) === r2(["a", "b"]); // => true
 */
export function r2Table(y: ArrayLike<number>, groups: Record<string, Group>): R2Of {
  const names = Object.keys(groups);
  const memo = new Map<number, number>();
  return (subset) => {
    let mask = 0;
    for (const s of subset) {
      const i = names.indexOf(s);
      if (i < 0) throw new Error(`r2Table: no group "${s}" (groups: ${names.join(", ")})`);
      mask |= 1 << i;
    }
    const hit = memo.get(mask);
    if (hit !== undefined) return hit;
    const v = mask === 0 ? 0 : rSquared(y, names.filter((_, i) => mask & (1 << i)).map((nm) => groups[nm]));
    memo.set(mask, v);
    return v;
  };
}

/**
 * Every ordering (permutation) of some names, in lexicographic order of positions.
 *
 * @example orderings(["a", "b", "c"]).length; // => 6
 * @example orderings(["a", "b"]);             // => [["a", "b"], ["b", "a"]]
 */
export function orderings<T>(names: readonly T[]): T[][] {
  if (names.length <= 1) return [names.slice()];
  const out: T[][] = [];
  names.forEach((first, i) => {
    for (const rest of orderings([...names.slice(0, i), ...names.slice(i + 1)])) out.push([first, ...rest]);
  });
  return out;
}

/**
 * Sequential (type I) R² shares: the increase in R² as each group is added in the given order.
 * They add up to the R² of all the groups in the order.
 *
 * @param r2 R² of subsets (see `r2Table`)
 * @param order the groups in the order they are added
 * @returns share by group name
 * @example
 * const r2 = (s: readonly string[]) => ({ "": 0, a: 0.5, b: 0.3, "a+b": 0.6 } as Record<string, number>)[[...s].sort().join("+")];
 * sequentialShares(r2, ["a", "b"]); // => { a: 0.5, b: 0.1 } (up to rounding)
 * sequentialShares(r2, ["b", "a"]); // => { b: 0.3, a: 0.3 } (up to rounding)
 */
export function sequentialShares(r2: R2Of, order: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  let prev = 0;
  for (let k = 0; k < order.length; k++) {
    const cur = r2(order.slice(0, k + 1));
    out[order[k]] = cur - prev;
    prev = cur;
  }
  return out;
}

/**
 * The increase in R² when a group is added last (type III share): R²(all) − R²(all but it).
 *
 * @example
 * const r2 = (s: readonly string[]) => ({ "": 0, a: 0.5, b: 0.3, "a+b": 0.6 } as Record<string, number>)[[...s].sort().join("+")];
 * lastShare(r2, ["a", "b"], "a"); // => 0.3 (up to rounding)
 */
export function lastShare(r2: R2Of, names: readonly string[], name: string): number {
  return r2(names) - r2(names.filter((x) => x !== name));
}

/**
 * Partial R² of a group: the share of the variation left unexplained by the other groups that
 * the group explains, (R²(all) − R²(others)) / (1 − R²(others)). For a factor of entity effects
 * after year effects this is plm's within R² of a two-way model read the other way round.
 *
 * https://en.wikipedia.org/wiki/Coefficient_of_determination#Coefficient_of_partial_determination
 *
 * @example
 * const r2 = (s: readonly string[]) => ({ "": 0, a: 0.5, b: 0.3, "a+b": 0.65 } as Record<string, number>)[[...s].sort().join("+")];
 * partialRSquared(r2, ["a", "b"], "a"); // => 0.5 (up to rounding)
 */
export function partialRSquared(r2: R2Of, names: readonly string[], name: string): number {
  const others = r2(names.filter((x) => x !== name));
  return (r2(names) - others) / (1 - others);
}

/**
 * Shapley (Shapley–Owen, "lmg") shares: each group's increase in R² averaged over every ordering
 * of the groups, computed from the 2^p subsets with weights |S|!(p − |S| − 1)!/p!. They add up to
 * R² of all groups; for groups uncorrelated with each other they equal each group's R² alone.
 *
 * https://en.wikipedia.org/wiki/Shapley_value
 *
 * @param r2 R² of subsets
 * @param names the groups
 * @returns share by group name
 * @example
 * const r2 = (s: readonly string[]) => ({ "": 0, a: 0.5, b: 0.3, "a+b": 0.6 } as Record<string, number>)[[...s].sort().join("+")];
 * shapleyShares(r2, ["a", "b"]); // => { a: 0.4, b: 0.2 } (up to rounding)
 */
export function shapleyShares(r2: R2Of, names: readonly string[]): Record<string, number> {
  const p = names.length;
  const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1));
  const out: Record<string, number> = {};
  for (const g of names) {
    const others = names.filter((x) => x !== g);
    let s = 0;
    for (let mask = 0; mask < 1 << others.length; mask++) {
      const subset = others.filter((_, i) => mask & (1 << i));
      const w = (fact(subset.length) * fact(p - subset.length - 1)) / fact(p);
      s += w * (r2([...subset, g]) - r2(subset));
    }
    out[g] = s;
  }
  return out;
}

/** Every reading of the shares for one set of groups. */
export interface VarianceShares {
  names: string[];
  /** R² of all the groups together. */
  full: number;
  /** 1 − full. */
  unexplained: number;
  alone: Record<string, number>;
  last: Record<string, number>;
  partial: Record<string, number>;
  shapley: Record<string, number>;
  /** Sequential shares for every ordering of the groups. */
  sequential: { order: string[]; shares: Record<string, number> }[];
  /** The lowest and highest share of each group over every ordering. */
  range: Record<string, [number, number]>;
}

/**
 * All the readings at once: alone, last, partial, Shapley and the sequential shares of every
 * ordering, with the range over orderings.
 *
 * @param y response
 * @param groups named groups of regressors
 * @example
 * const v = varianceShares([1, 2, 3, 5], { a: { columns: [[1, 2, 3, 4]] }, b: { columns: [[0, 0, 1, 1]] } });
 * v.sequential.length; // => 2
 * Math.abs(v.shapley.a + v.shapley.b - v.full) < 1e-12; // => true
 */
export function varianceShares(y: ArrayLike<number>, groups: Record<string, Group>): VarianceShares {
  const names = Object.keys(groups);
  const r2 = r2Table(y, groups);
  const full = r2(names);
  const alone: Record<string, number> = {};
  const last: Record<string, number> = {};
  const partial: Record<string, number> = {};
  for (const g of names) {
    alone[g] = r2([g]);
    last[g] = lastShare(r2, names, g);
    partial[g] = partialRSquared(r2, names, g);
  }
  const sequential = orderings(names).map((order) => ({ order, shares: sequentialShares(r2, order) }));
  const range: Record<string, [number, number]> = {};
  for (const g of names) {
    const v = sequential.map((s) => s.shares[g]);
    range[g] = [Math.min(...v), Math.max(...v)];
  }
  return { names, full, unexplained: 1 - full, alone, last, partial, shapley: shapleyShares(r2, names), sequential, range };
}

// ---------------------------------------------------------------------------------------------
// Random effects: variance components and GLS

/** Input of `randomEffects`: one value per row; regressors may be constant within entities. */
export interface RandomEffectsData {
  y: ArrayLike<number>;
  x: Record<string, ArrayLike<number>>;
  entity: ArrayLike<Key>;
}

/** A fitted one-way random-effects model. */
export interface RandomEffectsResult {
  names: string[];
  /** Intercept first ("(Intercept)"), then the regressors. */
  coefficients: Record<string, number>;
  se: Record<string, number>;
  /** Idiosyncratic variance σ²ₑ, from the within regression. */
  sigma2e: number;
  /** Entity variance σ²ᵤ (Swamy–Arora), floored at 0. */
  sigma2u: number;
  /** σ²ᵤ / (σ²ᵤ + σ²ₑ): Stata's "fraction of variance due to u_i". */
  rho: number;
  /** Quasi-demeaning weight of each entity, 1 − sqrt(σ²ₑ / (Tᵢσ²ᵤ + σ²ₑ)), by entity level. */
  theta: Map<Key, number>;
  n: number;
  entities: number;
  /** Harmonic mean of the entities' numbers of rows (T̄ of the between variance). */
  tBar: number;
}

/**
 * One-way random-effects (GLS) regression with Swamy–Arora variance components, as R's
 * `plm(model = "random", random.method = "swamy")` on a balanced panel and Stata's `xtreg, re`:
 * σ²ₑ = SSR(within) / (n − N − K_w), where K_w counts the regressors that vary within entities;
 * σ²ᵤ = SSR(between) / (N − K − 1) − σ²ₑ / T̄, with T̄ the harmonic mean of the Tᵢ (exact for a
 * balanced panel); then OLS of yᵢₜ − θᵢȳᵢ on (1 − θᵢ) and xᵢₜ − θᵢx̄ᵢ. Regressors constant within
 * entities (a deprivation index measured once) are identified, through the between variation.
 *
 * https://en.wikipedia.org/wiki/Random_effects_model
 *
 * @param data response, regressors and entity of each row (no missing values)
 * @returns coefficients, conventional standard errors, σ²ₑ, σ²ᵤ, rho and θ
 * @example
 * const re = randomEffects({
 *   y: [1, 2, 4, 5, 3, 5, 9, 8, 2, 2, 3, 5],
 *   x: { x: [1, 2, 3, 4, 1, 3, 5, 6, 0, 1, 1, 3] },
 *   entity: ["a", "a", "a", "a", "b", "b", "b", "b", "c", "c", "c", "c"],
 * });
 * re.entities; // => 3
 */
export function randomEffects(data: RandomEffectsData): RandomEffectsResult {
  const names = Object.keys(data.x);
  const n = data.y.length;
  const f = factorize(data.entity);
  const N = f.levels.length;
  if (N < 2) throw new Error("randomEffects: fewer than 2 entities");
  for (const nm of names) if (data.x[nm].length !== n) throw new Error(`randomEffects: regressor "${nm}" has ${data.x[nm].length} values but y has ${n}`);
  const counts = new Float64Array(N);
  for (let i = 0; i < n; i++) counts[f.codes[i]]++;
  const meanBy = (v: ArrayLike<number>): Float64Array => {
    const s = new Float64Array(N);
    for (let i = 0; i < n; i++) s[f.codes[i]] += v[i];
    for (let g = 0; g < N; g++) s[g] /= counts[g];
    return s;
  };
  // within: SSR and the number of regressors that vary within entities
  const yw = withinTransform(data.y, data.entity);
  const xw = names.map((nm) => withinTransform(data.x[nm], data.entity));
  const w = projectionSsr(yw, xw);
  const sigma2e = w.ssr / (n - N - w.rank);
  // between: entity means, one row per entity
  const yb = meanBy(data.y);
  const xb = names.map((nm) => meanBy(data.x[nm]));
  const b = projectionSsr(yb, [new Float64Array(N).fill(1), ...xb]);
  if (N - b.rank < 1) throw new Error(`randomEffects: ${N} entities cannot estimate the between variance of ${b.rank} columns (need more entities than columns)`);
  let tInv = 0;
  for (let g = 0; g < N; g++) tInv += 1 / counts[g];
  const tBar = N / tInv;
  const sigma2u = Math.max(0, b.ssr / (N - b.rank) - sigma2e / tBar);
  const thetaOf = new Float64Array(N);
  const theta = new Map<Key, number>();
  for (let g = 0; g < N; g++) {
    thetaOf[g] = 1 - Math.sqrt(sigma2e / (counts[g] * sigma2u + sigma2e));
    theta.set(f.levels[g], thetaOf[g]);
  }
  const X: number[][] = [];
  const yt: number[] = [];
  for (let i = 0; i < n; i++) {
    const g = f.codes[i];
    const th = thetaOf[g];
    yt.push(data.y[i] - th * yb[g]);
    X.push([1 - th, ...names.map((nm, k) => data.x[nm][i] - th * xb[k][g])]);
  }
  const fit = ols(X, yt, ["(Intercept)", ...names]);
  const all = ["(Intercept)", ...names];
  const coefficients: Record<string, number> = {};
  const se: Record<string, number> = {};
  all.forEach((nm, k) => { coefficients[nm] = fit.coefficients[k]; se[nm] = fit.se[k]; });
  return { names, coefficients, se, sigma2e, sigma2u, rho: sigma2u / (sigma2u + sigma2e), theta, n, entities: N, tBar };
}

/**
 * Between regression: OLS of the entity means of y on the entity means of the regressors (one
 * row per entity), as plm's `model = "between"`. Its R² is Stata's "R-sq between" of a pooled fit.
 *
 * @param data response, regressors and entity of each row
 * @returns coefficients (intercept first), conventional standard errors, R² and the number of entities
 * @example
 * between({ y: [1, 3, 2, 6], x: { x: [0, 2, 1, 3] }, entity: ["a", "a", "b", "b"] }).entities; // => 2
 */
export function between(data: RandomEffectsData): { coefficients: Record<string, number>; se: Record<string, number>; r2: number; entities: number } {
  const names = Object.keys(data.x);
  const f = factorize(data.entity);
  const N = f.levels.length;
  const counts = new Float64Array(N);
  for (let i = 0; i < data.y.length; i++) counts[f.codes[i]]++;
  const meanBy = (v: ArrayLike<number>): number[] => {
    const s = new Array<number>(N).fill(0);
    for (let i = 0; i < v.length; i++) s[f.codes[i]] += v[i];
    return s.map((x, g) => x / counts[g]);
  };
  const yb = meanBy(data.y);
  const xb = names.map((nm) => meanBy(data.x[nm]));
  const X = yb.map((_, g) => [1, ...xb.map((c) => c[g])]);
  const fit = ols(X, yb, ["(Intercept)", ...names]);
  const all = ["(Intercept)", ...names];
  const coefficients: Record<string, number> = {};
  const se: Record<string, number> = {};
  all.forEach((nm, k) => { coefficients[nm] = fit.coefficients[k]; se[nm] = fit.se[k]; });
  return { coefficients, se, r2: 1 - fit.ssr / tss(yb), entities: N };
}
