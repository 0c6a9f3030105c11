import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, installGradientFixes, Rng } from '@ganforge/core';
import { batchNorm } from './batch-norm.js';
import { conv2d } from './conv2d.js';
import { conv2dTranspose } from './conv2d-transpose.js';
import { dense } from './dense.js';
import { dropout } from './dropout.js';
import { initBias, initKernel } from './initializers.js';
import { mlpDiscriminator } from '../networks/mlp.js';
import { layerNorm } from './layer-norm.js';
import { flatten, reshape } from './reshape.js';
import { applySequential, initSequential } from './sequential.js';
import { activationLayer } from './activation.js';
import { relativeError, take } from '../test-utils.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

const train = { training: true };
const infer = { training: false };

describe('dense, conv2d, conv2dTranspose', () => {
  it('dense computes x·W + b with kernel [in, out] and zero bias', () => {
    const layer = dense(2, 3);
    const { params, state } = layer.init(new Rng(1));
    expect(params.kernel.shape).toEqual([2, 3]);
    expect(Array.from(params.bias.dataSync())).toEqual([0, 0, 0]);
    const p = { kernel: tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3]), bias: tf.tensor1d([0.5, 0, -1]) };
    const y = layer.apply(p, state, tf.tensor2d([1, -1], [1, 2]), infer).y;
    expect(Array.from(take(y))).toEqual([1 - 4 + 0.5, 2 - 5, 3 - 6 - 1]);
  });

  it('conv2d (k 4, s 2, same) halves 28 → 14; conv2dTranspose doubles 7 → 14 and matches tf.conv2dTranspose', () => {
    const rng = new Rng(2);
    const c = conv2d({ inChannels: 1, filters: 3, kernelSize: 4, strides: 2 });
    const cp = c.init(rng);
    expect(cp.params.kernel.shape).toEqual([4, 4, 1, 3]);
    expect(c.apply(cp.params, {}, tf.zeros([2, 28, 28, 1]), infer).y.shape).toEqual([2, 14, 14, 3]);
    const t = conv2dTranspose({ inChannels: 4, filters: 2, kernelSize: 4, strides: 2 });
    const tp = t.init(rng);
    expect(tp.params.kernel.shape).toEqual([4, 4, 2, 4]);
    const x = rng.normalTensor([2, 7, 7, 4]);
    const y = t.apply(tp.params, {}, x, infer).y;
    expect(y.shape).toEqual([2, 14, 14, 2]);
    const reference = tf.conv2dTranspose(
      x as tf.Tensor4D,
      tp.params.kernel as tf.Tensor4D,
      [2, 14, 14, 2],
      2,
      'same',
    );
    expect(relativeError(take(y), take(reference))).toBeLessThan(1e-5);
    const valid = conv2dTranspose({ inChannels: 4, filters: 2, kernelSize: 3, strides: 2, padding: 'valid' });
    expect(valid.apply(valid.init(rng).params, {}, x, infer).y.shape).toEqual([2, 15, 15, 2]);
  });

  it('initializes from the seeded stream: same seed → same kernel; Glorot, He and DCGAN scales', () => {
    const a = take(initKernel(new Rng(7), [64, 32], 64, 32, 'glorot-uniform'));
    const b = take(initKernel(new Rng(7), [64, 32], 64, 32, 'glorot-uniform'));
    expect(a).toEqual(b);
    const limit = Math.sqrt(6 / 96);
    expect(Math.max(...Array.from(a).map(Math.abs))).toBeLessThanOrEqual(limit);
    expect(Math.max(...Array.from(a).map(Math.abs))).toBeGreaterThan(0.95 * limit);
    const std = (v: Float32Array) => Math.sqrt(v.reduce((s, x) => s + x * x, 0) / v.length);
    expect(std(take(initKernel(new Rng(8), [256, 64], 256, 64, 'he-normal')))).toBeCloseTo(
      Math.sqrt(2 / 256),
      2,
    );
    expect(std(take(initKernel(new Rng(9), [128, 128], 128, 128, 'dcgan-normal')))).toBeCloseTo(0.02, 3);
  });
});

