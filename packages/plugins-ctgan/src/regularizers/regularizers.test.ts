import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, Rng, type LossContext } from '@ganforge/core';
import { tinyMlpGenerator } from '@ganforge/core/testing';
import { conditionCrossEntropy } from '../condition/condition-loss.js';
import { conditionSpace } from '../condition/condition-space.js';
import { headPlan } from '../head/span-activations.js';
import { CtganGenerator } from '../networks/ctgan-generator.js';
import { handLayout, handRows } from '../test-helpers.js';
import { conditionLossRegularizer } from './condition-loss-regularizer.js';
import { halfSquaredNorm, weightDecayRegularizer } from './weight-decay.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('weight-decay', () => {
  it('λ·½‖θ‖² over every tensor of the target network (hand-computed: ½(1 + 4 + 9 + 0.25) = 7.125)', () => {
    const params = {
      'a/kernel': tf.tensor2d([
        [1, -2],
        [3, 0],
      ]),
      'a/bias': tf.tensor1d([0.5]),
    };
    expect(halfSquaredNorm(params).dataSync()[0]).toBeCloseTo(7.125, 6);
    const g = weightDecayRegularizer('generator', 1e-6);
    const d = weightDecayRegularizer('discriminator', 1e-6);
    expect([g.name, g.target, g.weight, d.name, d.target]).toEqual([
      'weight-decay-generator',
      'generator',
      1e-6,
      'weight-decay-discriminator',
      'discriminator',
    ]);
    const ctx = { gParams: params, dParams: { w: tf.tensor1d([2]) } } as unknown as LossContext;
    expect(g.penalty(ctx).dataSync()[0]).toBeCloseTo(7.125, 6);
    expect(d.penalty(ctx).dataSync()[0]).toBeCloseTo(2, 6);
    // its gradient is λθ: PyTorch Adam's weight_decay
    const grad = tf.grad((w: tf.Tensor) => halfSquaredNorm({ w }))(tf.tensor1d([3, -1]));
    expect(Array.from(grad.dataSync())).toEqual([3, -1]);
  });
});

describe('condition-cross-entropy', () => {
  const layout = handLayout();
  const conditions = conditionSpace(layout, handRows(10));
  const generator = () =>
    new CtganGenerator(
      { embeddingDim: 3, hidden: [5], tau: 0.2, plan: headPlan(layout.spans, layout.width), conditions },
      new Rng(1, 'init'),
    );

  it('is the condition loss of the generator’s raw outputs, read from the sample or recomputed alike', () => {
    const g = generator();
    const z = new Rng(2, 'noise').normalTensor([6, g.latentDim]);
    const cond = tf.oneHot(tf.tensor1d([0, 1, 2, 3, 4, 2], 'int32'), 5).toFloat();
    const out = g.generate(z, { training: true, cond });
    const expected = conditionCrossEntropy(out.logits, cond, conditions).dataSync()[0];
    const reg = conditionLossRegularizer();
    expect([reg.name, reg.target, reg.weight]).toEqual(['condition-cross-entropy', 'generator', 1]);
    const ctx = { g, z, cond, fake: out.x, gParams: { ...g.params } } as unknown as LossContext;
    expect(reg.penalty(ctx).dataSync()[0]).toBe(expected);
    const recomputed = reg.penalty({ ...ctx, fake: tf.clone(out.x) }).dataSync()[0];
    expect(recomputed).toBeCloseTo(expected, 6);
    expect(reg.penalty({ ...ctx, cond: undefined }).dataSync()[0]).toBe(0);
    g.dispose();
  });

  it('another generator is a ConfigError at generator.kind', () => {
    const g = tinyMlpGenerator(2, [9], new Rng(1, 'init'), { hidden: [4] });
    const ctx = { g, cond: tf.zeros([2, 5]) } as unknown as LossContext;
    expect(() => conditionLossRegularizer().penalty(ctx)).toThrow(ConfigError);
    expect(() => conditionLossRegularizer().penalty(ctx)).toThrow(
      'regularizer condition-cross-entropy: needs the ctgan generator (generator: { kind: ctgan }), whose raw outputs it reads',
    );
    g.dispose();
  });
});
