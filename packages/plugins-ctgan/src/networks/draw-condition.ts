import * as tf from '@tensorflow/tfjs';
import { uniformFromNormal } from '../head/gumbel.js';

/**
 * The cumulative distribution over the C slots of the conditional vector for sampling without a
 * condition: slot (i, k) has probability n_{i,k} / (N·S), a conditioned column uniformly among S
 * and its category with its empirical frequency, so that Σ_{i,k} P(i, k)·P_G(row | i = k)
 * recovers the rows' distribution (Xu et al. 2019, arXiv:1907.00503, §4.3). Every entry from the
 * last slot with mass on is set to +∞, so a draw never lands on a slot without mass.
 */
export function conditionCdf(counts: readonly (readonly number[])[]): Float32Array {
  const flat = counts.flat();
  // Every row is in one slot of each of the S spans: Σ n_{i,k} = N·S.
  const total = flat.reduce((a, b) => a + b, 0);
  const cdf = new Float32Array(flat.length);
  let cumulative = 0;
  let last = -1;
  flat.forEach((n, j) => {
    cumulative += n / total;
    cdf[j] = cumulative;
    if (n > 0) last = j;
  });
  for (let j = Math.max(last, 0); j < cdf.length; j++) cdf[j] = Number.POSITIVE_INFINITY;
  return cdf;
}

/**
 * One-hot conditional vectors `[n, C]` drawn by inverse-CDF sampling from standard normal draws
 * `z` `[n, 1]`: u = Φ(z), slot = #{j : cdf_j ≤ u} (the first slot whose cumulative probability
 * exceeds u). A function of z alone, so the run's seeded noise drives it.
 */
export function drawConditionFromNormal(z: tf.Tensor, cdf: Float32Array): tf.Tensor {
  return tf.tidy(() => {
    const u = uniformFromNormal(z);
    const below = tf.lessEqual(tf.tensor2d(cdf, [1, cdf.length]), u);
    const slot = tf.sum(tf.cast(below, 'int32'), 1);
    return tf.oneHot(slot, cdf.length).toFloat();
  });
}
