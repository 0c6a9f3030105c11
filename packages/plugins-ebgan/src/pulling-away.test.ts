import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { installGradientFixes, Rng, TrainingError, type LossContext } from '@ganforge/core';
import { checkGradient, tensorDelta } from '@ganforge/core/testing';
import { pullingAwayOptionsSchema, pullingAwayRegularizer, pullingAwayTerm } from './pulling-away.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

function read(t: tf.Tensor): number {
  const v = t.dataSync()[0];
  t.dispose();
  return v;
}

/** f_PT by the formula, in plain JS (float64). */
function handPt(rows: number[][]): number {
  const n = rows.length;
  const dot = (a: number[], b: number[]) => a.reduce((s, v, k) => s + v * b[k], 0);
  let sum = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      if (i !== j)
        sum += (dot(rows[i], rows[j]) / Math.sqrt(dot(rows[i], rows[i]) * dot(rows[j], rows[j]))) ** 2;
  return sum / (n * (n - 1));
}

describe('pulling-away term', () => {
  it('is 0 for orthogonal codes and 1 for identical (or parallel) codes', () => {
    const orthogonal = tf.tensor2d([
      [2, 0, 0, 0],
      [0, -3, 0, 0],
      [0, 0, 0.5, 0],
      [0, 0, 0, 1],
    ]);
    expect(read(pullingAwayTerm(orthogonal))).toBe(0);
    const rotated = tf.tensor2d([
      [1, 1],
      [1, -1],
    ]);
    expect(read(pullingAwayTerm(rotated))).toBeCloseTo(0, 7);
    const identical = tf.tile(tf.tensor2d([[0.3, -1.2, 0.7]]), [5, 1]);
    expect(read(pullingAwayTerm(identical))).toBeCloseTo(1, 6);
    const parallel = tf.tensor2d([
      [1, 2],
      [-2, -4],
      [0.5, 1],
    ]);
    expect(read(pullingAwayTerm(parallel))).toBeCloseTo(1, 6);
    tf.dispose([orthogonal, rotated, identical, parallel]);
  });

  it('matches the formula on random codes, flattening [N, …] codes', () => {
    const rows = Array.from({ length: 6 }, (_, i) => Array.from(new Rng(10 + i).normalArray(4)));
    const codes = tf.tensor2d(rows);
    expect(read(pullingAwayTerm(codes))).toBeCloseTo(handPt(rows), 6);
    const asMaps = tf.reshape(codes, [6, 2, 2, 1]);
    expect(read(pullingAwayTerm(asMaps))).toBeCloseTo(handPt(rows), 6);
    tf.dispose([codes, asMaps]);
  });

  it('its gradient matches finite differences (relative error < 1e-2)', () => {
    const codes = new Rng(3).normalTensor([5, 4]);
    const check = checkGradient((s) => pullingAwayTerm(s), codes);
    expect(check.relativeError).toBeLessThan(1e-2);
    expect(Math.max(...Array.from(check.numeric).map(Math.abs))).toBeGreaterThan(1e-2);
    codes.dispose();
  });

  it('is NaN-free at a zero code (value and gradient), which then counts as orthogonal to all', () => {
    const codes = tf.tensor2d([
      [0, 0, 0],
      [1, 2, 3],
      [1, 2, 3],
    ]);
    // only the pair (1, 2) and (2, 1) are parallel: 2 / (3·2)
    expect(read(pullingAwayTerm(codes))).toBeCloseTo(1 / 3, 6);
    const grad = tf.grad((s: tf.Tensor) => pullingAwayTerm(s))(codes);
    expect(Array.from(grad.dataSync()).every(Number.isFinite)).toBe(true);
    tf.dispose([codes, grad]);
  });

  it('refuses a batch of one code with a TrainingError', () => {
    const one = tf.ones([1, 3]);
    expect(() => pullingAwayTerm(one)).toThrow(TrainingError);
    expect(() => pullingAwayTerm(one)).toThrow(
      'the pulling-away term needs a batch of at least 2 codes, got 1',
    );
    one.dispose();
  });

  it('as a regularizer: G-side, weight 0.1 by default, applied to ctx.fakeOut.features, no tensors left', async () => {
    expect(pullingAwayOptionsSchema.parse({})).toEqual({ weight: 0.1 });
    expect(pullingAwayOptionsSchema.safeParse({ weight: -1 }).success).toBe(false);
    const reg = pullingAwayRegularizer();
    expect(reg).toMatchObject({ name: 'pulling-away', target: 'generator', weight: 0.1 });
    expect(pullingAwayRegularizer({ weight: 0.5 }).weight).toBe(0.5);
    const features = tf.tensor2d([
      [1, 0],
      [1, 0],
    ]);
    const ctx = { fakeOut: { score: tf.zeros([2, 1]), features } } as unknown as LossContext;
    const delta = await tensorDelta(() => read(reg.penalty(ctx)));
    expect(delta).toBe(0);
    expect(read(reg.penalty(ctx))).toBeCloseTo(1, 6);
    tf.dispose([features, ctx.fakeOut.score]);
  });
});
