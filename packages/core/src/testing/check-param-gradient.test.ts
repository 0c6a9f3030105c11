import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkParamGradient } from './check-param-gradient.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('checkParamGradient', () => {
  it('gives ∂/∂W Σ W² = 2W, ∂/∂b Σ b = 1, and 0 for an unused param, matching finite differences', () => {
    const params = { w: tf.tensor([0.5, -1.5]), b: tf.tensor([2, 3]), unused: tf.tensor([7]) };
    const r = checkParamGradient((p) => tf.add(tf.sum(tf.square(p.w)), tf.sum(p.b)) as tf.Scalar, params);
    // Sorted path order: b, unused, w.
    expect(Array.from(r.analytic)).toEqual([1, 1, 0, 1, -3]);
    expect(r.relativeError).toBeLessThan(1e-3);
    tf.dispose(Object.values(params));
  });
});
