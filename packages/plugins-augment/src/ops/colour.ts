import * as tf from '@tensorflow/tfjs';
import { perSample } from './per-sample.js';

/**
 * DiffAugment's brightness (Zhao et al. 2020, arXiv:2006.10738; `rand_brightness` of the
 * reference code): x′ = x + b per sample, with b = r − 0.5, r ~ U[0, 1). `x` is `[n, H, W, C]`,
 * `offsets` b is `[n]`. Differentiable: ∂x′/∂x = I.
 */
export function adjustBrightness(x: tf.Tensor, offsets: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.add(x, perSample(offsets)));
}

/**
 * DiffAugment's saturation (`rand_saturation`): x′ = (x − x̄_c)·s + x̄_c per sample, x̄_c the
 * mean over the channels of each pixel, s = 2r, r ~ U[0, 1). `factors` s is `[n]`. A
 * one-channel image is unchanged (x = x̄_c).
 */
export function adjustSaturation(x: tf.Tensor, factors: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const mean = tf.mean(x, -1, true);
    return tf.add(tf.mul(tf.sub(x, mean), perSample(factors)), mean);
  });
}

/**
 * DiffAugment's contrast (`rand_contrast`): x′ = (x − x̄)·c + x̄ per sample, x̄ the mean of the
 * whole image (all pixels and channels), c = r + 0.5, r ~ U[0, 1). `factors` c is `[n]`.
 */
export function adjustContrast(x: tf.Tensor, factors: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const mean = tf.mean(x, [1, 2, 3], true);
    return tf.add(tf.mul(tf.sub(x, mean), perSample(factors)), mean);
  });
}
