/**
 * Within (fixed-effects) estimation for panel data, as R's
 * `plm(y ~ x1 + x2, model = "within", effect = "individual" | "twoways")`
 * or fixest's `feols(y ~ x1 + x2 | entity [+ time])`.
 *
 * - one-way (entity) and two-way (entity + time) effects;
 * - balanced and unbalanced panels; two-way effects on unbalanced panels are
 *   exact (Frisch–Waugh–Lovell on entity-demeaned time dummies, or
 *   alternating projections to a 1e-13 tolerance when both factors have many
 *   levels), never the balanced-panel shortcut y − ȳᵢ − ȳₜ + ȳ;
 * - conventional and entity-clustered standard errors;
 * - within R² as plm reports it.
 *
 * Large panels are handled with typed arrays: group indices in Int32Array,
 * data in Float64Array, one array per column, so no n×K matrix object is
 * ever built. Each column is first scaled by a power of two (exact) so that
 * values near the ends of the double range (1e±200) neither overflow nor
 * underflow when squared; the transformed regressors are then factorised by
 * Householder QR (column by column), never by forming and solving the normal
 * equations X'X β = X'y, so nearly collinear designs keep their precision.
 */
import { spdFactor, studentTTwoSidedP } from "./linalg";

export { ols, CollinearityError } from "./linalg";
export type { OlsResult } from "./linalg";

/** A group label: an entity or time identifier. */
export type Key = string | number;

/** Which effects to sweep out: entity only, or entity and time. */
export type Effects = "oneway" | "twoways";

/** Covariance estimator: conventional (homoskedastic) or clustered by entity. */
export type VcovType = "iid" | "cluster";

/**
 * Small-sample adjustment of the entity-clustered covariance matrix.
 * - `"HC0"`: none. Equals plm's `vcovHC(model, method = "arellano",
 *   type = "HC0", cluster = "group")`, which is plm's default.
 * - `"HC1"`: multiply by n/(n−K) (standard errors by √(n/(n−K))), where n =
 *   number of observations used and K = number of slope coefficients (the
 *   swept-out effects are not counted). Equals plm's `type = "HC1"`.
 * - `"sss"`: multiply by G/(G−1) · (n−1)/(n−K), where G = number of entities
 *   (clusters). Equals plm's `type = "sss"` ("Stata small sample").
 */
export type ClusterType = "HC0" | "HC1" | "sss";

/** The clustered covariance types, as `ClusterType` lists them. */
export const CLUSTER_TYPES: readonly ClusterType[] = ["HC0", "HC1", "sss"];

/**
 * Group labels already encoded: `codes[i]` is the index in `levels` of row
 * i's label, or −1 where it is missing. A CSV reader that keeps labels as
 * text gives this, so the labels are hashed once.
 */
export interface CodedLabels {
  codes: Int32Array;
  levels: Key[];
}

/** How two-way effects are removed; see `within`. */
export type TwowaysMethod = "auto" | "dummies" | "alternating";

/** Input columns of a panel regression. All arrays have one entry per row. */
export interface PanelData {
  /** Response. null, undefined or NaN marks a missing value (the row is dropped). */
  y: ArrayLike<number | null | undefined>;
  /** Regressors by name, in the order they should be reported. Missing values as for y. */
  x: Record<string, ArrayLike<number | null | undefined>>;
  /** Entity (individual) identifier of each row, or the labels already encoded. */
  entity: ArrayLike<Key | null | undefined> | CodedLabels;
  /** Time period of each row (or encoded labels); required for two-way effects. */
  time?: ArrayLike<Key | null | undefined> | CodedLabels;
}

/** Options of `within`. */
export interface WithinOptions {
  /** `"oneway"` (entity effects, the default) or `"twoways"` (entity and time effects). */
  effects?: Effects;
  /** Covariance reported as `vcov`/`se`: `"iid"` (conventional, the default) or `"cluster"` (by entity). Both are always computed. */
  vcov?: VcovType;
  /** Small-sample adjustment of the clustered covariance: `"HC0"` (none, plm's default; the default here) or `"sss"`. */
  clusterType?: ClusterType;
  /**
   * Two-way algorithm. `"dummies"`: sweep out the factor with more levels by
   * demeaning, and partial out dummies of the other factor (Frisch–Waugh–Lovell),
   * solved exactly. `"alternating"`: alternate demeaning by entity and by time
   * until the largest remaining group mean is below `tol` times the column's
   * root mean square. `"auto"` (default) uses dummies when the smaller factor
   * has at most 200 levels, alternating projections otherwise; when these do
   * not converge within `autoIterations` and the smaller factor has at most
   * `dummiesLimit` levels, the dummies method is used instead.
   */
  twowaysMethod?: TwowaysMethod;
  /** Iterations of alternating projections tried in `"auto"` mode before falling back to dummies (default 1000). */
  autoIterations?: number;
  /** Largest number of levels of the smaller factor for which `"auto"` falls back to dummies (default 3000). */
  dummiesLimit?: number;
  /** Convergence tolerance of alternating projections (default 1e-13). */
  tol?: number;
  /** Iteration limit of alternating projections (default 100000). */
  maxIterations?: number;
}

