import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, installGradientFixes, Rng, type ParamTree } from '@ganforge/core';
import { dcganDiscriminator, dcganGenerator } from '../networks/dcgan.js';
import { mlpDiscriminator } from '../networks/mlp.js';
import { SpectralNormDiscriminator, SpectralNormGenerator } from './spectral-norm-network.js';
import { spectralNormalize } from './spectral-normalize.js';
import {
  buildContext,
  gradientVsFiniteDifferences,
  largestSingularValue,
  relativeError,
  snapshot,
  take,
} from '../test-utils.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

/** Runs `steps` training power iterations from a random u; returns σ_max of W/σ̂ (float64 reference). */
function normalizedSigma(kernel: tf.Tensor, steps: number): { sigmaMax: number; rawSigma: number } {
  const cols = kernel.shape[kernel.rank - 1];
  let u = new Rng(1, 'u').normalTensor([cols]);
  for (let i = 0; i < steps; i++) {
    const out = spectralNormalize(kernel, u, { training: true });
    tf.dispose([u, out.kernel, out.sigma]);
    u = out.u;
  }
  const out = spectralNormalize(kernel, u, { training: false });
  const rows = kernel.size / cols;
  const sigmaMax = largestSingularValue(take(out.kernel), rows, cols);
  const rawSigma = largestSingularValue(kernel.dataSync(), rows, cols);
  tf.dispose([u, out.u, out.sigma]);
  return { sigmaMax, rawSigma };
}

describe('spectralNormalize (Miyato et al. 2018)', () => {
  it('dense kernel [16, 8]: σ_max(W/σ̂) within 2 % of 1 after 20 one-step iterations', () => {
    const w = new Rng(2).normalTensor([16, 8]);
    const { sigmaMax, rawSigma } = normalizedSigma(w, 20);
    const early = [1, 3, 5].map((n) => normalizedSigma(w, n).sigmaMax.toFixed(4)).join(', ');
    console.log(
      `dense 16×8: σ_max(W) = ${rawSigma.toFixed(3)}, σ_max(W/σ̂) after 1, 3, 5 steps: ${early}; after 20: ${sigmaMax.toFixed(5)}`,
    );
    expect(rawSigma).toBeGreaterThan(3);
    expect(Math.abs(sigmaMax - 1)).toBeLessThan(0.02);
  });

  it('conv kernel [3, 3, 4, 8] (as a 36×8 matrix): within 2 % of 1 after 20 iterations', () => {
    const w = new Rng(3).normalTensor([3, 3, 4, 8], 0, 0.5);
    const { sigmaMax, rawSigma } = normalizedSigma(w, 20);
    console.log(
      `conv 3×3×4×8: σ_max(W) = ${rawSigma.toFixed(3)}, σ_max(W/σ̂) after 20 steps = ${sigmaMax.toFixed(5)}`,
    );
    expect(Math.abs(sigmaMax - 1)).toBeLessThan(0.02);
  });

  it('inference keeps u; training returns a new u; gradient through σ(W) matches finite differences', () => {
    const w = new Rng(4).normalTensor([5, 3]);
    const u = new Rng(5).normalTensor([3]);
    expect(spectralNormalize(w, u, { training: false }).u).toBe(u);
    expect(spectralNormalize(w, u, { training: true }).u).not.toBe(u);
    const c = new Rng(6).normalTensor([5, 3]);
    const { relativeError: err } = gradientVsFiniteDifferences(
      (p) => tf.sum(tf.mul(c, spectralNormalize(p.w, u, { training: false }).kernel)) as tf.Scalar,
      { w },
    );
    expect(err).toBeLessThan(5e-3);
  });
});

