import type * as tf from '@tensorflow/tfjs';
import { ConfigError, type Rng } from '@ganforge/core';
import { gaussianKernelMatrix, medianBandwidth, pooledSquaredDistances } from './kernel-matrix.js';

/**
 * The unbiased MMD² of Gretton et al. 2012 (JMLR 13:723, Lemma 6) from a pooled kernel matrix K
 * `[N, N]` and a membership mask (1 = first sample X, size m; 0 = second sample Y, size n):
 *
 *   MMD²ᵤ = 1/(m(m−1)) Σ_{i≠j} k(xᵢ,xⱼ) + 1/(n(n−1)) Σ_{i≠j} k(yᵢ,yⱼ) − 2/(mn) Σ_{i,j} k(xᵢ,yⱼ)
 *
 * It is unbiased, so it can be negative when the two distributions are equal.
 */
export function mmd2FromKernel(kernel: Float64Array, size: number, inX: Uint8Array): number {
  let xx = 0;
  let yy = 0;
  let xy = 0;
  let m = 0;
  for (let i = 0; i < size; i++) {
    const xi = inX[i];
    m += xi;
    const row = i * size;
    for (let j = i + 1; j < size; j++) {
      const k = kernel[row + j];
      const xj = inX[j];
      if (xi === 1 && xj === 1) xx += k;
      else if (xi === 0 && xj === 0) yy += k;
      else xy += k;
    }
  }
  const n = size - m;
  if (m < 2 || n < 2)
    throw new ConfigError(
      `the unbiased MMD² needs at least 2 samples on each side, got ${m} and ${n}`,
      'samples',
    );
  return (2 * xx) / (m * (m - 1)) + (2 * yy) / (n * (n - 1)) - (2 * xy) / (m * n);
}

/** Options of {@link mmd2} and {@link mmdPermutationTest}. */
export interface MmdOptions {
  /** Gaussian kernel bandwidth h in k(a, b) = exp(−‖a − b‖²/(2h²)); default: the median heuristic. */
  bandwidth?: number;
}

/** Result of {@link mmd2}. */
export interface MmdResult {
  /** The unbiased MMD² estimate (may be negative). */
  mmd2: number;
  /** The bandwidth used. */
  bandwidth: number;
}

function prepare(x: tf.Tensor, y: tf.Tensor, options: MmdOptions) {
  const distances = pooledSquaredDistances(x, y);
  const bandwidth = options.bandwidth ?? medianBandwidth(distances);
  const kernel = gaussianKernelMatrix(distances, bandwidth);
  const inX = new Uint8Array(distances.size);
  inX.fill(1, 0, x.shape[0]);
  return { kernel, size: distances.size, inX, bandwidth };
}

/**
 * Unbiased MMD² with a Gaussian kernel between samples x `[m, …]` and y `[n, …]` (Gretton et al.
 * 2012, JMLR 13:723). Rows are flattened to vectors.
 */
export function mmd2(x: tf.Tensor, y: tf.Tensor, options: MmdOptions = {}): MmdResult {
  const p = prepare(x, y, options);
  return { mmd2: mmd2FromKernel(p.kernel, p.size, p.inX), bandwidth: p.bandwidth };
}

/** Result of {@link mmdPermutationTest}. */
export interface MmdTestResult extends MmdResult {
  /** Mean of MMD²ᵤ over random relabellings of the pooled sample (≈ 0 under H₀). */
  permutationMean: number;
  /** Standard deviation of MMD²ᵤ over the relabellings: the null distribution's scale. */
  permutationStd: number;
  /** (1 + #{permuted ≥ observed}) / (1 + permutations). */
  pValue: number;
}

/** The null distribution of MMD²ᵤ from relabellings of a pooled sample: see {@link permutationTestFromKernel}. */
export interface PermutationNull {
  /** MMD²ᵤ of the given labelling. */
  observed: number;
  /** Mean of MMD²ᵤ over random relabellings of the pooled sample (≈ 0 under H₀). */
  mean: number;
  /** Standard deviation of MMD²ᵤ over the relabellings: the null distribution's scale. */
  std: number;
  /** (1 + #{permuted ≥ observed}) / (1 + permutations). */
  pValue: number;
}

/**
 * The permutation test of Gretton et al. 2012 (JMLR 13:723, §8) on a pooled kernel matrix
 * `[size, size]` whose first `m` rows are the first sample: the pooled sample is relabelled
 * `permutations` times (shuffles drawn from `rng`, keeping the sizes m and size − m), giving the
 * null distribution of MMD²ᵤ for any kernel (single or multi-scale).
 */
export function permutationTestFromKernel(
  kernel: Float64Array,
  size: number,
  m: number,
  permutations: number,
  rng: Rng,
): PermutationNull {
  const inX = new Uint8Array(size);
  inX.fill(1, 0, m);
  const observed = mmd2FromKernel(kernel, size, inX);
  const null_: number[] = [];
  const mask = new Uint8Array(size);
  for (let t = 0; t < permutations; t++) {
    const perm = rng.permutation(size);
    mask.fill(0);
    for (let i = 0; i < m; i++) mask[perm[i]] = 1;
    null_.push(mmd2FromKernel(kernel, size, mask));
  }
  const mean = null_.reduce((a, b) => a + b, 0) / Math.max(1, null_.length);
  const variance = null_.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, null_.length - 1);
  const exceed = null_.filter((v) => v >= observed).length;
  return { observed, mean, std: Math.sqrt(variance), pValue: (1 + exceed) / (1 + null_.length) };
}

/**
 * The permutation test of Gretton et al. 2012 (JMLR 13:723, §8): the pooled sample is relabelled
 * `permutations` times (shuffles drawn from `rng`, keeping the sizes m and n) with the kernel
 * matrix computed once, giving the null distribution of MMD²ᵤ.
 */
export function mmdPermutationTest(
  x: tf.Tensor,
  y: tf.Tensor,
  options: MmdOptions & { permutations: number; rng: Rng },
): MmdTestResult {
  const p = prepare(x, y, options);
  const t = permutationTestFromKernel(p.kernel, p.size, x.shape[0], options.permutations, options.rng);
  return {
    mmd2: t.observed,
    bandwidth: p.bandwidth,
    permutationMean: t.mean,
    permutationStd: t.std,
    pValue: t.pValue,
  };
}