/** A fitted within model. Coefficient-indexed records follow the order of `names`. */
export interface WithinResult {
  effects: Effects;
  /** Which covariance `vcov`, `se`, `t` and `p` refer to. */
  vcovType: VcovType;
  /** Small-sample adjustment used for the clustered covariance. */
  clusterType: ClusterType;
  /** Regressor names, in order. */
  names: string[];
  coefficients: Record<string, number>;
  /** Standard errors from the selected covariance. */
  se: Record<string, number>;
  /** t statistics, coefficient / se. */
  t: Record<string, number>;
  /** Two-sided p-values from Student's t with `df` degrees of freedom (as plm's summary). */
  p: Record<string, number>;
  /** Selected covariance matrix (K×K, rows in `names` order). */
  vcov: number[][];
  /** Conventional covariance σ²(Ẍ'Ẍ)⁻¹, σ² = SSR / df. */
  vcovIid: number[][];
  /** Entity-clustered (Arellano) covariance with the `clusterType` adjustment. */
  vcovCluster: number[][];
  seIid: Record<string, number>;
  seCluster: Record<string, number>;
  /** Observations used. */
  n: number;
  /** Entities among the observations used. */
  entities: number;
  /** Time periods among the observations used (null when no time column was given). */
  periods: number | null;
  /** Rows dropped because y, a regressor, the entity or (two-way) the time was missing. */
  dropped: number;
  /** True when every entity is observed exactly once in every period (null without a time column). */
  balanced: boolean | null;
  /** Rows whose (entity, time) pair occurs more than once (null without a time column). */
  duplicatePairs: number | null;
  /** Connected components of the entity–time graph (two-way only; 1 for a connected panel). */
  components: number | null;
  /** Residual degrees of freedom: n − K − N (one-way); n − K − N − T + components (two-way). */
  df: number;
  /** Sum of squared residuals. */
  ssr: number;
  /** Total sum of squares of the transformed response. */
  tss: number;
  /** Within R² = 1 − SSR / TSS of the transformed response (plm's "R-Squared"). */
  r2Within: number;
  /** Residual standard error, sqrt(SSR / df). */
  sigma: number;
  /** Two-way algorithm actually used (null for one-way). */
  twowaysMethod: "dummies" | "alternating" | null;
  /** Iterations of alternating projections (largest over columns; null otherwise). */
  iterations: number | null;
  /** Residuals of the kept rows, in input order. */
  residuals: Float64Array;
  /** Input row index of each kept row. */
  rows: Int32Array;
}

// ---------------------------------------------------------------------------
// Grouping helpers
// ---------------------------------------------------------------------------

/** Integer codes of a factor, with its sorted levels. */
export interface Factor {
  /** codes[i] is the index in `levels` of keys[i]. */
  codes: Int32Array;
  /** Distinct keys, numbers ascending before strings ascending. */
  levels: Key[];
}

