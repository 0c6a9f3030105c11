import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, installGradientFixes, Rng, type ParamTree } from '@ganforge/core';
import { checkGradient } from '@ganforge/core/testing';
import { gru } from './gru.js';
import type { Layer } from './layer.js';
import { lstm } from './lstm.js';
import { gradientVsFiniteDifferences, relativeError, take } from '../test-utils.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

/**
 * PyTorch's GRU and LSTM equations, one unit at a time in float64 (an implementation independent
 * of the layers' tensor code): returns h for every batch row and step, `[batch][time][hidden]`.
 */
function reference(
  cell: 'gru' | 'lstm',
  x: number[][][],
  p: Record<string, Float32Array>,
  inputSize: number,
  hidden: number,
): number[][][] {
  const gates = cell === 'gru' ? 3 : 4;
  const width = gates * hidden;
  return x.map((seq) => {
    let h = new Array<number>(hidden).fill(0);
    let c = new Array<number>(hidden).fill(0);
    return seq.map((xt) => {
      // gi = x·W + b (input part), gh = h·U + c (recurrent part), per gate column
      const gi = Array.from({ length: width }, (_, j) => {
        let s = p.bias[j];
        for (let k = 0; k < inputSize; k++) s += xt[k] * p.kernel[k * width + j];
        return s;
      });
      const gh = Array.from({ length: width }, (_, j) => {
        let s = p.recurrentBias[j];
        for (let k = 0; k < hidden; k++) s += h[k] * p.recurrentKernel[k * width + j];
        return s;
      });
      const g = (block: number, u: number) => block * hidden + u;
      if (cell === 'gru') {
        h = h.map((hu, u) => {
          const r = sigmoid(gi[g(0, u)] + gh[g(0, u)]);
          const z = sigmoid(gi[g(1, u)] + gh[g(1, u)]);
          const n = Math.tanh(gi[g(2, u)] + r * gh[g(2, u)]);
          return (1 - z) * n + z * hu;
        });
      } else {
        const pre = (block: number, u: number) => gi[g(block, u)] + gh[g(block, u)];
        c = c.map((cu, u) => sigmoid(pre(1, u)) * cu + sigmoid(pre(0, u)) * Math.tanh(pre(2, u)));
        h = h.map((_, u) => sigmoid(pre(3, u)) * Math.tanh(c[u]));
      }
      return [...h];
    });
  });
}

function tree(values: Record<string, number[]>): ParamTree {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, tf.tensor1d(v)]));
}

// Input 1, hidden 2: W, U as [1, G·H] and [2, G·H] rows; expected h from the equations in float64.
const TINY_GRU = {
  kernel: [[0.5, -0.3, 0.2, 0.4, 0.1, -0.6]],
  recurrentKernel: [
    [0.1, 0.2, -0.1, 0.3, 0.5, -0.2],
    [-0.4, 0.1, 0.2, -0.2, 0.3, 0.6],
  ],
  bias: [0.1, 0, -0.1, 0.2, 0, 0.05],
  recurrentBias: [0, 0.1, 0.1, 0, -0.2, 0.1],
};
const TINY_LSTM = {
  kernel: [[0.5, -0.3, 0.2, 0.4, 0.1, -0.6, 0.3, 0.7]],
  recurrentKernel: [
    [0.1, 0.2, -0.1, 0.3, 0.5, -0.2, 0.4, -0.5],
    [-0.4, 0.1, 0.2, -0.2, 0.3, 0.6, -0.3, 0.2],
  ],
  bias: [0.1, 0, -0.1, 0.2, 0, 0.05, 0.2, -0.1],
  recurrentBias: [0, 0.1, 0.1, 0, -0.2, 0.1, 0, 0.3],
};

function tinyParams(values: typeof TINY_GRU): ParamTree {
  return {
    kernel: tf.tensor2d(values.kernel),
    recurrentKernel: tf.tensor2d(values.recurrentKernel),
    ...tree({ bias: values.bias, recurrentBias: values.recurrentBias }),
  };
}

