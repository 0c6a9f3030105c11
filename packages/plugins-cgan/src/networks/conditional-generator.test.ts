import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, DataError, installGradientFixes, Rng } from '@ganforge/core';
import { relativeError, tensorDelta } from '@ganforge/core/testing';
import { conditionalGeneratorComponent, conditionalGeneratorOptionsSchema } from '../components.js';
import { oneHotLabels } from '../conditioning/one-hot-labels.js';
import { tinyContext, values } from '../test-helpers.js';
import { ConditionalGenerator } from './conditional-generator.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

function build(mode: 'concat' | 'embedding', embeddingDim?: number): ConditionalGenerator {
  const options = conditionalGeneratorOptionsSchema.parse({ inner: { kind: 'tiny' }, mode, embeddingDim });
  return conditionalGeneratorComponent.create(options, tinyContext(3, [2], 4)) as ConditionalGenerator;
}

describe('conditional generator', () => {
  it('concat: inner latent size z + K, params under inner/, output = inner([z ; onehot(y)])', () => {
    const g = build('concat');
    expect(g.latentDim).toBe(3);
    expect(g.inner.latentDim).toBe(7);
    expect(g.outputShape).toEqual([2]);
    expect(Object.keys(g.params).sort()).toEqual([
      'inner/layers/0/bias',
      'inner/layers/0/kernel',
      'inner/layers/1/bias',
      'inner/layers/1/kernel',
    ]);
    expect(g.params['inner/layers/0/kernel'].shape).toEqual([7, 8]);
    const z = new Rng(2).normalTensor([5, 3]);
    const y = oneHotLabels([0, 1, 2, 3, 1], 4);
    const out = g.generate(z, { training: true, cond: y });
    expect(out.x.shape).toEqual([5, 2]);
    const direct = g.inner.generate(tf.concat([z, y], 1), { training: true }).x;
    expect(values(out.x)).toEqual(values(direct));
    // the label changes the sample: same z, another class
    const other = g.generate(z, { training: true, cond: oneHotLabels([3, 2, 1, 0, 0], 4) }).x;
    expect(relativeError(values(other), values(out.x))).toBeGreaterThan(0.01);
    g.dispose();
  });

  it('embedding: table at embedding/table [K, d]; output = inner([z ; yᵀE]); only used rows get gradient', () => {
    const g = build('embedding', 5);
    expect(g.inner.latentDim).toBe(8);
    expect(g.params['embedding/table'].shape).toEqual([4, 5]);
    const z = new Rng(3).normalTensor([3, 3]);
    const y = oneHotLabels([0, 2, 2], 4);
    const x = g.generate(z, { training: true, cond: y }).x;
    const e = tf.gather(g.params['embedding/table'], [0, 2, 2]);
    expect(values(x)).toEqual(values(g.inner.generate(tf.concat([z, e], 1), { training: true }).x));
    const { grads } = tf.variableGrads(
      () => tf.sum(g.generate(z, { training: true, cond: y }).x) as tf.Scalar,
      [g.params['embedding/table']],
    );
    const rows = tf.sum(tf.abs(Object.values(grads)[0]), 1).arraySync() as number[];
    expect(rows[0]).toBeGreaterThan(0);
    expect(rows[2]).toBeGreaterThan(0);
    expect(rows[1]).toBe(0);
    expect(rows[3]).toBe(0);
    g.dispose();
  });

  it('runs on substitute params (inner and table) and refuses a substitute that lacks a path', () => {
    const g = build('embedding');
    const z = new Rng(4).normalTensor([2, 3]);
    const y = oneHotLabels([1, 3], 4);
    const doubled = Object.fromEntries(Object.entries(g.params).map(([k, v]) => [k, tf.mul(v, 2)]));
    const sub = g.generate(z, { training: true, cond: y, params: doubled }).x;
    const innerParams = Object.fromEntries(
      Object.entries(doubled)
        .filter(([k]) => k.startsWith('inner/'))
        .map(([k, v]) => [k.slice(6), v]),
    );
    const e = tf.gather(doubled['embedding/table'], [1, 3]);
    const expected = g.inner.generate(tf.concat([z, e], 1), { training: true, params: innerParams }).x;
    expect(values(sub)).toEqual(values(expected));
    expect(relativeError(values(sub), values(g.generate(z, { training: true, cond: y }).x))).toBeGreaterThan(
      0.01,
    );
    const { ['embedding/table']: _dropped, ...partial } = doubled;
    expect(() => g.generate(z, { training: true, cond: y, params: partial })).toThrow(
      /substitute params lack 1 path\(s\): embedding\/table/,
    );
    g.dispose();
  });

  it('errors: no labels in training, wrong number of classes, out-of-range rows; inference without labels cycles the classes', () => {
    const g = build('concat');
    const z = new Rng(5).normalTensor([6, 3]);
    expect(() => g.generate(z, { training: true })).toThrow(DataError);
    expect(() => g.generate(z, { training: true })).toThrow(/no class labels .* use labelled data/);
    expect(() => g.generate(z, { training: true, cond: tf.ones([6, 3]) })).toThrow(
      /have 3 classes, but the network was built for 4 .*numClasses differs/,
    );
    expect(() => g.generate(z, { training: true, cond: oneHotLabels([0, 1], 4) })).toThrow(
      /2 labels for a batch of 6/,
    );
    const outOfRange = tf.oneHot(tf.tensor1d([0, 1, 7, 2, 3, 0], 'int32'), 4).toFloat();
    expect(() => g.generate(z, { training: false, cond: outOfRange })).toThrow(
      /label out of range: row 2 .* sums to 0/,
    );
    const cycled = g.generate(z, { training: false }).x;
    expect(values(cycled)).toEqual(
      values(g.generate(z, { training: false, cond: oneHotLabels([0, 1, 2, 3, 0, 1], 4) }).x),
    );
    expect(() => oneHotLabels([0, 4], 4)).toThrow(/labels\[1\] is 4, expected an integer class in \[0, 3\]/);
    expect(() => oneHotLabels([1.5], 4)).toThrow(DataError);
    expect(() => new ConditionalGenerator(g.inner, 2, { mode: 'concat', numClasses: 4 }, new Rng(1))).toThrow(
      ConfigError,
    );
    g.dispose();
  });

  it('a forward pass leaves no tensor behind', async () => {
    const g = build('embedding');
    const z = new Rng(6).normalTensor([4, 3]);
    const y = oneHotLabels([0, 1, 2, 3], 4);
    g.generate(z, { training: true, cond: y }).x.dispose();
    expect(await tensorDelta(() => g.generate(z, { training: true, cond: y }).x.dispose())).toBe(0);
    expect(await tensorDelta(() => g.generate(z, { training: false }).x.dispose())).toBe(0);
    const n = tf.memory().numTensors;
    g.dispose();
    expect(tf.memory().numTensors).toBe(n - 5);
  });
});
