import * as tf from '@tensorflow/tfjs';
import type { ParamTree } from '../types/network.js';
import type { Optimizer } from '../types/optimizer.js';
import { sqrtWithFiniteGradient } from './safe-sqrt.js';
import { checkHyper, slotKey, stateEntry, zeroSlots } from './slots.js';

/** Options of {@link rmsprop}. */
export interface RmspropOptions {
  /** Learning rate η. */
  lr: number;
  /** Decay ρ of the running mean square (default 0.9, as tfjs and TensorFlow; PyTorch uses 0.99). */
  rho?: number;
  /** Momentum μ (default 0). */
  momentum?: number;
  /** ε inside the square root (default 1e-8). */
  epsilon?: number;
  /** Divide by an estimate of the variance instead of the raw second moment (Graves 2013). */
  centered?: boolean;
}

/**
 * RMSprop (Tieleman & Hinton 2012, Coursera lecture 6.5; centered form: Graves 2013,
 * arXiv:1308.0850, eq. 38–45) as a pure update rule, in TensorFlow's formulation, which is tfjs':
 *
 *   s ← ρ·s + (1 − ρ)·g²
 *   c ← ρ·c + (1 − ρ)·g                              (centered only)
 *   d = s + ε   (plain)      d = s − c² + ε   (centered)
 *   a ← μ·a + η·g / √d
 *   θ ← θ − a
 *
 * ε sits INSIDE the root (PyTorch puts it outside: g / (√s + ε)), so tiny ε values behave
 * differently from PyTorch's. State: `ms/<path>` (s), `mg/<path>` (c, centered only) and
 * `mom/<path>` (a, only when μ > 0; with μ = 0, `a = η·g/√d` exactly, as tfjs computes it).
 *
 * Plain RMSprop performs `tf.train.rmsprop`'s operations in its order (bit-identical on cpu).
 * Centered RMSprop deliberately differs from tfjs 4.22, which computes √(s − (c² + ε)), i.e. it
 * SUBTRACTS ε (NaN once s − c² < ε); this uses TensorFlow's √(s − c² + ε). With ε = 0 the two
 * coincide, which is how the tests compare them.
 */
export function rmsprop(options: RmspropOptions): Optimizer {
  const { lr, rho = 0.9, momentum = 0, epsilon = 1e-8, centered = false } = options;
  checkHyper('rmsprop', 'lr', lr, 0, Infinity, false);
  checkHyper('rmsprop', 'rho', rho, 0, 1);
  checkHyper('rmsprop', 'momentum', momentum, 0, 1);
  checkHyper('rmsprop', 'epsilon', epsilon, 0, Infinity);
  const useMomentum = momentum > 0;
  return {
    name: 'rmsprop',
    init(params: ParamTree): ParamTree {
      return tf.tidy(() => ({
        ...zeroSlots('ms', params),
        ...(centered ? zeroSlots('mg', params) : {}),
        ...(useMomentum ? zeroSlots('mom', params) : {}),
      }));
    },
    update(grads: ParamTree, state: ParamTree, params: ParamTree) {
      return tf.tidy(() => {
        const newParams: ParamTree = {};
        const newState: ParamTree = {};
        for (const [path, value] of Object.entries(params)) {
          const msKey = slotKey('ms', path);
          const mgKey = slotKey('mg', path);
          const momKey = slotKey('mom', path);
          const ms = stateEntry('rmsprop', state, msKey);
          const mg = centered ? stateEntry('rmsprop', state, mgKey) : undefined;
          const mom = useMomentum ? stateEntry('rmsprop', state, momKey) : undefined;
          const g = grads[path];
          if (g === undefined) {
            newParams[path] = tf.clone(value);
            newState[msKey] = tf.clone(ms);
            if (mg) newState[mgKey] = tf.clone(mg);
            if (mom) newState[momKey] = tf.clone(mom);
            continue;
          }
          const ms1 = tf.add(tf.mul(ms, rho), tf.mul(tf.square(g), 1 - rho));
          let denominator: tf.Tensor;
          if (mg) {
            const mg1 = tf.add(tf.mul(mg, rho), tf.mul(g, 1 - rho));
            denominator = tf.add(tf.sub(ms1, tf.square(mg1)), epsilon);
            newState[mgKey] = mg1;
          } else {
            denominator = tf.add(ms1, epsilon);
          }
          const contribution = tf.div(tf.mul(g, lr), sqrtWithFiniteGradient(denominator));
          const mom1 = mom ? tf.add(tf.mul(mom, momentum), contribution) : contribution;
          newParams[path] = tf.sub(value, mom1);
          newState[msKey] = ms1;
          if (mom) newState[momKey] = mom1;
        }
        return { params: newParams, state: newState };
      });
    },
  };
}
