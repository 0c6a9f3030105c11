// Test helpers shared by this package's tests (not exported from the package).
import * as tf from '@tensorflow/tfjs';
import { Rng, type ParamTree } from '@ganforge/core';

/** ‖a − b‖₂ / ‖b‖₂ over all entries (TRAPS.md). */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let diff = 0;
  let norm = 0;
  for (let i = 0; i < b.length; i++) {
    diff += (a[i] - b[i]) ** 2;
    norm += b[i] ** 2;
  }
  return norm === 0 ? (diff === 0 ? 0 : Infinity) : Math.sqrt(diff / norm);
}

/** Reads a tensor's values and disposes it. */
export function take(t: tf.Tensor): Float32Array {
  const v = t.dataSync().slice() as Float32Array;
  t.dispose();
  return v;
}

/**
 * tf.grads of a scalar function of a param tree against central finite differences over every
 * entry (h = 1e-3 in float32, TRAPS.md); whole-tensor relative error.
 */
export function gradientVsFiniteDifferences(
  f: (params: ParamTree) => tf.Scalar,
  params: ParamTree,
  h = 1e-3,
): { analytic: Float32Array; numeric: Float32Array; relativeError: number } {
  const keys = Object.keys(params).sort();
  const grads = tf.tidy(() =>
    // 0·Σp connects params the function does not depend on (R1 ignores the output bias): their gradient is 0.
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
  const numeric: number[] = [];
  const evalWith = (key: string, values: Float32Array): number =>
    take(tf.tidy(() => f({ ...params, [key]: tf.tensor(values, params[key].shape, 'float32') })))[0];
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

/** Copies of every tensor's values, to compare variables before and after. */
export function snapshot(tree: ParamTree): Record<string, Float32Array> {
  return Object.fromEntries(Object.entries(tree).map(([k, t]) => [k, t.dataSync().slice() as Float32Array]));
}

/** Largest singular value of a row-major [rows, cols] matrix by 500 float64 power iterations. */
export function largestSingularValue(values: ArrayLike<number>, rows: number, cols: number): number {
  const rng = new Rng(99, 'svd');
  let v = Array.from({ length: cols }, () => rng.normal());
  let sigma = 0;
  for (let it = 0; it < 500; it++) {
    const u = new Array<number>(rows).fill(0);
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) u[r] += values[r * cols + c] * v[c];
    const nu = Math.hypot(...u);
    const w = new Array<number>(cols).fill(0);
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) w[c] += values[r * cols + c] * (u[r] / nu);
    sigma = Math.hypot(...w);
    v = w.map((x) => x / sigma);
  }
  return sigma;
}

/** A minimal BuildContext for building networks in tests. */
export function buildContext(sampleShape: number[], latentDim = 4, seed = 1) {
  return { rng: new Rng(seed, 'init'), latentDim, sampleShape };
}
