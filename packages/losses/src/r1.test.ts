import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  installGradientFixes,
  Rng,
  type Discriminator,
  type LossContext,
  type ParamTree,
} from '@ganforge/core';
import { r1Penalty, r1Regularizer } from './r1.js';
import {
  gradientVsFiniteDifferences,
  minAbsPreActivation,
  read,
  tinyConvDiscriminator,
  tinyMlpDiscriminator,
} from './test-utils.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

/** R1's gradient w.r.t. every D param, analytic (second order) vs central differences. */
function r1ParamGradientError(d: Discriminator, x: tf.Tensor): number {
  const params: ParamTree = { ...d.params };
  return gradientVsFiniteDifferences((p) => r1Penalty(d, x, { params: p }), params).relativeError;
}

/** A real batch whose relu pre-activations stay ≥ 0.02 from the kink (TRAPS.md: redraw inputs). */
function batchAwayFromKinks(d: Discriminator, n: number, dim: number): tf.Tensor {
  const rng = new Rng(7, 'data');
  for (let attempt = 0; attempt < 200; attempt++) {
    const x = rng.normalTensor([n, dim]);
    if (minAbsPreActivation(d, x) > 0.02) return x;
    x.dispose();
  }
  throw new Error('no batch away from the relu kinks');
}

describe('r1Penalty (Mescheder et al. 2018)', () => {
  it('equals ‖w‖² for a linear D(x) = x·w + b, and the regularizer weight is γ/2', () => {
    const w = tf.variable(tf.tensor2d([1, 2, -2], [3, 1]));
    const d = {
      inputShape: [3],
      params: { w },
      state: {},
      supportsSubstituteParams: true,
      dispose: () => w.dispose(),
      forward: (x: tf.Tensor, o: { params?: ParamTree }) => {
        const score = tf.add(tf.matMul(x, (o.params ?? { w }).w), 0.5);
        return { score, features: score, state: {} };
      },
    } as unknown as Discriminator;
    const x = tf.tensor2d([0.1, 0.2, 0.3, -1, 0, 2], [2, 3]);
    // ∇ₓD = w for every sample → ‖w‖² = 1 + 4 + 4 = 9
    expect(read(r1Penalty(d, x))).toBeCloseTo(9, 5);
    const reg = r1Regularizer({ gamma: 4 });
    expect(reg.weight).toBe(2);
    expect(reg.target).toBe('discriminator');
    const ctx = {
      d,
      real: { x },
      dParams: { w: tf.mul(w, 2) },
      dState: {},
      rng: new Rng(1),
    } as unknown as LossContext;
    // with substitute params 2w: ‖2w‖² = 36
    expect(read(reg.penalty(ctx))).toBeCloseTo(36, 4);
    expect(r1Regularizer().weight).toBe(5); // γ = 10 by default
    d.dispose();
  });

  it("its gradient w.r.t. a relu MLP D's params matches finite differences (second order)", () => {
    const d = tinyMlpDiscriminator(3, 5, tf.relu);
    const x = batchAwayFromKinks(d, 4, 3);
    const err = r1ParamGradientError(d, x);
    console.log(`R1 ∂/∂θ, relu MLP D (66 params): relative error ${err.toExponential(2)}`);
    expect(err).toBeLessThan(2e-3);
    d.dispose();
  });

  it("its gradient w.r.t. a relu conv D's params matches finite differences (second order)", () => {
    const d = tinyConvDiscriminator(5, 1, 2, tf.relu);
    const x = new Rng(11, 'data').normalTensor([2, 5, 5, 1]);
    const err = r1ParamGradientError(d, x);
    console.log(`R1 ∂/∂θ, relu conv D (63 params): relative error ${err.toExponential(2)}`);
    expect(err).toBeLessThan(5e-3);
    d.dispose();
  });

  it("matches finite differences through tf.leakyRelu and tanh (core's gradient fixes installed)", () => {
    const leaky = (h: tf.Tensor): tf.Tensor => tf.leakyRelu(h, 0.2);
    const mlp = tinyMlpDiscriminator(3, 5, leaky);
    const x = batchAwayFromKinks(mlp, 4, 3);
    const errMlp = r1ParamGradientError(mlp, x);
    const conv = tinyConvDiscriminator(5, 1, 2, leaky);
    const xc = new Rng(11, 'data').normalTensor([2, 5, 5, 1]);
    const errConv = r1ParamGradientError(conv, xc);
    const tanhMlp = tinyMlpDiscriminator(3, 5, tf.tanh);
    const errTanh = r1ParamGradientError(tanhMlp, x);
    console.log(
      `R1 ∂/∂θ: leakyRelu MLP ${errMlp.toExponential(2)}, leakyRelu conv ${errConv.toExponential(2)}, tanh MLP ${errTanh.toExponential(2)}`,
    );
    expect(errMlp).toBeLessThan(2e-3);
    expect(errConv).toBeLessThan(5e-3);
    expect(errTanh).toBeLessThan(2e-3);
    tf.dispose([x, xc]);
    [mlp, conv, tanhMlp].forEach((n) => n.dispose());
  });

  it("never writes D's state and leaks no tensor", () => {
    const d = tinyMlpDiscriminator(3, 5, tf.relu);
    const x = new Rng(3, 'data').normalTensor([4, 3]);
    const stateBefore = d.state['layers/0/count'].dataSync()[0];
    const ctx = {
      d,
      real: { x },
      dParams: d.params,
      dState: d.state,
      rng: new Rng(1),
    } as unknown as LossContext;
    const reg = r1Regularizer();
    read(reg.penalty(ctx)); // warm-up
    const before = tf.memory().numTensors;
    // R1 does not depend on the output bias: differentiate w.r.t. the other params.
    const keys = Object.keys(d.params).filter((k) => k !== 'layers/2/bias');
    const grads = tf.grads((...ps: tf.Tensor[]) =>
      reg.penalty({
        ...ctx,
        dParams: { ...d.params, ...Object.fromEntries(keys.map((k, i) => [k, ps[i]])) },
      }),
    )(keys.map((k) => d.params[k]));
    tf.dispose(grads);
    expect(tf.memory().numTensors).toBe(before);
    expect(d.state['layers/0/count'].dataSync()[0]).toBe(stateBefore);
    x.dispose();
    d.dispose();
  });
});
