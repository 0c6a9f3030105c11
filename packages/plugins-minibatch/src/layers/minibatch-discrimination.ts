import * as tf from '@tensorflow/tfjs';
import { ConfigError } from '@ganforge/core';

/** Options of {@link minibatchDiscrimination}. */
export interface MinibatchDiscriminationLayerOptions {
  /**
   * Leave out the term j = i of the sum (default false: the paper's sum runs over every j, so
   * each feature includes c_b(x_i, x_i) = 1).
   */
  excludeSelf?: boolean;
}

/**
 * Minibatch discrimination (Salimans et al. 2016, "Improved Techniques for Training GANs",
 * arXiv:1606.03498, §3.2): for features f(x_i) ∈ R^A of a batch of n samples and a learned tensor
 * T ∈ R^{A×B×C},
 *
 *   M_i = f(x_i)·T ∈ R^{B×C},   c_b(x_i, x_j) = exp(−‖M_{i,b} − M_{j,b}‖_L1),
 *   o(x_i)_b = Σ_j c_b(x_i, x_j)   (j = i left out with `excludeSelf`).
 *
 * Returns o `[n, B]`: each entry lies in (0, n] (in (0, n − 1] without the self term) and reaches
 * its maximum when every sample of the batch has the same M. The pairwise differences take
 * n²·B·C floats (n = 64, B = 100, C = 5: 8 MB; n = 512: 524 MB), so keep B small with large batches.
 *
 * @param features `[n, A]`
 * @param T `[A, B, C]`
 */
export function minibatchDiscrimination(
  features: tf.Tensor,
  T: tf.Tensor,
  options: MinibatchDiscriminationLayerOptions = {},
): tf.Tensor2D {
  if (features.rank !== 2 || T.rank !== 3 || features.shape[1] !== T.shape[0]) {
    throw new ConfigError(
      `minibatch discrimination needs features [n, A] and T [A, B, C]; got features [${features.shape.join(', ')}] and T [${T.shape.join(', ')}]`,
    );
  }
  return tf.tidy(() => {
    const [a, b, c] = T.shape;
    const n = features.shape[0];
    const m = tf.reshape(tf.matMul(features, tf.reshape(T, [a, b * c])), [n, b, c]);
    // [n, 1, B, C] − [1, n, B, C]: the L1 distance of every pair, per kernel b.
    const l1 = tf.sum(tf.abs(tf.sub(tf.expandDims(m, 1), tf.expandDims(m, 0))), 3);
    const o = tf.sum(tf.exp(tf.neg(l1)), 1);
    // c_b(x_i, x_i) = exp(−0) = 1 exactly, and its gradient is exactly 0 (M_i − M_i).
    return (options.excludeSelf ? tf.sub(o, 1) : o) as tf.Tensor2D;
  });
}
