import * as tf from '@tensorflow/tfjs';
import type { Layer } from './layer.js';

/** Options of {@link batchNorm}. */
export interface BatchNormOptions {
  /** Moving-average decay m: moving ← m·moving + (1 − m)·batch. Default 0.9 (PyTorch's 0.1 update). */
  momentum?: number;
  /** ε added to the variance. Default 1e-5. */
  epsilon?: number;
}

/**
 * Batch normalization (Ioffe & Szegedy 2015, arXiv:1502.03167) over every axis but the last:
 *
 *   y = γ·(x − μ)/√(σ² + ε) + β
 *
 * Training uses the batch's μ, σ² (biased) and RETURNS updated moving statistics
 * (`movingMean`, `movingVariance` in state) without assigning them; inference uses the moving
 * statistics and returns the state unchanged. γ at `gamma` (ones), β at `beta` (zeros).
 */
export function batchNorm(channels: number, options: BatchNormOptions = {}): Layer {
  const momentum = options.momentum ?? 0.9;
  const epsilon = options.epsilon ?? 1e-5;
  return {
    kind: 'batch-norm',
    init: () => ({
      params: { gamma: tf.ones([channels]), beta: tf.zeros([channels]) },
      state: { movingMean: tf.zeros([channels]), movingVariance: tf.ones([channels]) },
    }),
    apply: (params, state, x, options) =>
      tf.tidy(() => {
        const normalize = (mean: tf.Tensor, variance: tf.Tensor): tf.Tensor =>
          tf.add(
            tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, epsilon))), params.gamma),
            params.beta,
          );
        if (!options.training) return { y: normalize(state.movingMean, state.movingVariance), state };
        const axes = x.shape.map((_, i) => i).slice(0, -1);
        const { mean, variance } = tf.moments(x, axes);
        const m = options.statisticsMomentum ?? momentum;
        const update = (moving: tf.Tensor, batch: tf.Tensor): tf.Tensor =>
          tf.add(tf.mul(m, moving), tf.mul(1 - m, batch));
        return {
          y: normalize(mean, variance),
          state: {
            movingMean: update(state.movingMean, mean),
            movingVariance: update(state.movingVariance, variance),
          },
        };
      }),
  };
}
