/**
 * The Pearson correlation matrix R (k × k, row-major) of k columns of n scores:
 * R_ab = Σᵢ (s_ai − s̄_a)(s_bi − s̄_b) / √(Σᵢ (s_ai − s̄_a)² · Σᵢ (s_bi − s̄_b)²). A column without
 * variance (a constant column, a category seen alone) correlates 0 with the others and 1 with
 * itself, as SDV replaces its NaN correlations with 0.
 */
export function pearsonCorrelation(columns: readonly ArrayLike<number>[]): Float64Array {
  const k = columns.length;
  const centred = columns.map((c) => {
    let mean = 0;
    for (let i = 0; i < c.length; i++) mean += c[i];
    mean /= c.length || 1;
    return Float64Array.from(c, (v) => v - mean);
  });
  const norms = centred.map((c) => Math.sqrt(c.reduce((s, v) => s + v * v, 0)));
  const r = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    r[a * k + a] = 1;
    for (let b = a + 1; b < k; b++) {
      let dot = 0;
      const ca = centred[a];
      const cb = centred[b];
      for (let i = 0; i < ca.length; i++) dot += ca[i] * cb[i];
      const denominator = norms[a] * norms[b];
      const v = denominator > 0 ? Math.max(-1, Math.min(1, dot / denominator)) : 0;
      r[a * k + b] = v;
      r[b * k + a] = v;
    }
  }
  return r;
}

/**
 * The Cholesky factor L (lower triangular, row-major) with L·Lᵀ = A of a symmetric k × k
 * matrix, or undefined when a pivot is at most `minPivot` (A is not safely positive definite).
 */
export function cholesky(a: ArrayLike<number>, k: number, minPivot = 1e-10): Float64Array | undefined {
  const l = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * k + j];
      for (let p = 0; p < j; p++) s -= l[i * k + p] * l[j * k + p];
      if (i === j) {
        if (!(s > minPivot)) return undefined;
        l[i * k + i] = Math.sqrt(s);
      } else l[i * k + j] = s / l[j * k + j];
    }
  }
  return l;
}

/** The jitter δ tried first by {@link positiveDefiniteCholesky}; it grows tenfold up to 0.1. */
export const CORRELATION_JITTER = 1e-6;

/**
 * The Cholesky factor of a correlation matrix R, made positive definite where it is not. R of
 * normal scores is a Gram matrix, so positive semi-definite, but singular when columns are
 * collinear (a column repeated, one category determined by another) or there are fewer rows
 * than columns. Then R is replaced by (R + δ·I)/(1 + δ), δ = 1e-6 (raised tenfold while the
 * factorization still fails): every eigenvalue becomes at least δ/(1 + δ) and the diagonal stays
 * 1. SDV's copulas package adds ε·I (ε the float64 machine epsilon) when cond(R) > 1/ε; the
 * larger δ here survives the float32 storage of L. `jitter` is the δ used (0 when R was positive
 * definite as it was).
 */
export function positiveDefiniteCholesky(
  r: ArrayLike<number>,
  k: number,
): { cholesky: Float64Array; correlation: Float64Array; jitter: number } {
  const plain = cholesky(r, k);
  if (plain) return { cholesky: plain, correlation: Float64Array.from(r), jitter: 0 };
  for (let delta = CORRELATION_JITTER; ; delta *= 10) {
    const jittered = Float64Array.from(r, (v, idx) =>
      Math.floor(idx / k) === idx % k ? 1 : v / (1 + delta),
    );
    const l = cholesky(jittered, k);
    if (l || delta >= 0.1) {
      // At δ = 0.1 every eigenvalue of the jittered matrix is ≥ 0.09, so this always factors.
      return { cholesky: l ?? identity(k), correlation: jittered, jitter: delta };
    }
  }
}

function identity(k: number): Float64Array {
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++) out[i * k + i] = 1;
  return out;
}
