import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, Rng, type ParamTree } from '@ganforge/core';
import { checkParamGradient } from '@ganforge/core/testing';
import { conditionSpace } from '../condition/condition-space.js';
import { gumbelFromNormal } from '../head/gumbel.js';
import { activateSpans, headPlan } from '../head/span-activations.js';
import { handLayout, handRows } from '../test-helpers.js';
import { CtganGenerator, type CtganGeneratorSettings } from './ctgan-generator.js';
import { conditionCdf, drawConditionFromNormal } from './draw-condition.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const layout = handLayout();
const plan = headPlan(layout.spans, layout.width);
const conditions = conditionSpace(layout, handRows(10));

function generator(overrides: Partial<CtganGeneratorSettings> = {}, seed = 1): CtganGenerator {
  return new CtganGenerator(
    { embeddingDim: 4, hidden: [8, 6], tau: 0.2, plan, conditions, ...overrides },
    new Rng(seed, 'init'),
  );
}

const noise = (g: CtganGenerator, n: number, seed = 3) =>
  new Rng(seed, 'noise').normalTensor([n, g.latentDim]);
const condition = (slots: number[]) => tf.oneHot(tf.tensor1d(slots, 'int32'), 5).toFloat();

describe('CtganGenerator', () => {
  it('latent = embedding + Gumbel columns + 1 condition draw; residual params by path', () => {
    const g = generator();
    expect(g.latentDim).toBe(4 + 7 + 1);
    expect(g.outputShape).toEqual([9]);
    const shapes = Object.fromEntries(Object.entries(g.params).map(([k, v]) => [k, v.shape]));
    expect(shapes).toEqual({
      'layers/0/fc/kernel': [9, 8],
      'layers/0/fc/bias': [8],
      'layers/0/bn/gamma': [8],
      'layers/0/bn/beta': [8],
      'layers/1/fc/kernel': [17, 6],
      'layers/1/fc/bias': [6],
      'layers/1/bn/gamma': [6],
      'layers/1/bn/beta': [6],
      'layers/2/kernel': [23, 9],
      'layers/2/bias': [9],
    });
    expect(Object.keys(g.state).sort()).toEqual([
      'layers/0/bn/movingMean',
      'layers/0/bn/movingVariance',
      'layers/1/bn/movingMean',
      'layers/1/bn/movingVariance',
    ]);
    const plain = generator({ conditions: undefined });
    expect(plain.latentDim).toBe(4 + 7);
    plain.dispose();
    g.dispose();
  });

  it('x = head(l) with the Gumbel noise of z’s columns 4–10; soft in training, one-hot at inference', () => {
    const g = generator();
    const z = noise(g, 6);
    const cond = condition([0, 1, 2, 3, 4, 0]);
    const train = g.generate(z, { training: true, cond });
    const { logits } = g.logits(z, { training: true, cond });
    const gumbel = gumbelFromNormal(tf.slice(z, [0, 4], [6, 7]));
    const expected = activateSpans(logits, plan, gumbel, { tau: 0.2, hard: false });
    expect(train.x.arraySync()).toEqual(expected.arraySync());
    expect(train.logits.arraySync()).toEqual(logits.arraySync());
    const spanSums = (x: tf.Tensor) =>
      (x.arraySync() as number[][]).map((r) => [r[1] + r[2] + r[3], r[5] + r[6], r[7] + r[8]]);
    spanSums(train.x)
      .flat()
      .forEach((s) => expect(s).toBeCloseTo(1, 5));
    const sample = g.generate(z, { training: false, cond });
    for (const row of sample.x.arraySync() as number[][]) {
      for (const [a, b] of [
        [1, 4],
        [5, 7],
        [7, 9],
      ])
        expect(row.slice(a, b).sort()).toEqual([...Array(b - a - 1).fill(0), 1]);
      expect(Math.abs(row[0])).toBeLessThan(1);
    }
    tf.dispose([z, cond, train.x, train.logits, logits, gumbel, expected, sample.x, sample.logits]);
    tf.dispose(Object.values(train.state));
    g.dispose();
  });

  it('returns new batch-norm statistics in training without assigning them; reads them at inference', () => {
    const g = generator();
    const z = noise(g, 8);
    const before = g.state['layers/0/bn/movingMean'].arraySync();
    const out = g.generate(z, { training: true, cond: condition([0, 1, 2, 3, 4, 0, 1, 2]) });
    expect(out.state['layers/0/bn/movingMean'].arraySync()).not.toEqual(before);
    expect(g.state['layers/0/bn/movingMean'].arraySync()).toEqual(before);
    const inference = g.generate(z, { training: false });
    expect(inference.state['layers/0/bn/movingMean']).toBe(g.state['layers/0/bn/movingMean']);
    tf.dispose([z, out.x, out.logits, inference.x, inference.logits, ...Object.values(out.state)]);
    g.dispose();
  });

  it('without a condition, draws it from z’s last column with each slot’s share', () => {
    const g = generator();
    const z = noise(g, 6);
    const drawn = drawConditionFromNormal(tf.slice(z, [0, 11], [6, 1]), conditionCdf(conditions.counts));
    const a = g.logits(z, { training: false });
    const b = g.logits(z, { training: false, cond: drawn });
    expect(a.logits.arraySync()).toEqual(b.logits.arraySync());
    tf.dispose([z, drawn, a.logits, b.logits]);
    g.dispose();
  });

  it('honours substitute params; remembers the raw outputs of its samples while they live', () => {
    const g = generator();
    const z = noise(g, 4);
    const cond = condition([0, 3, 1, 4]);
    const own = g.generate(z, { training: false, cond });
    const same = g.generate(z, { training: false, cond, params: { ...g.params } });
    expect(same.x.arraySync()).toEqual(own.x.arraySync());
    const shifted: ParamTree = { ...g.params, 'layers/2/bias': tf.add(g.params['layers/2/bias'], 0.5) };
    const moved = g.generate(z, { training: false, cond, params: shifted });
    expect(moved.logits.arraySync()).not.toEqual(own.logits.arraySync());
    expect(g.logitsOf(own.x)).toBe(own.logits);
    expect(g.logitsOf(z)).toBeUndefined();
    own.logits.dispose();
    expect(g.logitsOf(own.x)).toBeUndefined();
    tf.dispose([z, cond, own.x, same.x, same.logits, moved.x, moved.logits, shifted['layers/2/bias']]);
    g.dispose();
  });

  it('conditionFor: n copies of the conditional vector of column = value; undefined for other columns', () => {
    const g = generator();
    const cond = g.conditionFor('d', 'true', 3)!;
    expect(cond.arraySync()).toEqual([
      [0, 0, 0, 0, 1],
      [0, 0, 0, 0, 1],
      [0, 0, 0, 0, 1],
    ]);
    expect(g.conditionFor('a', '0.5', 3)).toBeUndefined();
    const plain = generator({ conditions: undefined });
    expect(plain.conditionFor('d', 'true', 3)).toBeUndefined();
    plain.dispose();
    expect(() => g.conditionFor('b', 'w', 2)).toThrow('condition.b: "w" is not a value of \'b\'');
    cond.dispose();
    g.dispose();
  });

  it('rejects a wrong noise or condition shape with a ConfigError that says what is expected', () => {
    const g = generator();
    const z = tf.zeros([2, 5]);
    expect(() => g.generate(z, { training: false })).toThrow(ConfigError);
    expect(() => g.generate(z, { training: false })).toThrow(
      'ctgan generator: z must be [n, 12] (4 embedding + 7 Gumbel + 1 condition draw), got [2,5]',
    );
    const ok = noise(g, 2);
    const bad = tf.zeros([2, 4]);
    expect(() => g.generate(ok, { training: false, cond: bad })).toThrow(
      "ctgan generator: the condition must be [2, 5] (one-hot over the conditional vector's slots), got [2,4]",
    );
    tf.dispose([z, ok, bad]);
    g.dispose();
  });

  it('its gradient with respect to every param matches central finite differences (training mode)', () => {
    // Small and smooth enough for float32 differences: embedding 2, one residual block of 3, τ = 1.
    const g = generator({ embeddingDim: 2, hidden: [3], tau: 1 }, 7);
    const z = noise(g, 6, 5);
    const cond = condition([0, 1, 2, 3, 4, 1]);
    const w = new Rng(2, 'weights').normalTensor([6, 9]);
    const check = checkParamGradient(
      (params) => tf.sum(tf.mul(w, g.generate(z, { training: true, cond, params }).x)) as tf.Scalar,
      { ...g.params },
    );
    // fc [7, 3] + b, γ, β [3] each; output [10, 9] + [9]
    expect(check.analytic.length).toBe(7 * 3 + 3 * 3 + 10 * 9 + 9);
    expect(check.relativeError).toBeLessThan(2e-3);
    tf.dispose([z, cond, w]);
    g.dispose();
  });
});