function expectClose(actual: ArrayLike<number>, expected: number[], digits = 6): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, i) => expect(actual[i]).toBeCloseTo(e, digits));
}

describe('gru (Cho et al. 2014), gates r, z, n', () => {
  it('two steps of a 1-input, 2-unit cell match the equations worked out by hand (float64)', () => {
    const x = tf.tensor3d([[[1], [-2]]]);
    const layer = gru(1, 2);
    const out = layer.apply(tinyParams(TINY_GRU), {}, x, { training: true });
    expect(out.y.shape).toEqual([1, 2, 2]);
    // h₁ = (1 − z₁)·n₁ (h₀ = 0), h₂ = (1 − z₂)·n₂ + z₂·h₁
    expectClose(take(out.y), [-0.0131102, -0.16513384, -0.16920317, 0.48283232]);
    const last = gru(1, 2, { returnSequences: false }).apply(tinyParams(TINY_GRU), {}, x, { training: true });
    expect(last.y.shape).toEqual([1, 2]);
    expectClose(take(last.y), [-0.16920317, 0.48283232]);
  });

  it('matches the equations on random weights (batch 2, 3 steps, input 3, hidden 4)', () => {
    const layer = gru(3, 4);
    const { params } = layer.init(new Rng(3, 'init'));
    const x = new Rng(4).normalTensor([2, 3, 3]);
    const y = take(layer.apply(params, {}, x, { training: true }).y);
    const p = Object.fromEntries(Object.entries(params).map(([k, t]) => [k, t.dataSync() as Float32Array]));
    const expected = reference('gru', x.arraySync() as number[][][], p, 3, 4).flat(2);
    expect(relativeError(y, expected)).toBeLessThan(1e-6);
  });
});

