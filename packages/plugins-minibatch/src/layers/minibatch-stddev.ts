import * as tf from '@tensorflow/tfjs';
import { ConfigError, safeSqrt } from '@ganforge/core';

/** Options of {@link minibatchStddev}. */
export interface MinibatchStddevLayerOptions {
  /**
   * ε under the square root, √(Var + ε) (default 1e-8, as in Karras et al.'s code): the gradient
   * of √ at 0 is NaN in tfjs, and a batch of identical samples has Var = 0.
   */
  epsilon?: number;
}

/**
 * The minibatch standard deviation feature (Karras et al. 2018, "Progressive Growing of GANs",
 * arXiv:1710.10196, §3): for features f(x_i) ∈ R^A of a batch of n samples,
 *
 *   μ_a = (1/n) Σ_i f(x_i)_a,   σ_a = √((1/n) Σ_i (f(x_i)_a − μ_a)² + ε),   s = (1/A) Σ_a σ_a,
 *
 * and returns s replicated for every sample, `[n, 1]`: one extra feature that tells the
 * discriminator how varied the batch is. The root is core's `safeSqrt`, so a batch of identical
 * samples gives s = √ε (≈ 0) with a finite gradient.
 *
 * @param features `[n, A]`
 */
export function minibatchStddev(features: tf.Tensor, options: MinibatchStddevLayerOptions = {}): tf.Tensor2D {
  if (features.rank !== 2) {
    throw new ConfigError(`minibatch stddev needs features [n, A]; got [${features.shape.join(', ')}]`);
  }
  const epsilon = options.epsilon ?? 1e-8;
  return tf.tidy(() => {
    const n = features.shape[0];
    const centred = tf.sub(features, tf.mean(features, 0, true));
    const sigma = safeSqrt(tf.mean(tf.square(centred), 0), epsilon);
    return tf.mul(tf.ones([n, 1]), tf.mean(sigma)) as tf.Tensor2D;
  });
}
