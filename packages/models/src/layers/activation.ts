import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import type { Layer } from './layer.js';

/** The activations GANForge networks use, by config name. */
export const activationNameSchema = z.enum([
  'linear',
  'relu',
  'leaky-relu',
  'tanh',
  'sigmoid',
  'softplus',
  'elu',
  'selu',
]);

/** One of {@link activationNameSchema}'s names. */
export type ActivationName = z.infer<typeof activationNameSchema>;

/**
 * Leaky ReLU (Maas et al. 2013) written as α·x + (1 − α)·relu(x): equal to max(x, αx) for
 * 0 ≤ α ≤ 1, and twice differentiable with tfjs' stock relu gradient, so gradient penalties
 * through it are exact even before core's gradient fixes are installed.
 */
export function leakyRelu(x: tf.Tensor, alpha = 0.2): tf.Tensor {
  return tf.tidy(() => tf.add(tf.mul(alpha, x), tf.mul(1 - alpha, tf.relu(x))));
}

/**
 * The activation function of a name. Second derivatives (gradient penalties, R1, unrolling):
 * `linear`, `relu` and `leaky-relu` are exact on stock tfjs; `tanh`, `sigmoid`, `softplus`, `elu`
 * and `selu` are exact once core's `installGradientFixes()` has run (backend selection runs it;
 * without it tfjs' second derivative through them is wrong or throws, TRAPS.md). Each has a
 * second-derivative test against finite differences.
 *
 * - relu: max(0, x) (Nair & Hinton 2010); leaky-relu: max(x, αx) (Maas et al. 2013), α default 0.2
 * - tanh, sigmoid σ(x) = 1/(1 + e⁻ˣ), softplus log(1 + eˣ)
 * - elu: x for x > 0 else eˣ − 1 (Clevert et al. 2015, arXiv:1511.07289)
 * - selu: λ·elu_α(x), λ ≈ 1.0507, α ≈ 1.6733 (Klambauer et al. 2017, arXiv:1706.02515)
 */
export function activation(name: ActivationName, alpha = 0.2): (x: tf.Tensor) => tf.Tensor {
  switch (name) {
    case 'linear':
      return (x) => x;
    case 'relu':
      return (x) => tf.relu(x);
    case 'leaky-relu':
      return (x) => leakyRelu(x, alpha);
    case 'tanh':
      return (x) => tf.tanh(x);
    case 'sigmoid':
      return (x) => tf.sigmoid(x);
    case 'softplus':
      return (x) => tf.softplus(x);
    case 'elu':
      return (x) => tf.elu(x);
    case 'selu':
      return (x) => tf.selu(x);
  }
}

/** A parameter-free layer applying {@link activation}. */
export function activationLayer(name: ActivationName, alpha = 0.2): Layer {
  const f = activation(name, alpha);
  return {
    kind: name,
    init: () => ({ params: {}, state: {} }),
    apply: (_params, state, x) => ({ y: f(x), state }),
  };
}