function compareKeys(a: Key, b: Key): number {
  const na = typeof a === "number";
  const nb = typeof b === "number";
  if (na && nb) return (a as number) - (b as number);
  if (na !== nb) return na ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Encodes group labels as integer codes 0..L−1 (like R's `factor`), with the
 * levels sorted so that the result does not depend on row order. Integer
 * labels in a compact range are encoded without hashing.
 *
 * @param keys one label per row (numbers or strings)
 * @param rows optional subset of row indices to encode, in the order wanted
 * @returns `{ codes, levels }`
 * @example
 * const f = factorize(["b", "a", "b", "c"]);
 * Array.from(f.codes); // => [1, 0, 1, 2]
 * f.levels;            // => ["a", "b", "c"]
 */
export function factorize(keys: ArrayLike<Key> | CodedLabels, rows?: ArrayLike<number>): Factor {
  if (isCoded(keys)) return factorizeCoded(keys, rows);
  const m = rows ? rows.length : keys.length;
  const at = (i: number): Key => keys[rows ? rows[i] : i];
  const codes = new Int32Array(m);
  // Fast path: integer labels in a compact range.
  let allInt = m > 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < m; i++) {
    const k = at(i);
    if (typeof k !== "number" || !Number.isInteger(k)) {
      allInt = false;
      break;
    }
    if (k < lo) lo = k;
    if (k > hi) hi = k;
  }
  if (allInt && hi - lo <= 4 * m + 1024) {
    const span = hi - lo + 1;
    const map = new Int32Array(span).fill(-1);
    for (let i = 0; i < m; i++) map[(at(i) as number) - lo] = 0;
    const levels: Key[] = [];
    for (let v = 0; v < span; v++) {
      if (map[v] === 0) {
        map[v] = levels.length;
        levels.push(v + lo);
      }
    }
    for (let i = 0; i < m; i++) codes[i] = map[(at(i) as number) - lo];
    return { codes, levels };
  }
  const seen = new Map<Key, number>();
  const first: Key[] = [];
  for (let i = 0; i < m; i++) {
    const k = at(i);
    let c = seen.get(k);
    if (c === undefined) {
      c = first.length;
      seen.set(k, c);
      first.push(k);
    }
    codes[i] = c;
  }
  const order = first.map((_, i) => i).sort((a, b) => compareKeys(first[a], first[b]));
  const remap = new Int32Array(first.length);
  order.forEach((old, nw) => (remap[old] = nw));
  for (let i = 0; i < m; i++) codes[i] = remap[codes[i]];
  return { codes, levels: order.map((i) => first[i]) };
}

function isCoded(x: unknown): x is CodedLabels {
  return typeof x === "object" && x !== null && (x as CodedLabels).codes instanceof Int32Array && Array.isArray((x as CodedLabels).levels);
}

/** `factorize` for labels already encoded: the levels used by the rows, sorted, and the codes remapped. */
function factorizeCoded(keys: CodedLabels, rows?: ArrayLike<number>): Factor {
  const m = rows ? rows.length : keys.codes.length;
  const at = (i: number): number => keys.codes[rows ? rows[i] : i];
  const used = new Uint8Array(keys.levels.length);
  for (let i = 0; i < m; i++) {
    const c = at(i);
    if (c < 0) throw new Error(`factorize: row ${rows ? rows[i] + 1 : i + 1} has no label`);
    used[c] = 1;
  }
  const present: number[] = [];
  for (let c = 0; c < used.length; c++) if (used[c]) present.push(c);
  if (present.every((c) => typeof keys.levels[c] === "string")) {
    // text labels: the engine's own string sort, then back to codes (much faster than a comparator)
    const texts = present.map((c) => keys.levels[c] as string).sort();
    const codeOf = new Map<string, number>();
    present.forEach((c) => codeOf.set(keys.levels[c] as string, c));
    texts.forEach((t, i) => (present[i] = codeOf.get(t)!));
  } else present.sort((a, b) => compareKeys(keys.levels[a], keys.levels[b]));
  const remap = new Int32Array(keys.levels.length).fill(-1);
  present.forEach((old, nw) => (remap[old] = nw));
  const codes = new Int32Array(m);
  for (let i = 0; i < m; i++) codes[i] = remap[at(i)];
  return { codes, levels: present.map((c) => keys.levels[c]) };
}

/** Number of rows in each group. */
function groupCounts(codes: Int32Array, nGroups: number): Float64Array {
  const counts = new Float64Array(nGroups);
  for (let i = 0; i < codes.length; i++) counts[codes[i]]++;
  return counts;
}

/** Subtracts group means in place; `invCount` = 1 / group size, `sums` is scratch of length nGroups. */
function demeanInPlace(v: Float64Array, codes: Int32Array, invCount: Float64Array, sums: Float64Array): void {
  sums.fill(0);
  const m = v.length;
  for (let i = 0; i < m; i++) sums[codes[i]] += v[i];
  for (let g = 0; g < sums.length; g++) sums[g] *= invCount[g];
  for (let i = 0; i < m; i++) v[i] -= sums[codes[i]];
}

/** Largest absolute group mean of v. */
function maxAbsGroupMean(v: Float64Array, codes: Int32Array, invCount: Float64Array, sums: Float64Array): number {
  sums.fill(0);
  for (let i = 0; i < v.length; i++) sums[codes[i]] += v[i];
  let mx = 0;
  for (let g = 0; g < sums.length; g++) {
    const a = Math.abs(sums[g] * invCount[g]);
    if (a > mx) mx = a;
  }
  return mx;
}

/**
 * Mean of `values` within each group, as a Map from group label to mean
 * (labels in sorted order).
 *
 * @param values one number per row
 * @param groups one group label per row
 * @returns Map label → mean
 * @example
 * groupMeans([1, 2, 3, 10], ["a", "a", "b", "b"]); // => Map { "a" => 1.5, "b" => 6.5 }
 */
export function groupMeans(values: ArrayLike<number>, groups: ArrayLike<Key>): Map<Key, number> {
  if (values.length !== groups.length) {
    throw new Error(`groupMeans: ${values.length} values but ${groups.length} group labels`);
  }
  const f = factorize(groups);
  const sums = new Float64Array(f.levels.length);
  const counts = groupCounts(f.codes, f.levels.length);
  for (let i = 0; i < values.length; i++) sums[f.codes[i]] += values[i];
  const out = new Map<Key, number>();
  f.levels.forEach((lvl, g) => out.set(lvl, sums[g] / counts[g]));
  return out;
}

/**
 * The within (one-way demeaning) transformation: each value minus the mean
 * of its group, xᵢₜ − x̄ᵢ. It is a projection, so applying it twice gives
 * the same result as applying it once (idempotent), and the transformed
 * values sum to zero within every group.
 *
 * https://en.wikipedia.org/wiki/Fixed_effects_model
 *
 * @param values one number per row
 * @param groups one group label per row
 * @returns a new Float64Array of demeaned values
 * @example
 * Array.from(withinTransform([1, 2, 3, 10], ["a", "a", "b", "b"])); // => [-0.5, 0.5, -3.5, 3.5]
 */
export function withinTransform(values: ArrayLike<number>, groups: ArrayLike<Key>): Float64Array {
  if (values.length !== groups.length) {
    throw new Error(`withinTransform: ${values.length} values but ${groups.length} group labels`);
  }
  const f = factorize(groups);
  const v = Float64Array.from(values);
  const counts = groupCounts(f.codes, f.levels.length);
  const inv = counts.map((c) => 1 / c);
  demeanInPlace(v, f.codes, inv, new Float64Array(f.levels.length));
  return v;
}

/**
 * Connected components of the bipartite graph whose nodes are the levels of
 * two factors and whose edges are the rows (union–find). A two-way panel
 * whose graph is connected identifies all but one of the time effects.
 *
 * @param a codes of the first factor
 * @param na number of levels of the first factor
 * @param b codes of the second factor
 * @param nb number of levels of the second factor
 * @returns `{ count, label }` where label[node] is the component of node (first-factor nodes 0..na−1, then second-factor nodes)
 * @example
 * connectedComponents(Int32Array.from([0, 1]), 2, Int32Array.from([0, 1]), 2).count; // => 2
 * connectedComponents(Int32Array.from([0, 1, 1]), 2, Int32Array.from([0, 1, 0]), 2).count; // => 1
 */
export function connectedComponents(
  a: Int32Array,
  na: number,
  b: Int32Array,
  nb: number,
): { count: number; label: Int32Array } {
  const parent = new Int32Array(na + nb);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (let i = 0; i < a.length; i++) {
    const ra = find(a[i]);
    const rb = find(na + b[i]);
    if (ra !== rb) parent[ra] = rb;
  }
  const label = new Int32Array(na + nb).fill(-1);
  const rootLabel = new Int32Array(na + nb).fill(-1);
  let count = 0;
  for (let i = 0; i < parent.length; i++) {
    const r = find(i);
    if (rootLabel[r] < 0) rootLabel[r] = count++;
    label[i] = rootLabel[r];
  }
  return { count, label };
}

// ---------------------------------------------------------------------------
// Two-way transformation
// ---------------------------------------------------------------------------

/**
 * Removes the dummies of factor G from columns already demeaned by factor F
 * (Frisch–Waugh–Lovell): with D̃ = M_F D (one dummy per G level except one
 * reference level per connected component), each column v becomes
 * v − M_F D Γ with Γ = (D̃'D̃)⁻¹ D̃'v. D̃'D̃ = D'D − Σ_f m_f m_f' / n_f is
 * accumulated from the per-F-group counts m_f of G levels, and D̃'v = D'v.
 */
function sweepDummies(
  cols: Float64Array[],
  fCodes: Int32Array,
  fInv: Float64Array,
  nF: number,
  gCodes: Int32Array,
  nG: number,
  gComponent: Int32Array,
  gLevels: Key[],
): void {
  const m = fCodes.length;
  // One reference level per component: the first G level met in it.
  const colOf = new Int32Array(nG).fill(-1);
  const refTaken = new Set<number>();
  let p = 0;
  for (let g = 0; g < nG; g++) {
    const comp = gComponent[g];
    if (!refTaken.has(comp)) refTaken.add(comp);
    else colOf[g] = p++;
  }
  if (p === 0) return;
  // Rows grouped by F (counting sort).
  const start = new Int32Array(nF + 1);
  for (let i = 0; i < m; i++) start[fCodes[i] + 1]++;
  for (let f = 0; f < nF; f++) start[f + 1] += start[f];
  const fill = start.slice(0, nF);
  const order = new Int32Array(m);
  for (let i = 0; i < m; i++) order[fill[fCodes[i]]++] = i;
  // A = D'D − Σ_f m_f m_f' / n_f over the free columns.
  const A: Float64Array[] = [];
  for (let j = 0; j < p; j++) A.push(new Float64Array(p));
  for (let i = 0; i < m; i++) {
    const j = colOf[gCodes[i]];
    if (j >= 0) A[j][j] += 1;
  }
  const local = new Float64Array(nG);
  const touched: number[] = [];
  for (let f = 0; f < nF; f++) {
    touched.length = 0;
    for (let r = start[f]; r < start[f + 1]; r++) {
      const g = gCodes[order[r]];
      if (colOf[g] < 0) continue;
      if (local[g] === 0) touched.push(g);
      local[g]++;
    }
    const w = fInv[f];
    for (let a = 0; a < touched.length; a++) {
      const ga = touched[a];
      const ja = colOf[ga];
      const ca = local[ga] * w;
      for (let b = 0; b <= a; b++) {
        const gb = touched[b];
        const jb = colOf[gb];
        const v = ca * local[gb];
        if (ja >= jb) A[ja][jb] -= v;
        else A[jb][ja] -= v;
      }
    }
    for (const g of touched) local[g] = 0;
  }
  // Right-hand sides D'v for every column at once (p × ncols).
  const nc = cols.length;
  const rhs: number[][] = [];
  for (let j = 0; j < p; j++) rhs.push(new Array<number>(nc).fill(0));
  for (let c = 0; c < nc; c++) {
    const v = cols[c];
    const acc = new Float64Array(nG);
    for (let i = 0; i < m; i++) acc[gCodes[i]] += v[i];
    for (let g = 0; g < nG; g++) if (colOf[g] >= 0) rhs[colOf[g]][c] = acc[g];
  }
  const names: string[] = [];
  for (let g = 0; g < nG; g++) if (colOf[g] >= 0) names.push(`dummy ${String(gLevels[g])}`);
  let gamma: number[][];
  try {
    gamma = spdFactor(A, names, 1e-13).solveMatrix(rhs);
  } catch (e) {
    throw new Error(`within: the time/entity dummies are numerically singular (${(e as Error).message})`);
  }
  const w = new Float64Array(m);
  const sums = new Float64Array(nF);
  const gVal = new Float64Array(nG);
  for (let c = 0; c < nc; c++) {
    for (let g = 0; g < nG; g++) gVal[g] = colOf[g] >= 0 ? gamma[colOf[g]][c] : 0;
    for (let i = 0; i < m; i++) w[i] = gVal[gCodes[i]];
    demeanInPlace(w, fCodes, fInv, sums);
    const v = cols[c];
    for (let i = 0; i < m; i++) v[i] -= w[i];
  }
}

/**
 * Alternating projections (method of Guimarães & Portugal / lfe): demean by
 * G, then by F, until the largest G-group mean of the column is at most
 * tol × its root mean square. Columns come in demeaned by F.
 */
function sweepAlternating(
  cols: Float64Array[],
  fCodes: Int32Array,
  fInv: Float64Array,
  gCodes: Int32Array,
  gInv: Float64Array,
  tol: number,
  maxIterations: number,
  names: string[],
): { iterations: number; converged: boolean; column: string | null } {
  const fSums = new Float64Array(fInv.length);
  const gSums = new Float64Array(gInv.length);
  let most = 0;
  for (let c = 0; c < cols.length; c++) {
    const v = cols[c];
    let ss = 0;
    for (let i = 0; i < v.length; i++) ss += v[i] * v[i];
    const scale = Math.sqrt(ss / v.length);
    let it = 0;
    while (scale > 0 && maxAbsGroupMean(v, gCodes, gInv, gSums) > tol * scale) {
      if (++it > maxIterations) return { iterations: maxIterations, converged: false, column: names[c] };
      demeanInPlace(v, gCodes, gInv, gSums);
      demeanInPlace(v, fCodes, fInv, fSums);
    }
    if (it > most) most = it;
  }
  return { iterations: most, converged: true, column: null };
}

// ---------------------------------------------------------------------------
// The estimator
// ---------------------------------------------------------------------------

function isMissingKey(k: unknown): boolean {
  return k === null || k === undefined || k === "" || (typeof k === "number" && Number.isNaN(k));
}

/** Whether row i's label is missing, for plain or encoded labels. */
function missingAt(labels: ArrayLike<Key | null | undefined> | CodedLabels, i: number): boolean {
  return isCoded(labels) ? labels.codes[i] < 0 : isMissingKey(labels[i]);
}

function labelCount(labels: ArrayLike<Key | null | undefined> | CodedLabels): number {
  return isCoded(labels) ? labels.codes.length : labels.length;
}

/** The values at the given rows, as a new Float64Array. */
function gather(src: ArrayLike<number>, rows: Int32Array): Float64Array {
  const m = rows.length;
  const v = new Float64Array(m);
  if (src instanceof Float64Array) for (let i = 0; i < m; i++) v[i] = src[rows[i]];
  else for (let i = 0; i < m; i++) v[i] = src[rows[i]];
  return v;
}

/** The power of two nearest below the largest |value| (1 for a column of zeros): dividing by it is exact. */
function powerOfTwoScale(v: Float64Array): number {
  let mx = 0;
  for (let i = 0; i < v.length; i++) {
    const a = Math.abs(v[i]);
    if (a > mx) mx = a;
  }
  if (!(mx > 0) || !Number.isFinite(mx)) return 1;
  return 2 ** Math.floor(Math.log2(mx));
}

/** Thrown when a regressor is a linear combination of the ones before it (after the transformation). */
class CollinearRegressors extends Error {}

/**
 * Householder QR of the columns [X | y] (each of length m), in place: returns R (K×K, upper
 * triangular), z = the first K entries of Q'y, and the norms of the X columns before the
 * factorisation. A column whose |R_kk| is below 1e-7 of its norm (1 − R² < 1e-14 against the
 * columns before it, the tolerance of R's lm.fit) is collinear.
 */
function householderQr(X: Float64Array[], y: Float64Array, names: string[]): { R: number[][]; z: number[] } {
  const K = X.length;
  const m = y.length;
  const cols = [...X, y];
  const R: number[][] = [];
  for (let a = 0; a < K; a++) R.push(new Array<number>(K).fill(0));
  const z = new Array<number>(K).fill(0);
  for (let k = 0; k < K; k++) {
    const a = cols[k];
    let full = 0;
    for (let i = 0; i < m; i++) full += a[i] * a[i];
    let ss = 0;
    for (let i = k; i < m; i++) ss += a[i] * a[i];
    const norm = Math.sqrt(ss);
    if (!(norm > 1e-7 * Math.sqrt(full))) {
      const r2 = full > 0 ? ss / full : 0;
      throw new CollinearRegressors(
        `"${names[k]}" is collinear${k ? ` with ${names.slice(0, k).map((n) => `"${n}"`).join(", ")}` : ""} (1 - R² = ${r2.toExponential(2)})`,
      );
    }
    const alpha = a[k] > 0 ? -norm : norm;
    const vk = a[k] - alpha;
    const vnorm2 = ss - a[k] * a[k] + vk * vk;
    a[k] = vk;
    R[k][k] = alpha;
    for (let j = k + 1; j <= K; j++) {
      const c = cols[j];
      let d = 0;
      for (let i = k; i < m; i++) d += a[i] * c[i];
      const f = (2 * d) / vnorm2;
      for (let i = k; i < m; i++) c[i] -= f * a[i];
      if (j < K) R[k][j] = c[k];
      else z[k] = c[k];
    }
  }
  return { R, z };
}

/** Solves R x = b for upper-triangular R. */
function backSolve(R: number[][], b: number[]): number[] {
  const K = b.length;
  const x = new Array<number>(K).fill(0);
  for (let i = K - 1; i >= 0; i--) {
    let s = b[i];
    for (let j = i + 1; j < K; j++) s -= R[i][j] * x[j];
    x[i] = s / R[i][i];
  }
  return x;
}

/** (R'R)⁻¹ = R⁻¹R⁻ᵀ for upper-triangular R. */
function crossInverse(R: number[][]): number[][] {
  const K = R.length;
  const Rinv: number[][] = [];
  for (let i = 0; i < K; i++) Rinv.push(new Array<number>(K).fill(0));
  for (let col = 0; col < K; col++) {
    for (let i = col; i >= 0; i--) {
      let s = i === col ? 1 : 0;
      for (let j = i + 1; j <= col; j++) s -= R[i][j] * Rinv[j][col];
      Rinv[i][col] = s / R[i][i];
    }
  }
  const out: number[][] = [];
  for (let i = 0; i < K; i++) {
    const row = new Array<number>(K).fill(0);
    for (let j = 0; j < K; j++) {
      let s = 0;
      for (let l = Math.max(i, j); l < K; l++) s += Rinv[i][l] * Rinv[j][l];
      row[j] = s;
    }
    out.push(row);
  }
  return out;
}

function toRecord(names: string[], values: ArrayLike<number>): Record<string, number> {
  const r: Record<string, number> = {};
  names.forEach((n, i) => (r[n] = values[i]));
  return r;
}

/**
 * Within (fixed-effects) estimator of y = Xβ + αᵢ [+ λₜ] + e for a
 * balanced or unbalanced panel, as R's
 * `plm(y ~ x, model = "within", effect = "individual" | "twoways")`.
 *
 * Rows with a missing (null, undefined, NaN) y or regressor, or a missing
 * entity (or, for two-way effects, time) label, are dropped and counted in
 * `dropped`. The entity effects are swept out by demeaning; for two-way
 * effects the time effects are then removed exactly (see `twowaysMethod`).
 * Each column is scaled by a power of two first (exactly), and β is found
 * from a Householder QR factorisation of the transformed regressors, as R's
 * lm.fit does, not from the normal equations.
 *
 * Standard errors:
 * - conventional: σ²(Ẍ'Ẍ)⁻¹ with σ² = SSR/df, df = n − K − N (one-way) or
 *   n − K − N − T + c (two-way; c = connected components, 1 for a
 *   connected panel), as plm's `vcov(model)`;
 * - clustered by entity (Arellano): (Ẍ'Ẍ)⁻¹ (Σ_g Ẍ_g'e_g e_g'Ẍ_g) (Ẍ'Ẍ)⁻¹,
 *   times 1 (`clusterType: "HC0"`, the default, = plm's
 *   `vcovHC(model, method = "arellano", type = "HC0", cluster = "group")`),
 *   n/(n−K) (`"HC1"`, = plm's `type = "HC1"`) or G/(G−1)·(n−1)/(n−K)
 *   (`"sss"`, = plm's `type = "sss"`).
 * t statistics use df degrees of freedom for both, as plm's summary does.
 *
 * https://en.wikipedia.org/wiki/Fixed_effects_model
 *
 * @param data columns y, x (named), entity and, for two-way effects, time
 * @param options effects, vcov, clusterType, twowaysMethod, tol, maxIterations
 * @returns the fitted model (coefficients, se, t, p, covariance matrices, n, entities, periods, dropped, df, r2Within, …)
 * @throws if lengths differ, fewer than 2 entities remain, a regressor has no
 *   variation left after the transformation (the error names it), regressors
 *   are collinear, or no residual degrees of freedom remain
 * @example
 * const fit = within({
 *   y: [1, 3, 2, 4, 4, 8],
 *   x: { x: [1, 2, 1, 2, 3, 5] },
 *   entity: ["a", "a", "b", "b", "c", "c"],
 * });
 * fit.coefficients.x; // => 2 (up to rounding)
 * fit.df;             // => 2
 */
export function within(data: PanelData, options: WithinOptions = {}): WithinResult {
  const effects: Effects = options.effects ?? "oneway";
  const vcovType: VcovType = options.vcov ?? "iid";
  const clusterType: ClusterType = options.clusterType ?? "HC0";
  const tol = options.tol ?? 1e-13;
  const maxIterations = options.maxIterations ?? 100000;
  if (effects !== "oneway" && effects !== "twoways") {
    throw new Error(`within: effects must be "oneway" or "twoways", not "${String(effects)}"`);
  }
  if (vcovType !== "iid" && vcovType !== "cluster") {
    throw new Error(`within: vcov must be "iid" or "cluster", not "${String(vcovType)}"`);
  }
  if (!CLUSTER_TYPES.includes(clusterType)) {
    throw new Error(`within: clusterType must be "HC0", "HC1" or "sss", not "${String(clusterType)}"`);
  }
  const names = Object.keys(data.x);
  const K = names.length;
  if (K === 0) throw new Error("within: no regressors given");
  const n0 = data.y.length;
  for (const nm of names) {
    if (data.x[nm].length !== n0) {
      throw new Error(`within: regressor "${nm}" has ${data.x[nm].length} values but y has ${n0}`);
    }
  }
  if (labelCount(data.entity) !== n0) {
    throw new Error(`within: entity has ${labelCount(data.entity)} values but y has ${n0}`);
  }
  const time = data.time;
  if (time && labelCount(time) !== n0) throw new Error(`within: time has ${labelCount(time)} values but y has ${n0}`);
  if (effects === "twoways" && !time) throw new Error('within: effects "twoways" needs a time column');

  // Rows kept: complete cases.
  const keepIdx = new Int32Array(n0);
  let m = 0;
  const xs = names.map((nm) => data.x[nm]);
  const entCodes = isCoded(data.entity) ? data.entity.codes : null;
  const timeCodes = time && isCoded(time) ? time.codes : null;
  for (let i = 0; i < n0; i++) {
    const yi = data.y[i];
    if (typeof yi !== "number" || Number.isNaN(yi)) continue;
    if (!Number.isFinite(yi)) throw new Error(`within: y is infinite at row ${i + 1}`);
    let ok = true;
    for (let k = 0; k < K; k++) {
      const v = xs[k][i];
      if (typeof v !== "number" || Number.isNaN(v)) {
        ok = false;
        break;
      }
      if (!Number.isFinite(v)) throw new Error(`within: "${names[k]}" is infinite at row ${i + 1}`);
    }
    if (!ok || (entCodes ? entCodes[i] < 0 : missingAt(data.entity, i))) continue;
    if (effects === "twoways" && (timeCodes ? timeCodes[i] < 0 : missingAt(time!, i))) continue;
    keepIdx[m++] = i;
  }
  const rows = keepIdx.slice(0, m);
  const dropped = n0 - m;

  const ent = factorize(data.entity as ArrayLike<Key> | CodedLabels, rows);
  const N = ent.levels.length;
  if (N < 2) {
    throw new Error(`within: need at least 2 entities with complete data, found ${N} (${dropped} of ${n0} rows dropped)`);
  }
  let tim: Factor | null = null;
  if (time) {
    const tRows = effects === "twoways" ? rows : rows.filter((r) => !missingAt(time, r));
    tim = factorize(time as ArrayLike<Key> | CodedLabels, tRows);
  }
  const T = tim ? tim.levels.length : null;

  // Columns: y then X, compacted, each divided by a power of two (exact) near its largest |value|,
  // so that squares and sums of squares stay within the range of doubles.
  const yv = gather(data.y as ArrayLike<number>, rows);
  const X: Float64Array[] = xs.map((col) => gather(col as ArrayLike<number>, rows));
  const scaleY = powerOfTwoScale(yv);
  const scaleX = X.map(powerOfTwoScale);
  for (let i = 0; i < m; i++) yv[i] /= scaleY;
  X.forEach((v, k) => {
    const s = scaleX[k];
    for (let i = 0; i < m; i++) v[i] /= s;
  });
  // Centered sums of squares, to recognise regressors left without variation.
  const centeredSS = X.map((v) => {
    let s = 0;
    for (let i = 0; i < m; i++) s += v[i];
    const mu = s / m;
    let ss = 0;
    for (let i = 0; i < m; i++) ss += (v[i] - mu) * (v[i] - mu);
    return ss;
  });

  // Balance and duplicate (entity, time) pairs.
  let balanced: boolean | null = null;
  let duplicatePairs: number | null = null;
  if (tim && T !== null && tim.codes.length === m && N * T <= 2e8) {
    const seen = new Uint8Array(N * T);
    let dup = 0;
    for (let i = 0; i < m; i++) {
      const cell = ent.codes[i] * T + tim.codes[i];
      if (seen[cell]) dup++;
      else seen[cell] = 1;
    }
    duplicatePairs = dup;
    balanced = dup === 0 && m === N * T;
  }

  // Transformation.
  const cols = [yv, ...X];
  const colNames = ["y", ...names];
  const entInv = groupCounts(ent.codes, N).map((c) => 1 / c);
  let effectRank = N;
  let components: number | null = null;
  let methodUsed: "dummies" | "alternating" | null = null;
  let iterations: number | null = null;
  if (effects === "oneway") {
    const sums = new Float64Array(N);
    for (const v of cols) demeanInPlace(v, ent.codes, entInv, sums);
  } else {
    const tf = tim!;
    const Tn = T!;
    const cc = connectedComponents(ent.codes, N, tf.codes, Tn);
    components = cc.count;
    effectRank = N + Tn - cc.count;
    const timeInv = groupCounts(tf.codes, Tn).map((c) => 1 / c);
    // Sweep the factor with more levels by demeaning.
    const entityBig = N >= Tn;
    const fCodes = entityBig ? ent.codes : tf.codes;
    const fInv = entityBig ? entInv : timeInv;
    const gCodes = entityBig ? tf.codes : ent.codes;
    const gInv = entityBig ? timeInv : entInv;
    const nF = entityBig ? N : Tn;
    const nG = entityBig ? Tn : N;
    const requested = options.twowaysMethod ?? "auto";
    if (requested !== "auto" && requested !== "dummies" && requested !== "alternating") {
      throw new Error(`within: twowaysMethod must be "auto", "dummies" or "alternating", not "${String(requested)}"`);
    }
    const dummiesLimit = options.dummiesLimit ?? 3000;
    methodUsed = requested === "auto" ? (nG <= 200 ? "dummies" : "alternating") : requested;
    const sums = new Float64Array(nF);
    for (const v of cols) demeanInPlace(v, fCodes, fInv, sums);
    if (methodUsed === "alternating") {
      // in "auto" mode, a slow convergence (a weakly connected panel) hands over to the direct method
      const fallback = requested === "auto" && nG <= dummiesLimit;
      const limit = fallback ? (options.autoIterations ?? 1000) : maxIterations;
      const r = sweepAlternating(cols, fCodes, fInv, gCodes, gInv, tol, limit, colNames);
      iterations = r.iterations;
      if (!r.converged) {
        if (!fallback) {
          throw new Error(
            `within: alternating projections did not converge for "${r.column}" in ${limit} iterations; ` +
              `try twowaysMethod: "dummies"`,
          );
        }
        // the columns are still demeaned by the larger factor, and what the partial sweeps removed
        // lies in the span of the dummies, so the exact sweep below gives the exact result
        methodUsed = "dummies";
      }
    }
    if (methodUsed === "dummies") {
      const gComponent = new Int32Array(nG);
      for (let g = 0; g < nG; g++) gComponent[g] = cc.label[entityBig ? N + g : g];
      sweepDummies(cols, fCodes, fInv, nF, gCodes, nG, gComponent, entityBig ? tf.levels : ent.levels);
    }
  }

  // Regressors without variation after the transformation.
  const where = effects === "oneway" ? "within entities" : "after removing entity and time effects";
  for (let k = 0; k < K; k++) {
    const v = X[k];
    let ss = 0;
    for (let i = 0; i < m; i++) ss += v[i] * v[i];
    if (!(ss > 1e-16 * centeredSS[k]) || centeredSS[k] === 0) {
      throw new Error(`within: regressor "${names[k]}" has no variation ${where}; drop it from the model`);
    }
  }

  // β by Householder QR of the transformed (scaled) regressors, on copies.
  let qr: { R: number[][]; z: number[] };
  try {
    qr = householderQr(X.map((v) => Float64Array.from(v)), Float64Array.from(yv), names);
  } catch (e) {
    if (e instanceof CollinearRegressors) throw new Error(`within: regressors are collinear ${where}: ${e.message}`);
    throw e;
  }
  const betaScaled = backSolve(qr.R, qr.z);
  const bread = crossInverse(qr.R);

  // Residuals, SSR, TSS (scaled units).
  const resid = new Float64Array(m);
  let ssr = 0;
  let ysum = 0;
  for (let i = 0; i < m; i++) ysum += yv[i];
  const ymean = ysum / m;
  let tss = 0;
  for (let i = 0; i < m; i++) {
    let fit = 0;
    for (let k = 0; k < K; k++) fit += X[k][i] * betaScaled[k];
    const e = yv[i] - fit;
    resid[i] = e;
    ssr += e * e;
    tss += (yv[i] - ymean) * (yv[i] - ymean);
  }
  const df = m - K - effectRank;
  if (df <= 0) {
    throw new Error(`within: no residual degrees of freedom (n = ${m}, K = ${K}, effects use ${effectRank})`);
  }
  const sigma2 = ssr / df;
  const vcovIidScaled = bread.map((r) => r.map((v) => v * sigma2));

  // Entity-clustered covariance: bread · Σ_g s_g s_g' · bread.
  const scores: Float64Array[] = [];
  for (let k = 0; k < K; k++) {
    const s = new Float64Array(N);
    const v = X[k];
    for (let i = 0; i < m; i++) s[ent.codes[i]] += v[i] * resid[i];
    scores.push(s);
  }
  const meat: number[][] = [];
  for (let a = 0; a < K; a++) meat.push(new Array<number>(K).fill(0));
  for (let a = 0; a < K; a++) {
    for (let b = 0; b <= a; b++) {
      let s = 0;
      const sa = scores[a];
      const sb = scores[b];
      for (let g = 0; g < N; g++) s += sa[g] * sb[g];
      meat[a][b] = s;
      meat[b][a] = s;
    }
  }
  const adj = clusterType === "sss" ? (N / (N - 1)) * ((m - 1) / (m - K)) : clusterType === "HC1" ? m / (m - K) : 1;
  const vcovClusterScaled = sandwich(bread, meat, adj);

  // Back to the data's units: β_k = β̃_k s_y / s_k; standard errors likewise (never squaring s_y,
  // so they stay finite when y is near the top of the double range); covariances s_y² / (s_a s_b).
  const unit = (k: number) => scaleY / scaleX[k];
  const beta = betaScaled.map((b, k) => b * unit(k));
  const unscale = (V: number[][]) => V.map((r, a) => r.map((v, b) => v * unit(a) * unit(b)));
  const vcovIid = unscale(vcovIidScaled);
  const vcovCluster = unscale(vcovClusterScaled);
  const seIidArr = vcovIidScaled.map((r, i) => Math.sqrt(r[i]) * unit(i));
  const seClArr = vcovClusterScaled.map((r, i) => Math.sqrt(r[i]) * unit(i));
  const seArr = vcovType === "cluster" ? seClArr : seIidArr;
  const tArr = betaScaled.map((b, i) => b / Math.sqrt((vcovType === "cluster" ? vcovClusterScaled : vcovIidScaled)[i][i]));
  const pArr = tArr.map((t) => studentTTwoSidedP(t, df));
  for (let i = 0; i < m; i++) resid[i] *= scaleY;

  // Residuals back in input order (rows is increasing).
  return {
    effects,
    vcovType,
    clusterType,
    names,
    coefficients: toRecord(names, beta),
    se: toRecord(names, seArr),
    t: toRecord(names, tArr),
    p: toRecord(names, pArr),
    vcov: vcovType === "cluster" ? vcovCluster : vcovIid,
    vcovIid,
    vcovCluster,
    seIid: toRecord(names, seIidArr),
    seCluster: toRecord(names, seClArr),
    n: m,
    entities: N,
    periods: T,
    dropped,
    balanced,
    duplicatePairs,
    components,
    df,
    ssr: ssr * scaleY * scaleY,
    tss: tss * scaleY * scaleY,
    r2Within: 1 - ssr / tss,
    sigma: Math.sqrt(sigma2) * scaleY,
    twowaysMethod: methodUsed,
    iterations,
    residuals: resid,
    rows,
  };
}

/** c · B M B for symmetric K×K B and M. */
function sandwich(B: number[][], M: number[][], c: number): number[][] {
  const K = B.length;
  const BM: number[][] = [];
  for (let i = 0; i < K; i++) {
    const row = new Array<number>(K).fill(0);
    for (let j = 0; j < K; j++) {
      let s = 0;
      for (let l = 0; l < K; l++) s += B[i][l] * M[l][j];
      row[j] = s;
    }
    BM.push(row);
  }
  const out: number[][] = [];
  for (let i = 0; i < K; i++) out.push(new Array<number>(K).fill(0));
  for (let i = 0; i < K; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let l = 0; l < K; l++) s += BM[i][l] * B[l][j];
      out[i][j] = c * s;
      out[j][i] = c * s;
    }
  }
  return out;
}

