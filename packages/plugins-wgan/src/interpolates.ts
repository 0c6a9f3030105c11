import * as tf from '@tensorflow/tfjs';
import type { Rng } from '@ganforge/core';

/**
 * Random points on the lines between real and generated samples (Gulrajani et al. 2017,
 * arXiv:1704.00028, Algorithm 1, line 8):
 *
 *   x̂ᵢ = εᵢ·xᵢ + (1 − εᵢ)·x̃ᵢ,   εᵢ ~ U[0, 1], one ε per sample
 *
 * `epsilon` has shape `[batch]`; it broadcasts over every sample axis.
 */
export function interpolates(real: tf.Tensor, fake: tf.Tensor, epsilon: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const shape = [real.shape[0], ...real.shape.slice(1).map(() => 1)];
    const e = tf.reshape(epsilon, shape);
    return tf.add(tf.mul(e, real), tf.mul(tf.sub(1, e), fake));
  });
}

/**
 * One interpolation coefficient ε ~ U[0, 1] per sample, drawn from `rng` (`[batch]`). With
 * `packing` m > 1 (a PacGAN critic scoring packs of m consecutive samples, Lin et al. 2018,
 * arXiv:1712.04086), one ε per pack is drawn and repeated over its m samples, so each packed
 * interpolate lies on the line between a packed real and a packed fake sample:
 * ε = [ε₀ (m times), ε₁ (m times), …].
 */
export function interpolationCoefficients(rng: Rng, batch: number, packing = 1): tf.Tensor {
  if (packing === 1) return rng.uniformTensor([batch], 0, 1);
  return tf.tidy(() => {
    const perPack = rng.uniformTensor([batch / packing, 1], 0, 1);
    return tf.reshape(tf.tile(perPack, [1, packing]), [batch]);
  });
}
