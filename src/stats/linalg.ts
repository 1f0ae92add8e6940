/**
 * Small dense linear-algebra helpers for least squares, built on ml-matrix.
 *
 * Everything here works on K×K cross-product matrices (K = a handful of
 * regressors) or on small design matrices; the large-n work lives in
 * `panel.ts`, which accumulates cross-products directly.
 */
import { CholeskyDecomposition, Matrix, QrDecomposition } from "ml-matrix";

/**
 * Thrown when a cross-product matrix is not (numerically) positive definite:
 * a column has no variation, or is a linear combination of earlier columns.
 * `column` is the index of the first offending column.
 */
export class CollinearityError extends Error {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
    this.name = "CollinearityError";
  }
}

/** A factorised symmetric positive-definite matrix, ready for solves. */
export interface SpdFactor {
  /** Dimension of the matrix. */
  readonly size: number;
  /** Solve A x = b for one right-hand side. */
  solve(b: ArrayLike<number>): number[];
  /** Solve A X = B for a matrix right-hand side given as rows (size × m). */
  solveMatrix(B: ArrayLike<ArrayLike<number>>): number[][];
  /** A⁻¹, obtained by solving against the identity through the factor. */
  inverse(): number[][];
}

/**
 * Cholesky factorisation of a symmetric positive-definite matrix, with
 * Jacobi (diagonal) scaling so that the scaled matrix has a unit diagonal.
 * After scaling, the squared k-th diagonal element of the Cholesky factor is
 * 1 − R²ₖ, where R²ₖ is the R² of column k regressed on the columns before
 * it; a value below `tol` means column k is (numerically) collinear with the
 * earlier ones, and a `CollinearityError` naming that column is thrown.
 *
 * https://en.wikipedia.org/wiki/Cholesky_decomposition
 *
 * @param A symmetric matrix, as rows (only the lower triangle is read)
 * @param names column names used in error messages (default "column k")
 * @param tol threshold on 1 − R²ₖ below which a column counts as collinear (default 1e-10)
 * @returns a factor object with `solve`, `solveMatrix` and `inverse`
 * @throws {CollinearityError} if a column has no variation or is collinear with earlier columns
 * @example
 * const f = spdFactor([[4, 2], [2, 3]]);
 * f.solve([2, 1]); // => [0.5, 0] (up to rounding)
 * f.inverse();     // => [[0.375, -0.25], [-0.25, 0.5]] (up to rounding)
 */
export function spdFactor(
  A: ArrayLike<ArrayLike<number>>,
  names?: readonly string[],
  tol = 1e-10,
): SpdFactor {
  const k = A.length;
  const label = (j: number): string => (names && names[j] !== undefined ? `"${names[j]}"` : `column ${j + 1}`);
  const scale = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const d = A[j][j];
    if (!(d > 0) || !Number.isFinite(d)) {
      throw new CollinearityError(`${label(j)} has no variation (its sum of squares is ${d})`, j);
    }
    scale[j] = 1 / Math.sqrt(d);
  }
  // Scaled, exactly symmetric copy built from the lower triangle.
  const C = new Matrix(k, k);
  for (let i = 0; i < k; i++) {
    C.set(i, i, 1);
    for (let j = 0; j < i; j++) {
      const v = A[i][j] * scale[i] * scale[j];
      C.set(i, j, v);
      C.set(j, i, v);
    }
  }
  const chol = new CholeskyDecomposition(C);
  const L = chol.lowerTriangularMatrix;
  for (let j = 0; j < k; j++) {
    const d = L.get(j, j);
    if (!(d * d > tol)) {
      const others = j === 0 ? "" : ` with ${names ? names.slice(0, j).map((n) => `"${n}"`).join(", ") : "earlier columns"}`;
      throw new CollinearityError(`${label(j)} is collinear${others} (1 - R² = ${(d * d).toExponential(2)})`, j);
    }
  }
  const solveMatrix = (B: ArrayLike<ArrayLike<number>>): number[][] => {
    const m = k === 0 ? 0 : B[0].length;
    const rhs = new Matrix(k, m);
    for (let i = 0; i < k; i++) for (let j = 0; j < m; j++) rhs.set(i, j, B[i][j] * scale[i]);
    const x = chol.solve(rhs);
    const out: number[][] = [];
    for (let i = 0; i < k; i++) {
      const row = new Array<number>(m);
      for (let j = 0; j < m; j++) row[j] = x.get(i, j) * scale[i];
      out.push(row);
    }
    return out;
  };
  return {
    size: k,
    solve(b: ArrayLike<number>): number[] {
      const B: number[][] = [];
      for (let i = 0; i < k; i++) B.push([b[i]]);
      return solveMatrix(B).map((r) => r[0]);
    },
    solveMatrix,
    inverse(): number[][] {
      const I: number[][] = [];
      for (let i = 0; i < k; i++) {
        const row = new Array<number>(k).fill(0);
        row[i] = 1;
        I.push(row);
      }
      const inv = solveMatrix(I);
      // Symmetrise away rounding differences between the two triangles.
      for (let i = 0; i < k; i++) {
        for (let j = 0; j < i; j++) {
          const v = 0.5 * (inv[i][j] + inv[j][i]);
          inv[i][j] = v;
          inv[j][i] = v;
        }
      }
      return inv;
    },
  };
}

/** Result of an ordinary least-squares fit. */
export interface OlsResult {
  /** Estimated coefficients, one per column of X. */
  coefficients: number[];
  /** Conventional standard errors, sqrt(diag(σ² (X'X)⁻¹)). */
  se: number[];
  /** σ² (X'X)⁻¹ with σ² = SSR / df. */
  vcov: number[][];
  /** y − Xβ. */
  residuals: number[];
  /** Sum of squared residuals. */
  ssr: number;
  /** Residual degrees of freedom, n − K. */
  df: number;
}