describe('spectral-norm wrappers', () => {
  it('keep the inner params, add one u per kernel, and refuse nets without kernels substitution', () => {
    const inner = dcganDiscriminator({ width: 2 }, buildContext([8, 8, 1]));
    const d = new SpectralNormDiscriminator(inner, new Rng(1, 'init'));
    expect(d.params).toBe(inner.params);
    expect(Object.keys(d.state).sort()).toEqual([
      'spectral-norm/layers/0/kernel/u',
      'spectral-norm/layers/3/kernel/u',
    ]);
    expect(d.state['spectral-norm/layers/0/kernel/u'].shape).toEqual([2]);
    const fake = { ...inner, supportsSubstituteParams: false, params: inner.params, state: {} };
    expect(() => new SpectralNormDiscriminator(fake as never, new Rng(1))).toThrow(ConfigError);
    d.dispose();
  });

  it('a training forward returns updated u (not assigned); inference returns u unchanged', () => {
    const d = new SpectralNormDiscriminator(
      mlpDiscriminator({ hidden: [4] }, buildContext([3])),
      new Rng(1, 'init'),
    );
    const before = snapshot(d.state);
    const x = new Rng(2).normalTensor([4, 3]);
    const train = d.forward(x, { training: true });
    const key = 'spectral-norm/layers/0/kernel/u';
    expect(relativeError(take(train.state[key]), before[key])).toBeGreaterThan(1e-3);
    expect(snapshot(d.state)).toEqual(before);
    const infer = d.forward(x, { training: false });
    expect(infer.state[key]).toBe(d.state[key]);
    d.dispose();
  });

  it('normalizes what the inner net sees: scores of an SN D are invariant to scaling its kernels', () => {
    const d = new SpectralNormDiscriminator(
      mlpDiscriminator({ hidden: [4] }, buildContext([3])),
      new Rng(1, 'init'),
    );
    const x = new Rng(3).normalTensor([4, 3]);
    const scaled: ParamTree = Object.fromEntries(
      Object.entries(d.params).map(([k, v]) => [k, k.endsWith('kernel') ? tf.mul(v, 3) : v]),
    );
    const a = take(d.forward(x, { training: false }).score);
    const b = take(d.forward(x, { training: false, params: scaled }).score);
    expect(relativeError(b, a)).toBeLessThan(1e-5);
    d.dispose();
  });

  it('wraps generators too, and leaks no tensor', () => {
    const g = new SpectralNormGenerator(
      dcganGenerator({ width: 2 }, buildContext([8, 8, 1], 3)),
      new Rng(2, 'init'),
    );
    const z = tf.ones([2, 3]);
    const step = () => {
      const out = g.generate(z, { training: true });
      tf.dispose([
        out.x,
        ...Object.entries(out.state)
          .filter(([k, t]) => g.state[k] !== t)
          .map(([, t]) => t),
      ]);
    };
    step();
    const n = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) step();
    expect(tf.memory().numTensors).toBe(n);
    expect(g.latentDim).toBe(3);
    g.dispose();
  });
});

describe('spectral norm on second-order paths', () => {
  // With u from state (inference forward), v = Wu/‖Wu‖ maximizes vᵀWu, so holding v constant gives
  // the exact ∂σ/∂W: finite differences must agree. A training forward also moves u with W, which
  // the paper's stop-gradient ignores (1.8e-2 relative difference measured on this net).
  it('R1-style ‖∇ₓD‖² through an SN D has exact param gradients, and writes no state', () => {
    const d = new SpectralNormDiscriminator(
      mlpDiscriminator({ hidden: [4], activation: 'tanh' }, buildContext([3], 2, 4)),
      new Rng(1, 'init'),
    );
    const x = new Rng(8).normalTensor([3, 3]);
    const before = snapshot(d.state);
    const penalty = (p: ParamTree) => {
      const gx = tf.grad((u: tf.Tensor) => tf.sum(d.forward(u, { training: false, params: p }).score))(x);
      return tf.mean(tf.sum(tf.square(gx), 1)) as tf.Scalar;
    };
    const { relativeError: err } = gradientVsFiniteDifferences(penalty, { ...d.params });
    console.log(`R1-style penalty through spectral norm, ∂/∂θ vs FD: relative error ${err.toExponential(2)}`);
    expect(err).toBeLessThan(5e-3);
    // the training path (power iteration inside) under second order: runs, and assigns nothing
    const keys = Object.keys(d.params).filter((k) => k.endsWith('kernel'));
    const trainPenalty = (...ps: tf.Tensor[]) => {
      const p = { ...d.params, ...Object.fromEntries(keys.map((k, i) => [k, ps[i]])) };
      const gx = tf.grad((u: tf.Tensor) => tf.sum(d.forward(u, { training: true, params: p }).score))(x);
      return tf.sum(tf.square(gx)) as tf.Scalar;
    };
    const grads = tf.grads(trainPenalty)(keys.map((k) => d.params[k]));
    expect(grads.every((g) => Number.isFinite(g.sum().dataSync()[0]))).toBe(true);
    tf.dispose(grads);
    expect(snapshot(d.state)).toEqual(before);
    d.dispose();
  });
});
