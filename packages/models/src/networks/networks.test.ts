import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, installGradientFixes, Rng, type ParamTree } from '@ganforge/core';
import { dcganDiscriminator, dcganGenerator, dcganStages } from './dcgan.js';
import { mlpDiscriminator, mlpGenerator } from './mlp.js';
import { buildContext, gradientVsFiniteDifferences, relativeError, snapshot, take } from '../test-utils.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

function shapes(tree: ParamTree): Record<string, number[]> {
  return Object.fromEntries(Object.entries(tree).map(([k, t]) => [k, t.shape]));
}

describe('MLP networks', () => {
  it('map z [n, latent] to samples and samples to [n, 1] scores with structural paths', () => {
    const g = mlpGenerator({ hidden: [8, 8] }, buildContext([2], 3));
    const d = mlpDiscriminator({ hidden: [6] }, buildContext([2]));
    expect(shapes(g.params)).toEqual({
      'layers/0/kernel': [3, 8],
      'layers/0/bias': [8],
      'layers/2/kernel': [8, 8],
      'layers/2/bias': [8],
      'layers/4/kernel': [8, 2],
      'layers/4/bias': [2],
    });
    const z = new Rng(1, 'noise').normalTensor([5, 3]);
    const x = g.generate(z, { training: true }).x;
    expect(x.shape).toEqual([5, 2]);
    expect(Math.max(...Array.from(x.dataSync()).map(Math.abs))).toBeLessThan(1); // tanh output
    const out = d.forward(x, { training: true });
    expect(out.score.shape).toEqual([5, 1]);
    expect(out.features.shape).toEqual([5, 6]);
    g.dispose();
    d.dispose();
  });

  it('reshape to image samples and flatten them; normalization and dropout options', () => {
    const ctx = buildContext([4, 4, 1], 2);
    const g = mlpGenerator({ hidden: [5], normalization: 'batch-norm', dropout: 0.2 }, ctx);
    const d = mlpDiscriminator({ hidden: [5], normalization: 'layer-norm' }, buildContext([4, 4, 1]));
    expect(Object.keys(g.state).sort()).toEqual(['layers/1/movingMean', 'layers/1/movingVariance']);
    expect(Object.keys(d.params)).toContain('layers/2/gamma');
    const x = g.generate(tf.ones([3, 2]), { training: true, rng: new Rng(1, 'dropout') }).x;
    expect(x.shape).toEqual([3, 4, 4, 1]);
    expect(d.forward(x, { training: true }).score.shape).toEqual([3, 1]);
    expect(() => g.generate(tf.ones([3, 2]), { training: true })).toThrow(/ForwardOptions.rng/);
    g.dispose();
    d.dispose();
  });

  it('same seed, same weights; another seed, other weights', () => {
    const a = mlpDiscriminator({ hidden: [4] }, buildContext([3], 2, 5));
    const b = mlpDiscriminator({ hidden: [4] }, buildContext([3], 2, 5));
    const c = mlpDiscriminator({ hidden: [4] }, buildContext([3], 2, 6));
    expect(snapshot(a.params)).toEqual(snapshot(b.params));
    expect(snapshot(a.params)['layers/0/kernel']).not.toEqual(snapshot(c.params)['layers/0/kernel']);
    [a, b, c].forEach((n) => n.dispose());
  });

  it('substitute params change the output and leave the variables untouched', () => {
    const d = mlpDiscriminator({ hidden: [4], init: 'glorot-uniform' }, buildContext([3]));
    const x = new Rng(2).normalTensor([4, 3]);
    const before = snapshot(d.params);
    const own = take(d.forward(x, { training: false }).score);
    const doubled = Object.fromEntries(Object.entries(d.params).map(([k, v]) => [k, tf.mul(v, 2)]));
    const sub = take(d.forward(x, { training: false, params: doubled }).score);
    expect(relativeError(sub, own)).toBeGreaterThan(0.1);
    // leaky-relu is positively homogeneous: doubling every weight and bias of a 1-hidden-layer net
    // doubles the hidden layer and gives 4·W₂h + 2·b₂ = 4·score (b₂ starts at 0 under glorot-uniform)
    expect(
      relativeError(
        sub,
        own.map((v) => 4 * v),
      ),
    ).toBeLessThan(1e-5);
    expect(snapshot(d.params)).toEqual(before);
    expect(() =>
      d.forward(x, { training: false, params: { 'layers/0/kernel': doubled['layers/0/kernel'] } }),
    ).toThrow(ConfigError);
    d.dispose();
  });

  it('batch norm: a training forward returns new moving stats and assigns nothing', () => {
    const g = mlpGenerator({ hidden: [4], normalization: 'batch-norm' }, buildContext([2], 3));
    const before = snapshot(g.state);
    const z = new Rng(3).normalTensor([8, 3]);
    const out = g.generate(z, { training: true });
    expect(
      relativeError(take(out.state['layers/1/movingMean']), before['layers/1/movingMean']),
    ).toBeGreaterThan(0);
    expect(snapshot(g.state)).toEqual(before);
    const inference = g.generate(z, { training: false });
    expect(inference.state['layers/1/movingMean']).toBe(g.state['layers/1/movingMean']);
    g.dispose();
  });

  it('a forward pass leaks no tensor', () => {
    const g = mlpGenerator({ hidden: [4], normalization: 'batch-norm', dropout: 0.1 }, buildContext([2], 3));
    const d = mlpDiscriminator({ hidden: [4] }, buildContext([2]));
    const z = tf.ones([4, 3]);
    const step = () => {
      const gOut = g.generate(z, { training: true, rng: new Rng(1) });
      const dOut = d.forward(gOut.x, { training: true });
      const fresh = Object.entries(gOut.state)
        .filter(([k, t]) => g.state[k] !== t)
        .map(([, t]) => t);
      tf.dispose([gOut.x, dOut.score, dOut.features, ...fresh]);
    };
    step();
    const n = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) step();
    expect(tf.memory().numTensors).toBe(n);
    g.dispose();
    d.dispose();
    z.dispose();
  });
});