/**
 * Ordinary least squares y = Xβ + e, solved by a Householder QR
 * decomposition of X (ml-matrix), never by forming (X'X)⁻¹ explicitly.
 * The covariance matrix is σ²(R'R)⁻¹, found by triangular solves of R
 * against the identity. No intercept is added: include a column of ones
 * if you want one.
 *
 * https://en.wikipedia.org/wiki/Ordinary_least_squares
 *
 * @param X design matrix as rows (n × K), n > K
 * @param y response, length n
 * @param names column names used in error messages
 * @returns coefficients, standard errors, covariance matrix, residuals, SSR and df
 * @throws {CollinearityError} if X does not have full column rank
 * @example
 * const fit = ols([[1, 0], [1, 1], [1, 2], [1, 3]], [1, 3, 5, 7]);
 * fit.coefficients; // => [1, 2] (up to rounding)
 * fit.ssr;          // => 0 (up to rounding)
 */
export function ols(
  X: ArrayLike<ArrayLike<number>>,
  y: ArrayLike<number>,
  names?: readonly string[],
): OlsResult {
  const n = X.length;
  if (n !== y.length) throw new Error(`ols: X has ${n} rows but y has ${y.length} values`);
  const k = n === 0 ? 0 : X[0].length;
  if (n <= k) throw new Error(`ols: need more rows (${n}) than columns (${k})`);
  const Xm = new Matrix(n, k);
  const ym = new Matrix(n, 1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) Xm.set(i, j, X[i][j]);
    ym.set(i, 0, y[i]);
  }
  const qr = new QrDecomposition(Xm);
  const R = qr.upperTriangularMatrix;
  // Rank check: |R_jj| relative to the norm of column j.
  for (let j = 0; j < k; j++) {
    let norm = 0;
    for (let i = 0; i < n; i++) norm += X[i][j] * X[i][j];
    const rjj = Math.abs(R.get(j, j));
    if (!(norm > 0) || rjj <= 1e-10 * Math.sqrt(norm)) {
      const label = names && names[j] !== undefined ? `"${names[j]}"` : `column ${j + 1}`;
      throw new CollinearityError(`ols: ${label} is collinear with earlier columns`, j);
    }
  }
  const beta = qr.solve(ym).getColumn(0);
  const residuals = new Array<number>(n);
  let ssr = 0;
  for (let i = 0; i < n; i++) {
    let fit = 0;
    for (let j = 0; j < k; j++) fit += X[i][j] * beta[j];
    const e = y[i] - fit;
    residuals[i] = e;
    ssr += e * e;
  }
  const df = n - k;
  const sigma2 = ssr / df;
  const Rinv = upperTriangularInverse(R, k);
  const vcov: number[][] = [];
  for (let i = 0; i < k; i++) {
    const row = new Array<number>(k);
    for (let j = 0; j < k; j++) {
      // (R'R)⁻¹ = R⁻¹ R⁻ᵀ
      let s = 0;
      for (let m = Math.max(i, j); m < k; m++) s += Rinv[i][m] * Rinv[j][m];
      row[j] = sigma2 * s;
    }
    vcov.push(row);
  }
  return { coefficients: beta, se: vcov.map((r, i) => Math.sqrt(r[i])), vcov, residuals, ssr, df };
}

/** Inverse of the leading k×k upper-triangular block of R by back substitution. */
function upperTriangularInverse(R: Matrix, k: number): number[][] {
  const inv: number[][] = [];
  for (let i = 0; i < k; i++) inv.push(new Array<number>(k).fill(0));
  for (let col = 0; col < k; col++) {
    // Solve R z = e_col for z (column col of R⁻¹).
    for (let i = col; i >= 0; i--) {
      let s = i === col ? 1 : 0;
      for (let m = i + 1; m <= col; m++) s -= R.get(i, m) * inv[m][col];
      inv[i][col] = s / R.get(i, i);
    }
  }
  return inv;
}

/**
 * Regularised incomplete beta function I_x(a, b), by the continued fraction
 * of Numerical Recipes (Lentz's method), accurate to about 1e-15.
 *
 * https://en.wikipedia.org/wiki/Beta_function#Incomplete_beta_function
 *
 * @param x point in [0, 1]
 * @param a first shape parameter, > 0
 * @param b second shape parameter, > 0
 * @returns I_x(a, b)
 * @example
 * incompleteBeta(0.5, 2, 2);  // => 0.5 (up to rounding)
 * incompleteBeta(0.25, 1, 1); // => 0.25 (up to rounding)
 */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x);
  const front = Math.exp(lnFront);
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return h;
}

/** log Γ(x) for x > 0 (Lanczos approximation, g = 7, n = 9). */
function logGamma(x: number): number {
  const g = 7;
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  x -= 1;
  let s = c[0];
  for (let i = 1; i < g + 2; i++) s += c[i] / (x + i);
  const t = x + g + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(s);
}

/**
 * Two-sided p-value of a Student t statistic, P(|T| > |t|) with `df`
 * degrees of freedom, as R's `2 * pt(abs(t), df, lower.tail = FALSE)`.
 *
 * https://en.wikipedia.org/wiki/Student%27s_t-distribution
 *
 * @param t the t statistic
 * @param df degrees of freedom, > 0
 * @returns the two-sided p-value in [0, 1]
 * @example
 * studentTTwoSidedP(0, 10);      // => 1
 * studentTTwoSidedP(2.228139, 10); // => 0.05 (to 6 digits)
 */
export function studentTTwoSidedP(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  if (!Number.isFinite(t)) return 0;
  return incompleteBeta(df / (df + t * t), df / 2, 0.5);
}
