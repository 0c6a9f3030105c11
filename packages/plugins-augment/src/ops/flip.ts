import * as tf from '@tensorflow/tfjs';
import { perSample } from './per-sample.js';

/**
 * Horizontal flip per sample: x′_b = x_b mirrored left–right where f_b = 1, unchanged where
 * f_b = 0 (x′ = x + f·(mirror(x) − x)). `x` is `[n, H, W, C]`, `flips` f is `[n]` of 0/1. Not a
 * DiffAugment op: the flip of the consistency-regularization papers (Zhang et al. 2020,
 * arXiv:1910.12027; Zhao et al. 2021, arXiv:2002.04724) and of ADA's pixel blitting (`xflip`).
 */
export function flipHorizontal(x: tf.Tensor, flips: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.add(x, tf.mul(perSample(flips), tf.sub(tf.reverse(x, 2), x))));
}