describe('DCGAN networks (Radford et al. 2015)', () => {
  it('chooses 2 stages for 28×28 (7×7 base) and 3 for 32×32 (4×4 base)', () => {
    expect(dcganStages(28, 28)).toBe(2);
    expect(dcganStages(32, 32)).toBe(3);
    expect(dcganStages(64, 64)).toBe(4);
  });

  it('28×28×1: G 7×7×2w → 14×14×w → 28×28×1 (tanh); D strided convs → [n, 1]', () => {
    const g = dcganGenerator({ width: 4 }, buildContext([28, 28, 1], 5));
    expect(shapes(g.params)).toMatchObject({
      'layers/0/kernel': [5, 7 * 7 * 8],
      'layers/4/kernel': [4, 4, 4, 8],
      'layers/7/kernel': [4, 4, 1, 4],
      'layers/7/bias': [1],
    });
    const x = g.generate(new Rng(1).normalTensor([2, 5]), { training: true }).x;
    expect(x.shape).toEqual([2, 28, 28, 1]);
    expect(Math.max(...Array.from(x.dataSync()).map(Math.abs))).toBeLessThanOrEqual(1);
    const d = dcganDiscriminator({ width: 4 }, buildContext([28, 28, 1]));
    expect(shapes(d.params)).toEqual({
      'layers/0/kernel': [4, 4, 1, 4],
      'layers/0/bias': [4],
      'layers/2/kernel': [4, 4, 4, 8],
      'layers/2/bias': [8],
      'layers/5/kernel': [7 * 7 * 8, 1],
      'layers/5/bias': [1],
    });
    const out = d.forward(x, { training: true });
    expect(out.score.shape).toEqual([2, 1]);
    expect(out.features.shape).toEqual([2, 7 * 7 * 8]);
    g.dispose();
    d.dispose();
  });

  it('32×32×3: G 4×4×4w → 8×8×2w → 16×16×w → 32×32×3; D with batch norm', () => {
    const g = dcganGenerator({ width: 2 }, buildContext([32, 32, 3], 4));
    const x = g.generate(new Rng(2).normalTensor([2, 4]), { training: false }).x;
    expect(x.shape).toEqual([2, 32, 32, 3]);
    expect(g.params['layers/0/kernel'].shape).toEqual([4, 4 * 4 * 8]);
    const d = dcganDiscriminator({ width: 2, batchNorm: true }, buildContext([32, 32, 3]));
    expect(Object.keys(d.state).sort()).toEqual([
      'layers/3/movingMean',
      'layers/3/movingVariance',
      'layers/6/movingMean',
      'layers/6/movingVariance',
    ]);
    expect(d.forward(x, { training: true }).features.shape).toEqual([2, 4 * 4 * 8]);
    expect(() => dcganGenerator({}, buildContext([784], 4))).toThrow(/image samples/);
    g.dispose();
    d.dispose();
  });

  it('D score gradient w.r.t. its params matches finite differences (tiny 8×8 D)', () => {
    const d = dcganDiscriminator({ width: 2, init: 'he-normal' }, buildContext([8, 8, 1], 2, 3));
    const x = new Rng(4).normalTensor([2, 8, 8, 1]);
    const params = { ...d.params } as ParamTree;
    const { relativeError: err } = gradientVsFiniteDifferences(
      (p) => tf.sum(d.forward(x, { training: true, params: p }).score) as tf.Scalar,
      params,
    );
    console.log(
      `DCGAN D ∂score/∂θ (${Object.values(params).reduce((n, t) => n + t.size, 0)} params) vs FD: relative error ${err.toExponential(2)}`,
    );
    expect(err).toBeLessThan(1e-2);
    d.dispose();
  });
});
