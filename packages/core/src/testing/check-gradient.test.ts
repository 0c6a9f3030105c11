import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkGradient, relativeError } from './check-gradient.js';
import { expectNoTensorLeak, tensorDelta } from './expect-no-tensor-leak.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('checkGradient', () => {
  it('agrees with known gradients: d/dx Σx³ = 3x², d/dx Σsin(x)·x = sin x + x cos x', () => {
    const x = tf.tensor([0.3, -1.2, 0.7, 2.0]);
    const cube = checkGradient((t) => tf.sum(tf.pow(t, 3)), x);
    expect(Array.from(cube.analytic)).toEqual(Array.from(tf.mul(3, tf.square(x)).dataSync()));
    expect(cube.relativeError).toBeLessThan(1e-3);
    const trig = checkGradient((t) => tf.sum(tf.mul(tf.sin(t), t)), x);
    const v = x.dataSync();
    const expected = Array.from(v, (xi) => Math.sin(xi) + xi * Math.cos(xi));
    expect(relativeError(trig.numeric, expected)).toBeLessThan(1e-3);
    expect(trig.relativeError).toBeLessThan(1e-3);
  });

  it('detects a deliberately wrong gradient (2x reported as x)', () => {
    const wrongSquare = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
      const [t, save] = args as [tf.Tensor, tf.GradSaveFunc];
      save([t]);
      return {
        value: tf.sum(tf.square(t)),
        gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => tf.mul(dy as tf.Tensor, saved[0]),
      };
    });
    const result = checkGradient((t) => wrongSquare(t) as tf.Scalar, tf.tensor([0.5, -1, 2]));
    expect(result.relativeError).toBeGreaterThan(0.4);
    expect(result.relativeError).toBeCloseTo(0.5, 3);
  });

  it('relativeError is the whole-tensor ratio ‖a − b‖ / ‖b‖', () => {
    expect(relativeError([3, 4], [3, 4])).toBe(0);
    expect(relativeError([0, 0], [3, 4])).toBe(1);
    expect(relativeError([1], [0])).toBe(Infinity);
  });
});

describe('expectNoTensorLeak', () => {
  it('passes a step that frees what it makes and fails one that keeps a tensor per step', async () => {
    const kept: tf.Tensor[] = [];
    const clean = await expectNoTensorLeak(() => tf.tidy(() => tf.add(tf.ones([3]), 1)).dispose());
    expect(clean.counts[20]).toBe(clean.counts[120]);
    await expect(expectNoTensorLeak(() => kept.push(tf.ones([2])))).rejects.toThrow(
      /step 20: \d+, step 70: \d+, step 120: \d+/,
    );
    tf.dispose(kept);
  });

  it('tensorDelta counts the tensors a call leaves behind', async () => {
    let t: tf.Tensor | undefined;
    expect(await tensorDelta(() => (t = tf.zeros([1])))).toBe(1);
    t?.dispose();
  });
});