describe('lstm (Hochreiter & Schmidhuber 1997), gates i, f, g, o', () => {
  it('two steps of a 1-input, 2-unit cell match the equations worked out by hand (float64)', () => {
    const x = tf.tensor3d([[[1], [-2]]]);
    const out = lstm(1, 2).apply(tinyParams(TINY_LSTM), {}, x, { training: true });
    // c₁ = i₁·g₁, h₁ = o₁·tanh c₁; c₂ = f₂·c₁ + i₂·g₂, h₂ = o₂·tanh c₂
    expectClose(take(out.y), [-0.04000085, -0.13342635, -0.06228433, 0.10640624]);
  });

  it('matches the equations on random weights (batch 2, 3 steps, input 3, hidden 4)', () => {
    const layer = lstm(3, 4);
    const { params } = layer.init(new Rng(3, 'init'));
    const x = new Rng(4).normalTensor([2, 3, 3]);
    const y = take(layer.apply(params, {}, x, { training: true }).y);
    const p = Object.fromEntries(Object.entries(params).map(([k, t]) => [k, t.dataSync() as Float32Array]));
    const expected = reference('lstm', x.arraySync() as number[][][], p, 3, 4).flat(2);
    expect(relativeError(y, expected)).toBeLessThan(1e-6);
  });

  it('forgetBias shifts exactly the forget block of `bias` (and init leaves nothing behind)', () => {
    const before = tf.memory().numTensors;
    tf.dispose(Object.values(lstm(2, 3, { forgetBias: 1 }).init(new Rng(7)).params));
    expect(tf.memory().numTensors).toBe(before);
    const plain = take(lstm(2, 3).init(new Rng(7)).params.bias);
    const shifted = take(lstm(2, 3, { forgetBias: 1 }).init(new Rng(7)).params.bias);
    const diff = Array.from(shifted, (v, i) => v - plain[i]);
    expectClose(diff, [0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
  });
});

describe('recurrent init and shapes', () => {
  it("fan-in-uniform (default) draws every weight and bias from U(±1/√hidden), PyTorch's", () => {
    for (const [layer, gates] of [
      [gru(5, 16), 3],
      [lstm(5, 16), 4],
    ] as const) {
      const { params } = layer.init(new Rng(1));
      expect(Object.fromEntries(Object.entries(params).map(([k, t]) => [k, t.shape]))).toEqual({
        kernel: [5, gates * 16],
        recurrentKernel: [16, gates * 16],
        bias: [gates * 16],
        recurrentBias: [gates * 16],
      });
      for (const t of Object.values(params)) {
        const v = Array.from(take(t)).map(Math.abs);
        expect(Math.max(...v)).toBeLessThanOrEqual(0.25);
        expect(Math.max(...v)).toBeGreaterThan(0.2); // the bound is 1/√16, not 1/√5 or a smaller one
      }
    }
  });

  it('other schemes: zero biases; useBias false: no bias paths; wrong input shapes are refused', () => {
    const { params } = gru(2, 3, { init: 'glorot-uniform' }).init(new Rng(1));
    expect(Array.from(take(params.bias))).toEqual(new Array(9).fill(0));
    expect(Object.keys(lstm(2, 3, { useBias: false }).init(new Rng(1)).params).sort()).toEqual([
      'kernel',
      'recurrentKernel',
    ]);
    // without biases = with zero biases
    const w = gru(2, 3).init(new Rng(2)).params;
    const x = new Rng(3).normalTensor([2, 4, 2]);
    const noBias = gru(2, 3, { useBias: false }).apply(
      { kernel: w.kernel, recurrentKernel: w.recurrentKernel },
      {},
      x,
      { training: true },
    ).y;
    const zeroBias = gru(2, 3).apply(
      { ...w, bias: tf.zerosLike(w.bias), recurrentBias: tf.zerosLike(w.recurrentBias) },
      {},
      x,
      { training: true },
    ).y;
    expect(relativeError(take(noBias), take(zeroBias))).toBeLessThan(1e-7);
    const layer = gru(2, 3);
    const init = layer.init(new Rng(1)).params;
    expect(() => layer.apply(init, {}, tf.ones([4, 2]), { training: true })).toThrow(ConfigError);
    expect(() => layer.apply(init, {}, tf.ones([4, 5, 3]), { training: true })).toThrow(
      /gru: expected a sequence \[batch, time, 2\], got \[4, 5, 3\]/,
    );
    const one = layer.apply(init, {}, tf.ones([4, 1, 2]), { training: true }).y;
    expect(one.shape).toEqual([4, 1, 3]);
  });
});

describe('recurrent gradients vs finite differences (first order)', () => {
  const cases: [string, (i: number, h: number) => Layer][] = [
    ['gru', (i, h) => gru(i, h)],
    ['lstm', (i, h) => lstm(i, h)],
  ];
  for (const [name, make] of cases) {
    it(`${name}: ∂/∂θ and ∂/∂x of Σ c ⊙ h over 3 steps (batch 2, input 2, hidden 3)`, () => {
      const layer = make(2, 3);
      const { params } = layer.init(new Rng(11, name));
      const x = new Rng(12).normalTensor([2, 3, 2]);
      const c = new Rng(13).normalTensor([2, 3, 3]);
      const f = (p: ParamTree, input: tf.Tensor) =>
        tf.sum(tf.mul(c, layer.apply(p, {}, input, { training: true }).y)) as tf.Scalar;
      const dTheta = gradientVsFiniteDifferences((p) => f(p, x), params);
      const dX = checkGradient((input) => f(params, input), x);
      console.log(
        `${name} vs finite differences: ∂θ ${dTheta.relativeError.toExponential(2)}, ∂x ${dX.relativeError.toExponential(2)}`,
      );
      expect(dTheta.relativeError).toBeLessThan(5e-3);
      expect(dX.relativeError).toBeLessThan(5e-3);
    });
  }
});
