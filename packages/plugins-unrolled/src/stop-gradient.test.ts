import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { stopGradient } from './stop-gradient.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('stopGradient', () => {
  it('keeps the values and cuts the gradient: d/dx Σ(sg(x)·x) = x, not 2x', () => {
    const x = tf.tensor([1, -2, 3]);
    const g = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(stopGradient(t), t)) as tf.Scalar)(x);
    expect(Array.from(g.dataSync())).toEqual([1, -2, 3]);
    const y = stopGradient(x);
    expect(Array.from(y.dataSync())).toEqual([1, -2, 3]);
    tf.dispose([g, y, x]);
  });

  it('drops everything upstream from the tape: a kernel with no gradient before it is never differentiated', () => {
    const noGradient = (t: tf.Tensor) => tf.cast(tf.greater(t, 0), 'float32'); // Greater has no gradient in plain tfjs
    const f = (x: tf.Tensor) => tf.sum(tf.mul(stopGradient(tf.mul(noGradient(x), x)), x)) as tf.Scalar;
    const x = tf.tensor([1, -2, 3]);
    const g = tf.grad(f)(x);
    expect(Array.from(g.dataSync()).map((v) => v + 0)).toEqual([1, 0, 3]);
    // Without the cut, the backward pass reaches Greater and fails.
    expect(() =>
      tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.mul(noGradient(t), t), t)) as tf.Scalar)(x),
    ).toThrow(/Greater/);
    tf.dispose([g, x]);
  });

  it('shares the buffer safely: disposing either tensor leaves the other readable, and nothing leaks', () => {
    const before = tf.memory().numTensors;
    const x = tf.tensor([4, 5]);
    const y = stopGradient(x);
    y.dispose();
    expect(Array.from(x.dataSync())).toEqual([4, 5]);
    const z = stopGradient(x);
    x.dispose();
    expect(Array.from(z.dataSync())).toEqual([4, 5]);
    z.dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.tidy(() => {
      stopGradient(tf.ones([3]));
    });
    expect(tf.memory().numTensors).toBe(before);
  });
});