describe('fan-in-uniform (PyTorch nn.Linear / nn.Conv2d default)', () => {
  const absMax = (v: Float32Array) => Math.max(...Array.from(v).map(Math.abs));

  it('draws weights AND biases from U(±1/√fan_in), kernel first, from the seeded stream', () => {
    const layer = dense(16, 200, { init: 'fan-in-uniform' });
    const { params } = layer.init(new Rng(3));
    const kernel = take(params.kernel);
    const bias = take(params.bias);
    const bound = 1 / Math.sqrt(16);
    expect(absMax(kernel)).toBeLessThanOrEqual(bound);
    expect(absMax(kernel)).toBeGreaterThan(0.98 * bound);
    expect(absMax(bias)).toBeLessThanOrEqual(bound);
    expect(absMax(bias)).toBeGreaterThan(0.9 * bound);
    // U(−b, b) has variance b²/3.
    const variance = kernel.reduce((s, x) => s + x * x, 0) / kernel.length;
    expect(variance).toBeCloseTo(bound ** 2 / 3, 3);
    // Same stream, same order (kernel then bias): the layer's draws are reproducible by hand.
    const rng = new Rng(3);
    expect(take(initKernel(rng, [16, 200], 16, 200, 'fan-in-uniform'))).toEqual(kernel);
    expect(take(initBias(rng, 200, 16, 'fan-in-uniform'))).toEqual(bias);
  });

  it('other schemes keep zero biases; conv2d uses k²·in, conv2dTranspose k²·filters as fan_in', () => {
    expect(Array.from(take(initBias(new Rng(1), 4, 9, 'glorot-uniform')))).toEqual([0, 0, 0, 0]);
    const conv = conv2d({ inChannels: 3, filters: 64, kernelSize: 4, init: 'fan-in-uniform' }).init(
      new Rng(2),
    );
    const convKernel = absMax(take(conv.params.kernel));
    expect(convKernel).toBeLessThanOrEqual(1 / Math.sqrt(48));
    expect(convKernel).toBeGreaterThan(0.98 / Math.sqrt(48));
    expect(absMax(take(conv.params.bias))).toBeLessThanOrEqual(1 / Math.sqrt(48));
    const up = conv2dTranspose({ inChannels: 64, filters: 3, kernelSize: 4, init: 'fan-in-uniform' }).init(
      new Rng(2),
    );
    const upKernel = absMax(take(up.params.kernel));
    expect(upKernel).toBeLessThanOrEqual(1 / Math.sqrt(48));
    expect(upKernel).toBeGreaterThan(0.98 / Math.sqrt(48));
    up.params.bias!.dispose();
  });

  it('is the mlp default: a 2→128→1 discriminator draws non-zero first-layer biases', () => {
    const d = mlpDiscriminator({ hidden: [128] }, { rng: new Rng(4), sampleShape: [2] });
    const bias = take(d.params['layers/0/bias']!);
    expect(absMax(bias)).toBeLessThanOrEqual(1 / Math.sqrt(2));
    expect(absMax(bias)).toBeGreaterThan(0.6);
    d.dispose();
  });
});

describe('batch norm', () => {
  it('training: batch statistics, and RETURNS updated moving stats (m = 0.9) without assigning', () => {
    const layer = batchNorm(2);
    const init = layer.init(new Rng(1));
    const x = tf.tensor2d([1, 10, 3, 20], [2, 2]); // channel means 2, 15; biased variances 1, 25
    const out = layer.apply(init.params, init.state, x, train);
    expect(Array.from(take(out.y))).toEqual([-1, -1, 1, 1].map((v) => expect.closeTo(v, 3)));
    expect(Array.from(out.state.movingMean.dataSync())).toEqual([
      expect.closeTo(0.9 * 0 + 0.1 * 2, 6),
      expect.closeTo(1.5, 6),
    ]);
    expect(Array.from(out.state.movingVariance.dataSync())).toEqual([
      expect.closeTo(0.9 + 0.1 * 1, 6),
      expect.closeTo(0.9 + 2.5, 5),
    ]);
    expect(Array.from(init.state.movingMean.dataSync())).toEqual([0, 0]); // input state untouched
  });

  it('training with statisticsMomentum m overrides the decay (standing statistics: m = k/(k + 1))', () => {
    const layer = batchNorm(2);
    const init = layer.init(new Rng(1));
    const x = tf.tensor2d([1, 10, 3, 20], [2, 2]); // channel means 2, 15; biased variances 1, 25
    const first = layer.apply(init.params, init.state, x, { ...train, statisticsMomentum: 0 });
    expect(Array.from(first.state.movingMean.dataSync())).toEqual([2, 15]); // m = 0: the batch's own
    const y = tf.tensor2d([5, 0, 7, 2], [2, 2]); // means 6, 1; variances 1, 1
    const second = layer.apply(init.params, first.state, y, { ...train, statisticsMomentum: 0.5 });
    expect(Array.from(second.state.movingMean.dataSync())).toEqual([4, 8]); // (2 + 6)/2, (15 + 1)/2
    expect(Array.from(second.state.movingVariance.dataSync())).toEqual([1, 13]);
  });

  it('inference: uses the moving statistics and returns the same state tensors', () => {
    const layer = batchNorm(1, { epsilon: 0 });
    const params = { gamma: tf.tensor1d([2]), beta: tf.tensor1d([0.5]) };
    const state = { movingMean: tf.tensor1d([1]), movingVariance: tf.tensor1d([4]) };
    const out = layer.apply(params, state, tf.tensor2d([3, -1], [2, 1]), infer);
    // 2·(3 − 1)/2 + 0.5 = 2.5;  2·(−1 − 1)/2 + 0.5 = −1.5
    expect(Array.from(take(out.y))).toEqual([2.5, -1.5]);
    expect(out.state.movingMean).toBe(state.movingMean);
  });
});

