// Test helpers shared by this package's tests (not exported from the package).
import * as tf from '@tensorflow/tfjs';
export { relativeError, checkParamGradient as gradientVsFiniteDifferences } from '@ganforge/core/testing';
import { Rng, type ParamTree } from '@ganforge/core';

/** Reads a tensor's values and disposes it. */
export function take(t: tf.Tensor): Float32Array {
  const v = t.dataSync().slice() as Float32Array;
  t.dispose();
  return v;
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
