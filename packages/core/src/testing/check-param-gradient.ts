import * as tf from '@tensorflow/tfjs';
import type { ParamTree } from '../types/network.js';
import { relativeError, type GradientCheck } from './check-gradient.js';

/**
 * {@link checkGradient} for a scalar function of a whole parameter tree: `tf.grads` over every
 * tensor (in sorted path order) against central finite differences over every entry (h = 1e-3 in
 * float32, TRAPS.md), with the whole-tensor relative error. Params the function does not depend
 * on get gradient 0 (they are connected through 0·Σp). Keep the tree small: this costs 2 forward
 * evaluations per entry.
 */
export function checkParamGradient(
  f: (params: ParamTree) => tf.Scalar,
  params: ParamTree,
  h = 1e-3,
): GradientCheck {
  const keys = Object.keys(params).sort();
  const grads = tf.tidy(() =>
    tf.grads(
      (...ts: tf.Tensor[]) =>
        ts.reduce(
          (acc, t) => tf.add(acc, tf.mul(0, tf.sum(t))),
          f(Object.fromEntries(keys.map((k, i) => [k, ts[i]]))),
        ) as tf.Scalar,
    )(keys.map((k) => params[k])),
  );
  const analytic = Float32Array.from(grads.flatMap((g) => Array.from(g.dataSync())));
  tf.dispose(grads);
  const evalWith = (key: string, values: Float32Array): number => {
    const y = tf.tidy(() => f({ ...params, [key]: tf.tensor(values, params[key].shape, 'float32') }));
    const v = y.dataSync()[0];
    y.dispose();
    return v;
  };
  const numeric: number[] = [];
  for (const key of keys) {
    const base = params[key].dataSync().slice() as Float32Array;
    for (let i = 0; i < base.length; i++) {
      const plus = base.slice();
      plus[i] += h;
      const minus = base.slice();
      minus[i] -= h;
      numeric.push((evalWith(key, plus) - evalWith(key, minus)) / (2 * h));
    }
  }
  const num = Float32Array.from(numeric);
  return { analytic, numeric: num, relativeError: relativeError(analytic, num) };
}