describe('layer norm, dropout, reshape, flatten', () => {
  it('layer norm standardizes each sample over its last axis', () => {
    const layer = layerNorm(4, 0);
    const { params } = layer.init(new Rng(1));
    const y = take(layer.apply(params, {}, tf.tensor2d([1, 2, 3, 4, 10, 10, 20, 20], [2, 4]), infer).y);
    const s = 1 / Math.sqrt(1.25);
    expect(Array.from(y.slice(0, 4))).toEqual(
      [-1.5 * s, -0.5 * s, 0.5 * s, 1.5 * s].map((v) => expect.closeTo(v, 5)),
    );
    expect(Array.from(y.slice(4))).toEqual([-1, -1, 1, 1].map((v) => expect.closeTo(v, 5)));
  });

  it('dropout: seeded masks scaled by 1/(1 − p), identity at inference, needs a stream in training', () => {
    const layer = dropout(0.5);
    const x = tf.ones([1, 1000]);
    const a = take(layer.apply({}, {}, x, { training: true, rng: new Rng(3, 'dropout') }).y);
    const b = take(layer.apply({}, {}, x, { training: true, rng: new Rng(3, 'dropout') }).y);
    const c = take(layer.apply({}, {}, x, { training: true, rng: new Rng(4, 'dropout') }).y);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(new Set(a)).toEqual(new Set([0, 2]));
    const kept = a.filter((v) => v === 2).length;
    expect(kept).toBeGreaterThan(450);
    expect(kept).toBeLessThan(550);
    expect(layer.apply({}, {}, x, infer).y).toBe(x);
    expect(() => layer.apply({}, {}, x, train)).toThrow(ConfigError);
    expect(() => layer.apply({}, {}, x, train)).toThrow(/ForwardOptions.rng/);
    expect(() => dropout(1)).toThrow(ConfigError);
  });

  it('reshape and flatten keep the batch axis', () => {
    const x = tf.zeros([3, 12]);
    expect(reshape([2, 2, 3]).apply({}, {}, x, infer).y.shape).toEqual([3, 2, 2, 3]);
    expect(flatten().apply({}, {}, tf.zeros([3, 2, 2, 3]), infer).y.shape).toEqual([3, 12]);
  });
});

describe('sequential stacks', () => {
  it('key params and state by structural path and pass unchanged state through', () => {
    const layers = [dense(3, 4), batchNorm(4), activationLayer('relu'), dense(4, 1)];
    const { params, state } = initSequential(layers, new Rng(1));
    expect(Object.keys(params).sort()).toEqual([
      'layers/0/bias',
      'layers/0/kernel',
      'layers/1/beta',
      'layers/1/gamma',
      'layers/3/bias',
      'layers/3/kernel',
    ]);
    expect(Object.keys(state).sort()).toEqual(['layers/1/movingMean', 'layers/1/movingVariance']);
    const x = new Rng(2).normalTensor([5, 3]);
    const out = applySequential(layers, params, state, x, train);
    expect(out.y.shape).toEqual([5, 1]);
    expect(out.penultimate.shape).toEqual([5, 4]);
    expect(out.state['layers/1/movingMean']).not.toBe(state['layers/1/movingMean']);
    const inference = applySequential(layers, params, state, x, infer);
    expect(inference.state['layers/1/movingMean']).toBe(state['layers/1/movingMean']);
  });
});
