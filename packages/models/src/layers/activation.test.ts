import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { installGradientFixes, Rng } from '@ganforge/core';
import { activation, activationNameSchema, leakyRelu } from './activation.js';
import { gradientVsFiniteDifferences, relativeError, take } from '../test-utils.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

// Inputs at least 0.3 from relu/elu/selu kinks, so h = 1e-3 never crosses one.
const X = [-1.7, -0.6, -0.3, 0.4, 1.3, 2.1];

describe('activations', () => {
  it('compute their formulas', () => {
    const x = tf.tensor1d([-2, 0.5]);
    const at = (name: Parameters<typeof activation>[0]) => Array.from(take(activation(name)(x)));
    expect(at('leaky-relu')).toEqual([expect.closeTo(-0.4, 6), expect.closeTo(0.5, 6)]);
    expect(at('relu')).toEqual([0, 0.5]);
    expect(at('sigmoid')[0]).toBeCloseTo(1 / (1 + Math.exp(2)), 6);
    expect(at('softplus')[1]).toBeCloseTo(Math.log1p(Math.exp(0.5)), 6);
    expect(at('elu')[0]).toBeCloseTo(Math.exp(-2) - 1, 6);
    expect(at('selu')[0]).toBeCloseTo(1.0507009873554805 * 1.6732632423543772 * (Math.exp(-2) - 1), 5);
    expect(Array.from(take(leakyRelu(x, 0.1)))).toEqual([expect.closeTo(-0.2, 6), expect.closeTo(0.5, 6)]);
    x.dispose();
  });

  for (const name of activationNameSchema.options) {
    // linear's derivative is a constant: f'' = 0 needs no check, its penalty test below covers it.
    if (name !== 'linear')
      it(`${name}: second derivative matches finite differences of the first`, () => {
        const f = activation(name);
        const x = tf.tensor1d(X);
        const c = tf.tensor1d([0.7, -1.1, 0.4, 1.9, -0.5, 0.8]);
        // d/dx Σ c·f'(x) = c·f''(x), analytic (second order) vs central differences of f'
        const firstDerivative = (t: tf.Tensor) =>
          tf.sum(tf.mul(c, tf.grad((u: tf.Tensor) => tf.sum(f(u)))(t))) as tf.Scalar;
        const { relativeError: err, numeric } = gradientVsFiniteDifferences((p) => firstDerivative(p.x), {
          x,
        });
        const analytic = take(tf.grad(firstDerivative)(x));
        if (name === 'relu' || name === 'leaky-relu') {
          expect(Array.from(analytic).every((v) => v === 0)).toBe(true);
          expect(Math.max(...Array.from(numeric).map(Math.abs))).toBeLessThan(1e-3);
        } else {
          console.log(`${name}: f'' vs FD relative error ${err.toExponential(2)}`);
          expect(err).toBeLessThan(5e-3);
        }
        tf.dispose([x, c]);
      });

    it(`${name}: a gradient penalty through it has exact parameter gradients (second order)`, () => {
      const f = activation(name);
      const rng = new Rng(5, name);
      const x = tf.tensor2d([-1.2, 0.4, 0.9, -0.5, 0.3, 1.1], [3, 2]);
      const w1 = rng.normalTensor([2, 4]);
      const w2 = rng.normalTensor([4, 1]);
      const pre = take(tf.matMul(x, w1));
      expect(Math.min(...Array.from(pre).map(Math.abs))).toBeGreaterThan(0.02); // away from kinks
      // P(W) = mean over samples of ‖∇ₓ D(x)‖², D(x) = f(x·W₁)·W₂
      const penalty = (p: Record<string, tf.Tensor>) => {
        const gx = tf.grad((u: tf.Tensor) => tf.sum(tf.matMul(f(tf.matMul(u, p.w1)), p.w2)))(x);
        return tf.mean(tf.sum(tf.square(gx), 1)) as tf.Scalar;
      };
      const { relativeError: err } = gradientVsFiniteDifferences(penalty, { w1, w2 });
      console.log(`${name}: gradient-penalty ∂/∂W relative error ${err.toExponential(2)}`);
      expect(err).toBeLessThan(5e-3);
      tf.dispose([x, w1, w2]);
    });
  }

  it('leaky-relu equals max(x, αx) and tf.leakyRelu', () => {
    const x = new Rng(3).normalTensor([50]);
    expect(relativeError(take(leakyRelu(x, 0.2)), take(tf.leakyRelu(x, 0.2)))).toBeLessThan(1e-7);
    x.dispose();
  });
});