/**
 * One-way (entity) within estimator: `within(data, { ...options, effects: "oneway" })`.
 *
 * @param data columns y, x (named), entity [, time]
 * @param options as for `within` (effects is ignored)
 * @returns the fitted model
 * @example
 * oneway({ y: [1, 3, 2, 4, 4, 8], x: { x: [1, 2, 1, 2, 3, 5] }, entity: [1, 1, 2, 2, 3, 3] }).coefficients.x; // => 2 (up to rounding)
 */
export function oneway(data: PanelData, options: Omit<WithinOptions, "effects"> = {}): WithinResult {
  return within(data, { ...options, effects: "oneway" });
}

/**
 * Two-way (entity + time) within estimator: `within(data, { ...options, effects: "twoways" })`.
 *
 * @param data columns y, x (named), entity and time
 * @param options as for `within` (effects is ignored)
 * @returns the fitted model
 * @example
 * const fit = twoways({
 *   y: [1, 2, 4, 3, 5, 9, 2, 4, 5],
 *   x: { x: [0, 1, 3, 1, 2, 5, 0, 2, 2] },
 *   entity: ["a", "a", "a", "b", "b", "b", "c", "c", "c"],
 *   time: [1, 2, 3, 1, 2, 3, 1, 2, 3],
 * });
 * fit.df; // => 3 (9 rows − 1 slope − 3 entities − 3 periods + 1)
 */
export function twoways(data: PanelData, options: Omit<WithinOptions, "effects"> = {}): WithinResult {
  return within(data, { ...options, effects: "twoways" });
}
