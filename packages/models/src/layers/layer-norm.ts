import * as tf from '@tensorflow/tfjs';
import type { Layer } from './layer.js';

/**
 * Layer normalization (Ba et al. 2016, arXiv:1607.06450) over the last axis, per sample:
 *
 *   y = γ·(x − μ)/√(σ² + ε) + β,   μ, σ² over the last axis
 *
 * Per-sample, so unlike batch norm it keeps gradient penalties (R1, WGAN-GP) per-sample exact.
 * γ at `gamma` (ones), β at `beta` (zeros); no state.
 */
export function layerNorm(features: number, epsilon = 1e-5): Layer {
  return {
    kind: 'layer-norm',
    init: () => ({ params: { gamma: tf.ones([features]), beta: tf.zeros([features]) }, state: {} }),
    apply: (params, state, x) =>
      tf.tidy(() => {
        const { mean, variance } = tf.moments(x, -1, true);
        const y = tf.add(
          tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, epsilon))), params.gamma),
          params.beta,
        );
        return { y, state };
      }),
  };
}
