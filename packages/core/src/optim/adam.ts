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
 * Name of the optional fused Adam kernel a backend may register (`@ganforge/backend-native` does).
 * Inputs `param`, `grad`, `m`, `v` (float32, one shape) and the float32 scalars
 * `oneMinusBeta1Power` = 1 − β₁ᵗ, `oneMinusBeta2Power` = 1 − β₂ᵗ; attrs `lr`, `beta1`, `beta2`,
 * `epsilon`; outputs [θ′, m′, v′], computed elementwise with float32 operations in exactly
 * {@link adam}'s order (so bit-identical to it):
 *   m′ = m·β₁ + g·(1 − β₁),  v′ = v·β₂ + (g·g)·(1 − β₂),
 *   θ′ = ((m′ / (1 − β₁ᵗ)) / (√(v′ / (1 − β₂ᵗ)) + ε))·(−α) + θ,
 * with every constant rounded to float32 first. {@link adam} calls it, one kernel per parameter
 * instead of about fourteen ops, where the active backend has it, the tensors are float32 and no
 * gradient is being recorded (the unrolled GAN differentiates through updates; the kernel has
 * no gradient).
 */
export const ADAM_UPDATE_KERNEL = 'GanforgeAdamUpdate';

/** Whether the active backend has the fused Adam kernel and nothing records gradients now. */
function fusedAdamAvailable(): boolean {
  return (
    tf.getKernel(ADAM_UPDATE_KERNEL, tf.getBackend()) !== undefined && tf.engine().state.gradientDepth === 0
  );
}

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
 * (`sqrtWithFiniteGradient`) so an unrolled step through a zero gradient is not NaN. Where the
 * backend registers {@link ADAM_UPDATE_KERNEL} and no gradient is recorded, each parameter is
 * updated by that one kernel instead, with the same result to the last bit.
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
        // Constants as float32 scalars once per update, not once per parameter and use.
        const b1 = tf.scalar(beta1);
        const c1 = tf.scalar(1 - beta1);
        const b2 = tf.scalar(beta2);
        const c2 = tf.scalar(1 - beta2);
        const eps = tf.scalar(epsilon);
        const minusLr = tf.scalar(-lr);
        const fused = fusedAdamAvailable();
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
          if (fused && value.dtype === 'float32' && g.dtype === 'float32') {
            const [p, m1, v1] = tf.engine().runKernel(
              ADAM_UPDATE_KERNEL,
              { param: value, grad: g, m, v, oneMinusBeta1Power: oneMinusP1, oneMinusBeta2Power: oneMinusP2 },
              { lr, beta1, beta2, epsilon },
            ) as tf.Tensor[];
            newParams[path] = p!;
            newState[mKey] = m1!;
            newState[vKey] = v1!;
            continue;
          }
          const m1 = tf.add(tf.mul(m, b1), tf.mul(g, c1));
          const v1 = tf.add(tf.mul(v, b2), tf.mul(tf.square(g), c2));
          const mHat = tf.div(m1, oneMinusP1);
          const vHat = tf.div(v1, oneMinusP2);
          const step = tf.div(mHat, tf.add(sqrtWithFiniteGradient(vHat), eps));
          newParams[path] = tf.add(tf.mul(step, minusLr), value);
          newState[mKey] = m1;
          newState[vKey] = v1;
        }
        newState[ADAM_BETA1_POWER] = tf.mul(p1, b1);
        newState[ADAM_BETA2_POWER] = tf.mul(p2, b2);
        return { params: newParams, state: newState };
      });
    },
  };
}
