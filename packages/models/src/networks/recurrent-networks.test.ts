import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, DataError, installGradientFixes, Rng, type ParamTree } from '@ganforge/core';
import { tensorDelta } from '@ganforge/core/testing';
import { subTree } from '../layers/layer.js';
import { rnnDiscriminator } from './recurrent-discriminator.js';
import { rnnGenerator } from './recurrent-generator.js';
import { rnnDiscriminatorOptionsSchema, rnnGeneratorOptionsSchema } from './recurrent-options.js';
import { gradientVsFiniteDifferences, relativeError, snapshot, take } from '../test-utils.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

function ctx(sampleShape: number[], latentDim = 12, numClasses?: number, seed = 1) {
  return { rng: new Rng(seed, 'init'), latentDim, sampleShape, numClasses };
}

function shapes(tree: ParamTree): Record<string, number[]> {
  return Object.fromEntries(Object.entries(tree).map(([k, t]) => [k, t.shape]));
}

const oneHot = (labels: number[], k: number) => tf.oneHot(tf.tensor1d(labels, 'int32'), k).toFloat();

describe('rnn generator', () => {
  it('per-step noise: z [n, window·d] → [n, window, channels] through GRU layers and a per-step dense head', () => {
    // window 6, 2 channels, latentDim 12 → d = 2 noise values per step
    const g = rnnGenerator({ hidden: [4, 3] }, ctx([6, 2]));
    expect(g.latentDim).toBe(12);
    expect(g.outputShape).toEqual([6, 2]);
    expect(g.settings).toEqual({ window: 6, noise: 'per-step', noisePerStep: 2, condDim: 0 });
    expect(shapes(g.params)).toEqual({
      'layers/0/kernel': [2, 12],
      'layers/0/recurrentKernel': [4, 12],
      'layers/0/bias': [12],
      'layers/0/recurrentBias': [12],
      'layers/1/kernel': [4, 9],
      'layers/1/recurrentKernel': [3, 9],
      'layers/1/bias': [9],
      'layers/1/recurrentBias': [9],
      'layers/2/kernel': [3, 2],
      'layers/2/bias': [2],
    });
    const x = g.generate(new Rng(2).normalTensor([5, 12]), { training: true }).x;
    expect(x.shape).toEqual([5, 6, 2]);
    expect(Math.max(...Array.from(take(x)).map(Math.abs))).toBeLessThan(1); // tanh
    g.dispose();
  });

  it('is causal and length-agnostic: generateSteps on 3× the noise gives 3× the steps, whose first window is generate()', () => {
    for (const cell of ['gru', 'lstm'] as const) {
      const g = rnnGenerator({ cell, hidden: [5] }, ctx([6, 2]));
      expect(g.noiseShape(4, 18)).toEqual([4, 36]);
      const z = new Rng(3).normalTensor(g.noiseShape(4, 18));
      const long = g.generateSteps(z, 18, { training: false }).x;
      expect(long.shape).toEqual([4, 18, 2]);
      const short = g.generate(tf.slice(z, [0, 0], [4, 12]), { training: false }).x;
      const prefix = take(tf.slice(long, [0, 0, 0], [4, 6, 2]));
      expect(relativeError(prefix, take(short))).toBeLessThan(1e-6);
      // the later steps are not a copy of the first window
      expect(relativeError(take(tf.slice(long, [0, 6, 0], [4, 6, 2])), prefix)).toBeGreaterThan(0.1);
      expect(() => g.generateSteps(z, 17, { training: false })).toThrow(
        /17 steps of per-step noise need z \[batch, 34\], got \[4, 36\]/,
      );
      expect(() => g.generateSteps(z, 0, { training: false })).toThrow(ConfigError);
      g.dispose();
    }
  });

  it('static noise: one z [n, latentDim] joined to every step, any number of steps', () => {
    const g = rnnGenerator({ noise: 'static', hidden: [4] }, ctx([6, 2], 5));
    expect(g.params['layers/0/kernel'].shape).toEqual([5, 12]);
    expect(g.noiseShape(3, 40)).toEqual([3, 5]);
    const z = new Rng(4).normalTensor([3, 5]);
    expect(g.generateSteps(z, 40, { training: false }).x.shape).toEqual([3, 40, 2]);
    expect(g.generate(z, { training: false }).x.shape).toEqual([3, 6, 2]);
    g.dispose();
  });

  it("a static condition (default: the data's classes) joins every step and changes the output", () => {
    const g = rnnGenerator({ cell: 'lstm', hidden: [4], forgetBias: 1 }, ctx([6, 2], 12, 3));
    expect(g.settings.condDim).toBe(3);
    expect(g.params['layers/0/kernel'].shape).toEqual([2 + 3, 16]);
    const z = new Rng(5).normalTensor([2, 12]);
    const a = take(g.generate(z, { training: false, cond: oneHot([0, 0], 3) }).x);
    const b = take(g.generate(z, { training: false, cond: oneHot([2, 2], 3) }).x);
    expect(relativeError(a, b)).toBeGreaterThan(0.01);
    expect(() => g.generate(z, { training: false })).toThrow(DataError);
    expect(() => g.generate(z, { training: false, cond: oneHot([0, 1], 4) })).toThrow(
      /expected a condition \[2, 3\] \(condDim 3\), got \[2, 4\]/,
    );
    // condDim 0: labels of the data are ignored
    const plain = rnnGenerator({ hidden: [4], condDim: 0 }, ctx([6, 2], 12, 3));
    expect(plain.params['layers/0/kernel'].shape).toEqual([2, 12]);
    expect(plain.generate(z, { training: false, cond: oneHot([0, 1], 3) }).x.shape).toEqual([2, 6, 2]);
    g.dispose();
    plain.dispose();
  });

  it('config errors name the field and what was expected', () => {
    expect(() => rnnGenerator({}, ctx([12]))).toThrow(
      /needs sequence samples \[steps, channels\].*got \[12\]/,
    );
    try {
      rnnGenerator({}, ctx([6, 2], 13));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).issues[0].path).toBe('latentDim');
      expect((e as Error).message).toMatch(
        /13 is not a multiple of the window 6 \(e\.g\. latentDim 18 for d = 3/,
      );
    }
    const bad = rnnGeneratorOptionsSchema.safeParse({ cell: 'gru', forgetBias: 1 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({
      path: ['forgetBias'],
      message: "'forgetBias' applies only to cell 'lstm'",
    });
    expect(rnnGeneratorOptionsSchema.safeParse({ cell: 'rnn' }).success).toBe(false);
    expect(rnnDiscriminatorOptionsSchema.safeParse({ pooling: 'max' }).success).toBe(false);
  });

  it('generator parameter gradients match finite differences (first order, with a condition)', () => {
    const g = rnnGenerator({ cell: 'gru', hidden: [3] }, ctx([3, 2], 3, 2));
    const z = new Rng(6).normalTensor([2, 3]);
    const cond = oneHot([1, 0], 2);
    const c = new Rng(7).normalTensor([2, 3, 2]);
    const { relativeError: err } = gradientVsFiniteDifferences(
      (p) => tf.sum(tf.mul(c, g.generate(z, { training: true, cond, params: p }).x)) as tf.Scalar,
      { ...g.params },
    );
    console.log(`rnn generator ∂/∂θ vs finite differences: ${err.toExponential(2)}`);
    expect(err).toBeLessThan(5e-3);
    g.dispose();
  });
});

describe('rnn discriminator', () => {
  it('last pooling: [n, T, c] → score [n, 1], features = the top layer’s last state', () => {
    const d = rnnDiscriminator({ hidden: [4, 3] }, ctx([6, 2]));
    expect(shapes(d.params)).toMatchObject({
      'layers/0/kernel': [2, 12],
      'layers/1/kernel': [4, 9],
      'layers/2/kernel': [3, 1],
      'layers/2/bias': [1],
    });
    const x = new Rng(8).normalTensor([5, 6, 2]);
    const out = d.forward(x, { training: true });
    expect(out.score.shape).toEqual([5, 1]);
    expect(out.features.shape).toEqual([5, 3]);
    // score = features·w + b
    const w = take(d.params['layers/2/kernel'].clone());
    const b = take(d.params['layers/2/bias'].clone())[0];
    const f = out.features.arraySync() as number[][];
    const expected = f.map((row) => row.reduce((s, v, j) => s + v * w[j], b));
    expect(relativeError(take(out.score), expected)).toBeLessThan(1e-6);
    // length-agnostic: any number of steps
    expect(d.forward(new Rng(9).normalTensor([2, 11, 2]), { training: false }).score.shape).toEqual([2, 1]);
    d.dispose();
  });

  it('mean pooling: features = (1/T)·Σ_t h_t of the top layer', () => {
    const d = rnnDiscriminator({ cell: 'lstm', hidden: [4], pooling: 'mean' }, ctx([6, 2]));
    expect(Object.keys(d.params).sort()).toEqual([
      'layers/0/bias',
      'layers/0/kernel',
      'layers/0/recurrentBias',
      'layers/0/recurrentKernel',
      'layers/2/bias',
      'layers/2/kernel',
    ]);
    const x = new Rng(10).normalTensor([3, 6, 2]);
    const states = d.layers[0].apply(subTree('layers/0/', d.params), {}, x, { training: false }).y;
    expect(states.shape).toEqual([3, 6, 4]);
    const features = d.forward(x, { training: false }).features;
    expect(relativeError(take(features), take(tf.mean(states, 1)))).toBeLessThan(1e-6);
    d.dispose();
  });

  it('a condition joins every step; missing or mis-sized conditions are data errors', () => {
    const d = rnnDiscriminator({ hidden: [3] }, ctx([4, 2], 0, 3));
    expect(d.condDim).toBe(3);
    expect(d.params['layers/0/kernel'].shape).toEqual([5, 9]);
    const x = new Rng(11).normalTensor([2, 4, 2]);
    const a = take(d.forward(x, { training: true, cond: oneHot([0, 1], 3) }).score);
    const b = take(d.forward(x, { training: true, cond: oneHot([2, 2], 3) }).score);
    expect(relativeError(a, b)).toBeGreaterThan(0.01);
    expect(() => d.forward(x, { training: true })).toThrow(/built with condDim 3 but given no condition/);
    expect(() => d.forward(x, { training: true, cond: oneHot([0, 1, 2], 3) })).toThrow(DataError);
    expect(() => rnnDiscriminator({}, ctx([28, 28, 1]))).toThrow(ConfigError);
    d.dispose();
  });

  it('substitute params change the output and leave the variables untouched; missing paths are refused', () => {
    const g = rnnGenerator({ hidden: [4] }, ctx([6, 2]));
    const d = rnnDiscriminator({ hidden: [4] }, ctx([6, 2]));
    const z = new Rng(12).normalTensor([3, 12]);
    const before = { g: snapshot(g.params), d: snapshot(d.params) };
    const doubled = (t: ParamTree) =>
      Object.fromEntries(Object.entries(t).map(([k, v]) => [k, tf.mul(v, 2)]));
    const x = g.generate(z, { training: false }).x;
    const x2 = g.generate(z, { training: false, params: doubled(g.params) }).x;
    expect(relativeError(take(x2.clone()), take(x.clone()))).toBeGreaterThan(0.05);
    const s = take(d.forward(x, { training: false }).score);
    const s2 = take(d.forward(x, { training: false, params: doubled(d.params) }).score);
    expect(relativeError(s2, s)).toBeGreaterThan(0.05);
    expect(snapshot(g.params)).toEqual(before.g);
    expect(snapshot(d.params)).toEqual(before.d);
    expect(() =>
      d.forward(x, { training: false, params: { 'layers/0/kernel': d.params['layers/0/kernel'] } }),
    ).toThrow(/substitute params lack 5 path\(s\)/);
    g.dispose();
    d.dispose();
  });

  it('forward, generate and a penalty gradient leave no tensor behind', async () => {
    const g = rnnGenerator({ cell: 'lstm', hidden: [4] }, ctx([6, 2], 12, 2));
    const d = rnnDiscriminator({ hidden: [4], pooling: 'mean' }, ctx([6, 2], 12, 2));
    const z = new Rng(13).normalTensor([3, 12]);
    const cond = oneHot([0, 1, 1], 2);
    const pass = () =>
      tf.tidy(() => {
        const x = g.generate(z, { training: true, cond }).x;
        const gx = tf.grad((u: tf.Tensor) => tf.sum(d.forward(u, { training: true, cond }).score))(x);
        return tf.sum(tf.square(gx));
      });
    pass().dispose();
    expect(await tensorDelta(() => pass().dispose())).toBe(0);
    const out = d.forward(g.generate(z, { training: true, cond }).x, { training: true, cond });
    expect(out.state).toEqual({});
    g.dispose();
    d.dispose();
  });
});

describe('second order: the gradient penalty through the rnn discriminator', () => {
  // P(θ) = mean_i ‖∇ₓ D_θ(x)_i‖², the WGAN-GP/R1 shape; ∂P/∂θ needs ∂²D/∂x∂θ through σ and tanh.
  const cases = [
    { cell: 'gru', pooling: 'last', condDim: 0 },
    { cell: 'lstm', pooling: 'last', condDim: 0 },
    { cell: 'gru', pooling: 'mean', condDim: 2 },
    { cell: 'lstm', pooling: 'mean', condDim: 2 },
  ] as const;
  for (const { cell, pooling, condDim } of cases) {
    it(`${cell}, ${pooling} pooling${condDim ? ', conditional' : ''}: ∂/∂θ of E‖∇ₓD‖² matches finite differences of the first-order gradient`, () => {
      const d = rnnDiscriminator({ cell, pooling, hidden: [3], condDim }, ctx([3, 2], 0, undefined, 21));
      const x = new Rng(22).normalTensor([2, 3, 2]);
      const cond = condDim ? oneHot([1, 0], 2) : undefined;
      const penalty = (p: ParamTree) => {
        const gx = tf.grad((u: tf.Tensor) => tf.sum(d.forward(u, { training: true, cond, params: p }).score))(
          x,
        );
        return tf.mean(tf.sum(tf.square(gx), [1, 2])) as tf.Scalar;
      };
      const { relativeError: err, analytic } = gradientVsFiniteDifferences(penalty, { ...d.params });
      console.log(
        `rnn D (${cell}, ${pooling}${condDim ? ', cond' : ''}): ∂/∂θ E‖∇ₓD‖² over ${analytic.length} params vs FD: ${err.toExponential(2)}`,
      );
      expect(Math.max(...Array.from(analytic).map(Math.abs))).toBeGreaterThan(1e-3);
      expect(err).toBeLessThan(1e-2);
      d.dispose();
    });
  }
});
