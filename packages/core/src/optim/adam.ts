import * as tf from '@tensorflow/tfjs';
import type { ParamTree } from '../types/network.js';
import type { Optimizer } from '../types/optimizer.js';
import { sqrtWithFiniteGradient } from './safe-sqrt.js';
import { checkHyper, slotKey, stateEntry, zeroSlots } from './slots.js';

/** Options of {@link adam}. */
export interface AdamOptions {
  /** Learning rate α. */
  lr: number;
  /** Decay of the first moment β₁ (default 0.9). */
  beta1?: number;
  /** Decay of the second moment β₂ (default 0.999). */
  beta2?: number;
  /** ε added to √v̂ (default 1e-8 as in the paper and PyTorch; tfjs' default is 1e-7). */
  epsilon?: number;
}

/** State key of β₁ᵗ, the running bias-correction power of the first moment (a float32 scalar). */
export const ADAM_BETA1_POWER = 'beta1_power';
/** State key of β₂ᵗ, the running bias-correction power of the second moment (a float32 scalar). */
export const ADAM_BETA2_POWER = 'beta2_power';

/**
 * Adam (Kingma & Ba 2014, arXiv:1412.6980, Algorithm 1) as a pure update rule:
 *
 *   m ← β₁·m + (1 − β₁)·g          v ← β₂·v + (1 − β₂)·g²
 *   m̂ = m / (1 − β₁ᵗ)              v̂ = v / (1 − β₂ᵗ)
 *   θ ← θ − α · m̂ / (√v̂ + ε)
 *
 * State: `m/<path>`, `v/<path>` per parameter and the scalars `beta1_power` = β₁ᵗ and
 * `beta2_power` = β₂ᵗ, which start at β₁, β₂ and are multiplied by β each step in float32, the
 * same operations in the same order as `tf.train.adam` (so the two agree to the last bit on cpu).
 * Keeping the powers as tensors, not a step count, is what makes resume exact: tfjs'
 * `setWeights` recomputes them as `pow(β, t + 1)`, which differs in the last bits (TRAPS.md).
 *
 * The update uses only differentiable ops; `√v̂` has a derivative clamped at 0
 * (`sqrtWithFiniteGradient`) so an unrolled step through a zero gradient is not NaN.
 */
export function adam(options: AdamOptions): Optimizer {
  const { lr, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8 } = options;
  checkHyper('adam', 'lr', lr, 0, Infinity, false);
  checkHyper('adam', 'beta1', beta1, 0, 1);
  checkHyper('adam', 'beta2', beta2, 0, 1);
  checkHyper('adam', 'epsilon', epsilon, 0, Infinity);
  return {
    name: 'adam',
    init(params: ParamTree): ParamTree {
      return tf.tidy(() => ({
        ...zeroSlots('m', params),
        ...zeroSlots('v', params),
        [ADAM_BETA1_POWER]: tf.scalar(beta1),
        [ADAM_BETA2_POWER]: tf.scalar(beta2),
      }));
    },
    update(grads: ParamTree, state: ParamTree, params: ParamTree) {
      return tf.tidy(() => {
        const p1 = stateEntry('adam', state, ADAM_BETA1_POWER);
        const p2 = stateEntry('adam', state, ADAM_BETA2_POWER);
        const oneMinusP1 = tf.sub(1, p1);
        const oneMinusP2 = tf.sub(1, p2);
        const newParams: ParamTree = {};
        const newState: ParamTree = {};
        for (const [path, value] of Object.entries(params)) {
          const mKey = slotKey('m', path);
          const vKey = slotKey('v', path);
          const m = stateEntry('adam', state, mKey);
          const v = stateEntry('adam', state, vKey);
          const g = grads[path];
          if (g === undefined) {
            // No gradient: unchanged, as tfjs' optimizers skip a variable without one.
            newParams[path] = tf.clone(value);
            newState[mKey] = tf.clone(m);
            newState[vKey] = tf.clone(v);
            continue;
          }
          const m1 = tf.add(tf.mul(m, beta1), tf.mul(g, 1 - beta1));
          const v1 = tf.add(tf.mul(v, beta2), tf.mul(tf.square(g), 1 - beta2));
          const mHat = tf.div(m1, oneMinusP1);
          const vHat = tf.div(v1, oneMinusP2);
          const step = tf.div(mHat, tf.add(sqrtWithFiniteGradient(vHat), epsilon));
          newParams[path] = tf.add(tf.mul(step, -lr), value);
          newState[mKey] = m1;
          newState[vKey] = v1;
        }
        newState[ADAM_BETA1_POWER] = tf.mul(p1, beta1);
        newState[ADAM_BETA2_POWER] = tf.mul(p2, beta2);
        return { params: newParams, state: newState };
      });
    },
  };
}
