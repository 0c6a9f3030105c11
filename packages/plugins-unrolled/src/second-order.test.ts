import * as tf from '@tensorflow/tfjs';
import { Rng, installGradientFixes, type Optimizer, type ParamTree } from '@ganforge/core';
import { checkGradient, relativeError } from '@ganforge/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { adam, sgd, tinyParts, unrolledObjective, warmDiscriminator } from './test-helpers.js';
import { releaseUnrolled } from './unroll-discriminator.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

/**
 * Central-difference step. f_K is a composition of K + 1 D passes and K optimizer steps, and its
 * float32 rounding noise dominates the difference at h = 1e-3 (measured: ‖g₂ − FD‖/‖FD‖ 6–14e-4
 * at 1e-3, 5–21e-4 at 5e-4, 2–6e-4 at 2e-3, 1.3–2.5e-4 at 4e-3: falling as 1/h, i.e. rounding, not
 * truncation), so the check uses 4e-3.
 */
const FD_STEP = 4e-3;

interface Comparison {
  /** ‖g₂ − FD‖/‖FD‖ */
  secondOrderError: number;
  /** ‖g₁ − FD‖/‖FD‖ */
  firstOrderError: number;
  /** ‖g₂ − g₁‖/‖g₂‖ */
  gap: number;
}

/** g₂ (exact), g₁ (first order) and central differences of f_K with respect to one G tensor. */
function compare(
  dOptimizer: Optimizer,
  warmSteps: number,
  unrollSteps: number,
  path: string,
  seed = 7,
): Comparison {
  const parts = tinyParts(seed, { dOptimizer });
  const rng = new Rng(seed, 'batch');
  const real = { x: tf.add(rng.normalTensor([16, 2], 0, 0.5), tf.tensor([[1.5, -1]])) };
  const z = rng.normalTensor([16, 2]);
  let optState: ParamTree =
    warmSteps > 0
      ? warmDiscriminator(parts, real, z, warmSteps)
      : dOptimizer.init({ ...parts.discriminator.params });
  const w = parts.generator.params[path];
  const held: tf.Tensor[] = [];
  const full = checkGradient(unrolledObjective(parts, real, z, path, optState, unrollSteps, false, held), w, {
    h: FD_STEP,
  });
  const g1 = tf.tidy(() =>
    tf.grad(unrolledObjective(parts, real, z, path, optState, unrollSteps, true, held))(w),
  );
  const first = g1.dataSync() as Float32Array;
  releaseUnrolled(held);
  const result = {
    secondOrderError: full.relativeError,
    firstOrderError: relativeError(first, full.numeric),
    gap: relativeError(first, full.analytic),
  };
  tf.dispose([g1, real.x, z, ...Object.values(optState)]);
  optState = {};
  parts.generator.dispose();
  parts.discriminator.dispose();
  return result;
}

describe('unrolled generator gradient (K = 2): second order is really there', () => {
  for (const [name, opt, warm] of [
    ['SGD lr 0.5', () => sgd({ lr: 0.5 }), 0],
    ['SGD lr 0.1', () => sgd({ lr: 0.1 }), 0],
    ['Adam lr 0.05 β 0.5/0.999, warmed by 10 D steps', () => adam({ lr: 0.05, beta1: 0.5 }), 10],
  ] as const) {
    for (const path of ['layers/0/kernel', 'layers/1/kernel']) {
      it(`${name}, ∂/∂ ${path}: g₂ matches finite differences, g₁ does not`, () => {
        const r = compare(opt(), warm, 2, path);
        console.info(
          `${name} ${path}: ‖g₂−FD‖/‖FD‖ ${r.secondOrderError.toExponential(2)}, ‖g₁−FD‖/‖FD‖ ${r.firstOrderError.toExponential(2)}, ` +
            `‖g₂−g₁‖/‖g₂‖ ${r.gap.toFixed(3)}`,
        );
        expect(r.secondOrderError).toBeLessThan(1e-3);
        expect(r.firstOrderError).toBeGreaterThan(1e-2);
        expect(r.gap).toBeGreaterThanOrEqual(0.1);
      });
    }
  }
});

