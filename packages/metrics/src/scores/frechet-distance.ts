import { ConfigError } from '@ganforge/core';
import { sqrtmSymmetric, symmetricEigen } from '../linalg/symmetric-eigen.js';

/** Mean and covariance of a set of feature vectors (float64). */
export interface FeatureStatistics {
  /** Number of vectors the statistics were computed from (the N every Fréchet distance should state). */
  n: number;
  dim: number;
  mean: Float64Array;
  /** Row-major dim × dim, unbiased (divided by n − 1). */
  covariance: Float64Array;
}

/** Mean and unbiased covariance of `n` feature vectors of length `dim` (row-major). */
export function featureStatistics(features: ArrayLike<number>, dim: number): FeatureStatistics {
  const n = features.length / dim;
  if (!Number.isInteger(n) || n < 2)
    throw new ConfigError(
      `feature statistics need ≥ 2 vectors of length ${dim}, got ${features.length} values`,
      'samples',
    );
  const mean = new Float64Array(dim);
  for (let i = 0; i < n; i++) for (let j = 0; j < dim; j++) mean[j] += features[i * dim + j] / n;
  const covariance = new Float64Array(dim * dim);
  const centred = new Float64Array(dim);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < dim; j++) centred[j] = features[i * dim + j] - mean[j];
    for (let j = 0; j < dim; j++) {
      const cj = centred[j];
      if (cj === 0) continue;
      for (let k = j; k < dim; k++) covariance[j * dim + k] += cj * centred[k];
    }
  }
  for (let j = 0; j < dim; j++) {
    for (let k = j; k < dim; k++) {
      covariance[j * dim + k] /= n - 1;
      covariance[k * dim + j] = covariance[j * dim + k];
    }
  }
  return { n, dim, mean, covariance };
}

/**
 * The Fréchet distance between two Gaussians fitted to feature sets (Heusel et al. 2017,
 * arXiv:1706.08500, the FID formula; Dowson & Landau 1982):
 *
 *   d² = ‖μ₁ − μ₂‖² + Tr(Σ₁) + Tr(Σ₂) − 2 Tr((Σ₁^{1/2} Σ₂ Σ₁^{1/2})^{1/2})
 *
 * The last trace equals Tr((Σ₁Σ₂)^{1/2}); computing it from the symmetric PSD matrix
 * Σ₁^{1/2} Σ₂ Σ₁^{1/2} keeps it real and exact (eigenvalues, float64). The estimate is biased in
 * the sample size N: compare values only at equal N and state N.
 */
export function frechetDistance(a: FeatureStatistics, b: FeatureStatistics): number {
  const d = a.dim;
  if (b.dim !== d) throw new ConfigError(`feature dimensions differ: ${a.dim} and ${b.dim}`, 'features');
  let meanTerm = 0;
  let traces = 0;
  for (let i = 0; i < d; i++) {
    meanTerm += (a.mean[i] - b.mean[i]) ** 2;
    traces += a.covariance[i * d + i] + b.covariance[i * d + i];
  }
  const rootA = sqrtmSymmetric(a.covariance, d);
  // M = √Σ₁ Σ₂ √Σ₁, symmetrized against rounding
  const t = new Float64Array(d * d);
  for (let i = 0; i < d; i++)
    for (let k = 0; k < d; k++) {
      const r = rootA[i * d + k];
      if (r === 0) continue;
      for (let j = 0; j < d; j++) t[i * d + j] += r * b.covariance[k * d + j];
    }
  const m = new Float64Array(d * d);
  for (let i = 0; i < d; i++)
    for (let k = 0; k < d; k++) {
      const r = t[i * d + k];
      if (r === 0) continue;
      for (let j = 0; j < d; j++) m[i * d + j] += r * rootA[k * d + j];
    }
  for (let i = 0; i < d; i++)
    for (let j = i + 1; j < d; j++) m[i * d + j] = m[j * d + i] = (m[i * d + j] + m[j * d + i]) / 2;
  const { values } = symmetricEigen(m, d);
  let traceRoot = 0;
  for (const v of values) traceRoot += Math.sqrt(Math.max(v, 0));
  return Math.max(0, meanTerm + traces - 2 * traceRoot);
}
