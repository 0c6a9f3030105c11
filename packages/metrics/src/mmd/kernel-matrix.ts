import * as tf from '@tensorflow/tfjs';
import { ConfigError } from '@ganforge/core';

/** Pairwise squared Euclidean distances of a pooled sample, row-major `[N, N]` in float64. */
export interface SquaredDistances {
  /** Number of pooled samples N. */
  size: number;
  /** ‖zᵢ − zⱼ‖², clamped at 0, with an exact 0 diagonal. */
  values: Float64Array;
}

/**
 * Squared distances between all rows of [x; y] (flattened to vectors), computed as
 * ‖a‖² + ‖b‖² − 2a·b with one matrix product and read once.
 */
export function pooledSquaredDistances(x: tf.Tensor, y: tf.Tensor): SquaredDistances {
  if (x.shape.slice(1).join() !== y.shape.slice(1).join()) {
    throw new ConfigError(
      `samples of shape [${x.shape.slice(1)}] and [${y.shape.slice(1)}] cannot be compared`,
      'samples',
    );
  }
  const d2 = tf.tidy(() => {
    const z = tf.concat([x.reshape([x.shape[0], -1]), y.reshape([y.shape[0], -1])]).toFloat();
    const norms = tf.sum(tf.square(z), 1, true);
    return tf.relu(tf.sub(tf.add(norms, norms.transpose()), tf.mul(2, tf.matMul(z, z, false, true))));
  });
  const size = d2.shape[0];
  const values = Float64Array.from(d2.dataSync());
  d2.dispose();
  for (let i = 0; i < size; i++) values[i * size + i] = 0;
  return { size, values };
}

/**
 * The median heuristic bandwidth h = median over pairs i < j of ‖zᵢ − zⱼ‖ (Gretton et al. 2012,
 * JMLR 13:723, §8), for the kernel k(a, b) = exp(−‖a − b‖² / (2h²)).
 */
export function medianBandwidth(distances: SquaredDistances): number {
  const { size, values } = distances;
  const upper = new Float64Array((size * (size - 1)) / 2);
  let t = 0;
  for (let i = 0; i < size; i++) for (let j = i + 1; j < size; j++) upper[t++] = values[i * size + j];
  upper.sort();
  const mid = upper.length >> 1;
  const median =
    upper.length % 2 === 1 ? Math.sqrt(upper[mid]) : (Math.sqrt(upper[mid - 1]) + Math.sqrt(upper[mid])) / 2;
  return median || 1;
}

/** The Gaussian kernel matrix K = exp(−D / (2h²)) of squared distances D, float64. */
export function gaussianKernelMatrix(distances: SquaredDistances, bandwidth: number): Float64Array {
  if (!(bandwidth > 0))
    throw new ConfigError(`the kernel bandwidth must be > 0, got ${bandwidth}`, 'bandwidth');
  const scale = -1 / (2 * bandwidth * bandwidth);
  return distances.values.map((v) => Math.exp(v * scale));
}