/** Adam with tfjs' own √ (derivative 0.5/√v̂, infinite at v̂ = 0): what the issue's √(v̂ + 1e-16) guards against. */
function naiveAdam(lr: number, beta1 = 0.5, beta2 = 0.999, epsilon = 1e-8): Optimizer {
  return {
    name: 'naive-adam',
    init: (params) =>
      tf.tidy(() => {
        const state: ParamTree = { t: tf.scalar(0) };
        for (const [p, v] of Object.entries(params))
          [state[`m/${p}`], state[`v/${p}`]] = [tf.zerosLike(v), tf.zerosLike(v)];
        return state;
      }),
    update: (grads, state, params) =>
      tf.tidy(() => {
        const t = tf.add(state.t, 1);
        const out: ParamTree = {};
        const next: ParamTree = { t };
        for (const [p, v] of Object.entries(params)) {
          const m = tf.add(tf.mul(state[`m/${p}`], beta1), tf.mul(grads[p], 1 - beta1));
          const s = tf.add(tf.mul(state[`v/${p}`], beta2), tf.mul(tf.square(grads[p]), 1 - beta2));
          const mHat = tf.div(m, tf.sub(1, tf.pow(beta1, t)));
          const vHat = tf.div(s, tf.sub(1, tf.pow(beta2, t)));
          out[p] = tf.sub(v, tf.mul(lr, tf.div(mHat, tf.add(tf.sqrt(vHat), epsilon))));
          [next[`m/${p}`], next[`v/${p}`]] = [m, s];
        }
        return { params: out, state: next };
      }),
  };
}

describe("Adam's √v̂ at v̂ = 0 inside the unroll", () => {
  /**
   * A D hidden unit whose outgoing weight is 0 gets exactly zero gradients on its incoming
   * weights for every θ_G, so with fresh Adam moments the first inner step evaluates √v̂ at 0.
   */
  function zeroGradientCase(optimizer: Optimizer): { grad: Float32Array; check?: number } {
    const parts = tinyParts(11, { dOptimizer: optimizer });
    const out = parts.discriminator.params['layers/1/kernel'];
    out.assign(tf.tidy(() => tf.mul(out, tf.tensor([0, 1, 1, 1, 1, 1, 1, 1], [8, 1]))));
    const rng = new Rng(11, 'batch');
    const real = { x: tf.add(rng.normalTensor([16, 2], 0, 0.5), tf.tensor([[1.5, -1]])) };
    const z = rng.normalTensor([16, 2]);
    const optState = optimizer.init({ ...parts.discriminator.params });
    const held: tf.Tensor[] = [];
    const f = unrolledObjective(parts, real, z, 'layers/0/kernel', optState, 2, false, held);
    const w = parts.generator.params['layers/0/kernel'];
    let result: { grad: Float32Array; check?: number };
    if (optimizer.name === 'adam') {
      const c = checkGradient(f, w, { h: FD_STEP });
      result = { grad: c.analytic, check: c.relativeError };
    } else {
      const g = tf.tidy(() => tf.grad(f)(w));
      result = { grad: g.dataSync() as Float32Array };
      g.dispose();
    }
    releaseUnrolled(held);
    tf.dispose([real.x, z, ...Object.values(optState)]);
    parts.generator.dispose();
    parts.discriminator.dispose();
    return result;
  }

  it("core's adam (√v̂ with a derivative clamped at v̂ = 1e-30) gives a finite g₂ that matches finite differences", () => {
    const r = zeroGradientCase(adam({ lr: 0.05, beta1: 0.5 }));
    console.info(`zero-gradient D unit, fresh Adam, K = 2: ‖g₂−FD‖/‖FD‖ ${r.check?.toExponential(2)}`);
    expect(Array.from(r.grad).every(Number.isFinite)).toBe(true);
    expect(r.check).toBeLessThan(1e-3);
  });

  it("Adam with tfjs' plain tf.sqrt gives NaN there (the trap)", () => {
    const r = zeroGradientCase(naiveAdam(0.05));
    expect(Array.from(r.grad).some(Number.isNaN)).toBe(true);
  });
});
