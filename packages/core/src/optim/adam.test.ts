import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../rng/rng.js';
import type { ParamTree } from '../types/network.js';
import { ADAM_BETA1_POWER, ADAM_BETA2_POWER, adam } from './adam.js';
import { tensorCountsOverUpdates, updateGradientError } from './fixtures/finite-difference.js';
import {
  compareWithTfjs,
  gradientAt,
  initialParams,
  readTree,
  relativeError,
} from './fixtures/reference-run.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('adam', () => {
  it('matches tf.train.adam over 100 steps (same ε)', () => {
    for (const [beta1, beta2, epsilon] of [
      [0.9, 0.999, 1e-8],
      [0, 0.9, 1e-7],
      [0.5, 0.99, 1e-3],
    ]) {
      const theirs = tf.train.adam(1e-2, beta1, beta2, epsilon);
      const r = compareWithTfjs(adam({ lr: 1e-2, beta1, beta2, epsilon }), theirs, 100);
      theirs.dispose();
      console.info(
        `adam β=(${beta1}, ${beta2}) ε=${epsilon}: max rel err ${r.maxRelativeError.toExponential(2)}`,
      );
      expect(r.maxRelativeError).toBeLessThan(1e-5);
    }
  });

  it('keeps m, v and the bias-correction powers as state and resumes bit-exactly', async () => {
    const opt = adam({ lr: 1e-2 });
    const run = async (steps: number, resumeAt?: number): Promise<Record<string, Float32Array>> => {
      let params = initialParams(3);
      let state = opt.init(params);
      const rng = new Rng(3, 'grads');
      for (let i = 0; i < steps; i++) {
        if (i === resumeAt) {
          // What a checkpoint does: read every tensor, rebuild from the raw values.
          const rebuilt: ParamTree = {};
          for (const [k, t] of Object.entries(state))
            rebuilt[k] = tf.tensor(await t.data(), t.shape, 'float32');
          tf.dispose(state);
          state = rebuilt;
        }
        const grads = gradientAt(rng, i);
        const next = opt.update(grads, state, params);
        tf.dispose([grads, params, state]);
        params = next.params;
        state = next.state;
      }
      expect(Object.keys(state).sort()).toEqual(
        [
          ADAM_BETA1_POWER,
          ADAM_BETA2_POWER,
          'm/layers/0/bias',
          'm/layers/0/kernel',
          'm/layers/1/kernel',
          'v/layers/0/bias',
          'v/layers/0/kernel',
          'v/layers/1/kernel',
        ].sort(),
      );
      expect(state[ADAM_BETA1_POWER].dataSync()[0]).toBeCloseTo(0.9 ** (steps + 1), 6);
      const out = { ...readTree(params), ...readTree(state) };
      tf.dispose([params, state]);
      return out;
    };
    const straight = await run(60);
    const resumed = await run(60, 30);
    for (const key of Object.keys(straight))
      expect(Array.from(resumed[key])).toEqual(Array.from(straight[key]));
  });

  it('is differentiable through update: matches central finite differences', () => {
    const err = updateGradientError(adam({ lr: 0.1, beta1: 0.8, beta2: 0.9 }), 11);
    console.info(`adam update inside tf.grad vs finite differences: rel err ${err.toExponential(2)}`);
    expect(err).toBeLessThan(1e-3);
  });

  it('differentiates through three unrolled steps (gradients depend on the updated params)', () => {
    const opt = adam({ lr: 0.05, beta1: 0.5, beta2: 0.9 });
    const rng = new Rng(21, 'unroll');
    const x0 = rng.normalArray(5, 0, 1);
    const a = rng.normalTensor([5]);
    const w = rng.normalTensor([5]);
    // θ₀ = x; θₖ₊₁ = adam(∇L(θₖ)) with L(θ) = Σθ⁴/4 − Σaθ, so ∇L = θ³ − a; f = Σ w·θ₃.
    const f = (x: tf.Tensor): tf.Scalar =>
      tf.tidy(() => {
        let params = { p: x };
        let state = opt.init(params);
        for (let k = 0; k < 3; k++) {
          const next = opt.update({ p: tf.sub(tf.pow(params.p, 3), a) }, state, params);
          params = next.params as { p: tf.Tensor };
          state = next.state;
        }
        return tf.sum(tf.mul(w, params.p)) as tf.Scalar;
      });
    const x = tf.tensor(x0);
    const analytic = tf.grad(f)(x);
    const numeric = new Float32Array(5);
    const h = 1e-3;
    for (let i = 0; i < 5; i++) {
      const plus = x0.slice();
      const minus = x0.slice();
      plus[i] += h;
      minus[i] -= h;
      numeric[i] =
        (tf.tidy(() => f(tf.tensor(plus)).dataSync()[0]) - tf.tidy(() => f(tf.tensor(minus)).dataSync()[0])) /
        (2 * h);
    }
    const err = relativeError({ g: analytic.dataSync() as Float32Array }, { g: numeric });
    console.info(`adam, 3 unrolled steps, vs finite differences: rel err ${err.toExponential(2)}`);
    expect(err).toBeLessThan(1e-3);
    tf.dispose([analytic, x, a, w]);
  });

  it('has a finite derivative through a zero gradient (√v̂ at 0), equal to −α/ε', () => {
    const lr = 1e-3;
    const epsilon = 1e-8;
    const opt = adam({ lr, epsilon });
    const state = opt.init({ p: tf.zeros([3]) });
    const f = (g: tf.Tensor): tf.Scalar =>
      tf.tidy(() => tf.sum(opt.update({ p: g }, state, { p: tf.zeros([3]) }).params.p) as tf.Scalar);
    const d = tf.grad(f)(tf.zeros([3]));
    const values = Array.from(d.dataSync());
    expect(values.every(Number.isFinite)).toBe(true);
    for (const v of values) expect(Math.abs(v - -lr / epsilon) / (lr / epsilon)).toBeLessThan(1e-5);
    // The trap this guards against: tfjs' own sqrt gives NaN at the same point.
    const raw = tf.grad(
      (g: tf.Tensor) => tf.sum(tf.div(g, tf.add(tf.sqrt(tf.square(g)), epsilon))) as tf.Scalar,
    )(tf.zeros([3]));
    expect(Number.isNaN(raw.dataSync()[0])).toBe(true);
    tf.dispose([d, raw, state]);
  });

  it('leaks no tensor over repeated updates', () => {
    const rng = new Rng(5, 'grads');
    const counts = tensorCountsOverUpdates(adam({ lr: 1e-3 }), (i) => gradientAt(rng, i), initialParams(5));
    expect(counts[1]).toBe(counts[0]);
    expect(counts[2]).toBe(counts[0]);
  });

  it('does not dispose its inputs and leaves a parameter without gradient unchanged', () => {
    const opt = adam({ lr: 1e-3 });
    const params = { a: tf.ones([2]), b: tf.ones([2]) };
    const state = opt.init(params);
    const grads = { a: tf.ones([2]) };
    const out = opt.update(grads, state, params);
    expect(params.a.isDisposed || grads.a.isDisposed || state['m/a'].isDisposed).toBe(false);
    expect(Array.from(out.params.b.dataSync())).toEqual([1, 1]);
    expect(out.params.a.dataSync()[0]).toBeCloseTo(1 - 1e-3, 6);
    tf.dispose([params, state, grads, out.params, out.state]);
  });

  it('rejects bad hyperparameters and mismatched state with messages', () => {
    expect(() => adam({ lr: 0 })).toThrow(/adam: lr must be in \(0, Infinity\), got 0/);
    expect(() => adam({ lr: 1e-3, beta1: 1 })).toThrow(/beta1 must be in \[0, 1\), got 1/);
    const opt = adam({ lr: 1e-3 });
    const state = opt.init({ a: tf.ones([2]) });
    const params = { b: tf.ones([2]) };
    expect(() => opt.update({ b: tf.ones([2]) }, state, params)).toThrow(/adam state has no entry 'm\/b'/);
    tf.dispose([state, params]);
  });
});
