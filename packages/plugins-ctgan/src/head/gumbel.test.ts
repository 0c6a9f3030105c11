import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '@ganforge/core';
import { gumbelFromNormal, gumbelSoftmax, uniformFromNormal } from './gumbel.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const values = (t: tf.Tensor) => {
  const v = Array.from(t.dataSync());
  t.dispose();
  return v;
};

describe('gumbelFromNormal', () => {
  it('is −log(−log Φ(z)) (values from scipy.stats.norm.cdf)', () => {
    const z = tf.tensor1d([0, 1, -1, 2.5]);
    expect(values(uniformFromNormal(z))).toEqual(
      [0.5, 0.841344746, 0.158655254, 0.993790335].map((v) => expect.closeTo(v, 6)),
    );
    const g = values(gumbelFromNormal(z));
    [0.366512921, 1.755887941, -0.610320659, 5.078535381].forEach((v, i) => expect(g[i]).toBeCloseTo(v, 4));
    z.dispose();
  });

  it('stays finite in the float32 tails (u clamped to [1e-20, 1 − 2⁻²⁴])', () => {
    const z = tf.tensor1d([-40, -8, 8, 40]);
    const g = values(gumbelFromNormal(z));
    expect(g.every(Number.isFinite)).toBe(true);
    expect(g[0]).toBeCloseTo(-Math.log(-Math.log(1e-20)), 3);
    expect(g[3]).toBeCloseTo(-Math.log(-Math.log(1 - 2 ** -24)), 1);
    z.dispose();
  });

  it('has the Gumbel(0, 1) mean γ ≈ 0.5772 and variance π²/6 ≈ 1.645 on 20,000 normal draws', () => {
    const z = new Rng(3, 'gumbel').normalTensor([20_000]);
    const g = gumbelFromNormal(z);
    const { mean, variance } = tf.moments(g);
    expect(mean.dataSync()[0]).toBeCloseTo(0.5772, 1);
    expect(Math.abs(variance.dataSync()[0] - Math.PI ** 2 / 6)).toBeLessThan(0.06);
    tf.dispose([z, g, mean, variance]);
  });
});

describe('gumbelSoftmax', () => {
  const logits = () => tf.tensor2d([[1, 0.5, -1]]);
  const noise = () => tf.tensor2d([[-0.3, 0.4, 0.1]]);

  it('soft: softmax((l + g)/τ) on a fixed draw (τ = 0.2, hand-computed)', () => {
    const [l, g] = [logits(), noise()];
    const y = values(gumbelSoftmax(l, g, 0.2, false));
    [0.2689171597, 0.7309926286, 9.021165709e-5].forEach((v, i) => expect(y[i]).toBeCloseTo(v, 6));
    tf.dispose([l, g]);
  });

  it('hard: the one-hot of argmax(l + g), which the noise moves off argmax(l)', () => {
    const [l, g] = [logits(), noise()];
    expect(values(gumbelSoftmax(l, g, 0.2, true))).toEqual([0, 1, 0]);
    expect(values(gumbelSoftmax(l, undefined, 0.2, true))).toEqual([1, 0, 0]);
    tf.dispose([l, g]);
  });

  it('hard draws are softmax(l)-distributed (the Gumbel-max trick; 20,000 draws)', () => {
    const n = 20_000;
    const l = tf.tile(tf.tensor2d([[Math.log(0.6), Math.log(0.3), Math.log(0.1)]]), [n, 1]);
    const z = new Rng(11, 'gumbel-max').normalTensor([n, 3]);
    const g = gumbelFromNormal(z);
    const share = values(tf.mean(gumbelSoftmax(l, g, 0.2, true), 0));
    [0.6, 0.3, 0.1].forEach((p, i) => expect(Math.abs(share[i] - p)).toBeLessThan(0.012));
    tf.dispose([l, z, g]);
  });
});
