import * as tf from '@tensorflow/tfjs';
import type { ParamTree } from '../types/network.js';
import type { Optimizer } from '../types/optimizer.js';
import { checkHyper, slotKey, stateEntry, zeroSlots } from './slots.js';

/** Options of {@link sgd}. */
export interface SgdOptions {
  /** Learning rate η. */
  lr: number;
  /** Momentum μ (default 0: plain gradient descent, no state). */
  momentum?: number;
  /** Nesterov momentum (Sutskever et al. 2013) instead of heavy-ball (default false). */
  nesterov?: boolean;
}

/**
 * Stochastic gradient descent, optionally with momentum, as a pure update rule.
 *
 * Without momentum: θ ← θ − η·g (state is empty).
 *
 * With momentum μ > 0 (Polyak 1964; Nesterov form as in Sutskever et al. 2013, ICML, and
 * `tf.train.momentum`), with the accumulator stored under `momentum/<path>`:
 *
 *   a ← μ·a + g
 *   θ ← θ − η·a                (heavy ball)
 *   θ ← θ − η·(g + μ·a)        (nesterov)
 *
 * Operations and their order are those of `tf.train.sgd` / `tf.train.momentum`, so the two agree
 * on cpu to the last bit. Note the accumulator holds gradients, not steps (PyTorch's convention
 * too), so changing η mid-run rescales the whole velocity.
 */
export function sgd(options: SgdOptions): Optimizer {
  const { lr, momentum = 0, nesterov = false } = options;
  checkHyper('sgd', 'lr', lr, 0, Infinity, false);
  checkHyper('sgd', 'momentum', momentum, 0, 1);
  const useMomentum = momentum > 0 || nesterov;
  return {
    name: 'sgd',
    init(params: ParamTree): ParamTree {
      return useMomentum ? tf.tidy(() => zeroSlots('momentum', params)) : {};
    },
    update(grads: ParamTree, state: ParamTree, params: ParamTree) {
      return tf.tidy(() => {
        const newParams: ParamTree = {};
        const newState: ParamTree = {};
        const c = -lr;
        for (const [path, value] of Object.entries(params)) {
          const key = slotKey('momentum', path);
          const a = useMomentum ? stateEntry('sgd', state, key) : undefined;
          const g = grads[path];
          if (g === undefined) {
            newParams[path] = tf.clone(value);
            if (a) newState[key] = tf.clone(a);
            continue;
          }
          if (!a) {
            newParams[path] = tf.add(tf.mul(c, g), value);
            continue;
          }
          const a1 = tf.add(tf.mul(momentum, a), g);
          newParams[path] = nesterov
            ? tf.add(tf.mul(c, tf.add(g, tf.mul(a1, momentum))), value)
            : tf.add(tf.mul(c, a1), value);
          newState[key] = a1;
        }
        return { params: newParams, state: newState };
      });
    },
  };
}
