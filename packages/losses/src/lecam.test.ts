import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, installGradientFixes, Rng, type LossContext, type ParamTree } from '@ganforge/core';
import { LecamRegularizer } from './lecam.js';
import { lecamAnchorUpdate, lecamPenalty, type LecamAnchors } from './lecam-penalty.js';
import { gradientVsFiniteDifferences, read, tinyMlpDiscriminator } from './test-utils.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

const col = (values: number[]) => tf.tensor2d(values, [values.length, 1]);
const anchors = (real: number, fake: number): LecamAnchors => ({
  real: tf.scalar(real),
  fake: tf.scalar(fake),
});

/** A context with only what LeCam reads: the two score tensors. */
function scoresContext(real: number[], fake: number[]): LossContext {
  return { realOut: { score: col(real) }, fakeOut: { score: col(fake) } } as unknown as LossContext;
}

describe('lecamPenalty (Tseng et al. 2021)', () => {
  // A linear D(x) = 2x − 1 on 1-D inputs: reals 1, 0, 2 score 1, −1, 3; fakes 0.75, −0.5 score
  // 0.5, −2. Anchors α_R = 0.5, α_F = 0.
  const d = (x: number[]) => x.map((v) => 2 * v - 1);
  const real = d([1, 0, 2]);
  const fake = d([0.75, -0.5]);

  it('one-sided (default): E[max(0, D(x) − α_F)²] + E[max(0, α_R − D(G(z)))²] by hand', () => {
    // reals: max(0, [1, −1, 3] − 0)² = [1, 0, 9] → 10/3; fakes: max(0, 0.5 − [0.5, −2])² = [0, 6.25] → 3.125
    const a = anchors(0.5, 0);
    expect(read(lecamPenalty(col(real), col(fake), a))).toBeCloseTo(10 / 3 + 3.125, 5);
  });

  it("two-sided (the paper's formula): E[(D(x) − α_F)²] + E[(D(G(z)) − α_R)²] by hand", () => {
    // reals: [1, 1, 9] → 11/3; fakes: [0, 6.25] → 3.125
    const a = anchors(0.5, 0);
    expect(read(lecamPenalty(col(real), col(fake), a, false))).toBeCloseTo(11 / 3 + 3.125, 5);
  });

  it('is 0 when every real score is below α_F and every fake one above α_R (one-sided)', () => {
    expect(read(lecamPenalty(col([-1, -2]), col([3, 4]), anchors(2, 0)))).toBe(0);
  });
});

describe('lecamAnchorUpdate: zero-debiased EMA of the detached batch means', () => {
  it('follows α_t = α_{t−1} + (1 − β)/(1 − βᵗ)·(m_t − α_{t−1}) over three updates (β = 0.5)', () => {
    // Real means 2, 4, −2 → 2, 10/3, 2/7; fake means −1, 0, 1 → −1, −1/3, 3/7 (equal to the biased
    // EMA from 0, b_t = β·b_{t−1} + (1 − β)·m_t, divided by 1 − βᵗ).
    const realBatches = [
      [1, 3],
      [4, 4],
      [-3, -1],
    ];
    const fakeBatches = [
      [-1, -1],
      [1, -1],
      [0, 2],
    ];
    const expected = [
      [2, -1],
      [10 / 3, -1 / 3],
      [2 / 7, 3 / 7],
    ];
    let a = anchors(0, 0);
    for (let t = 0; t < 3; t++) {
      const next = lecamAnchorUpdate(a, col(realBatches[t]), col(fakeBatches[t]), 0.5, t);
      tf.dispose([a.real, a.fake]);
      a = next;
      expect(a.real.dataSync()[0]).toBeCloseTo(expected[t][0], 6);
      expect(a.fake.dataSync()[0]).toBeCloseTo(expected[t][1], 6);
    }
  });

  it('passes no gradient into the scores', () => {
    const s = col([1, 2, 3]);
    const g = tf.grad((x: tf.Tensor) => lecamAnchorUpdate(anchors(0, 0), x, x, 0.99, 4).real)(s);
    expect(Array.from(g.dataSync())).toEqual([0, 0, 0]);
  });
});

describe('LecamRegularizer', () => {
  it('moves the anchors once per discriminator update, penalizes and logs with the moved ones', () => {
    const reg = new LecamRegularizer({ lambda: 0.5, decay: 0.5 });
    expect(reg).toMatchObject({ name: 'lecam', target: 'discriminator', weight: 0.5 });
    // Update 1 (means 2 and −1): the penalty already uses α_R = 2, α_F = −1.
    const ctx1 = scoresContext([1, 3], [-1, -1]);
    // max(0, [1, 3] + 1)² = [4, 16] → 10; max(0, 2 + 1)² = 9 → 9
    expect(read(reg.penalty(ctx1))).toBeCloseTo(19, 5);
    const logs = reg.logs(ctx1);
    expect(read(logs.anchor_real)).toBeCloseTo(2, 6);
    expect(read(logs.anchor_fake)).toBeCloseTo(-1, 6);
    // penalty and logs change nothing: the state is still fresh
    expect(read(reg.getState().updates.clone())).toBe(0);
    reg.afterDiscriminatorUpdate({ realScores: ctx1.realOut.score, fakeScores: ctx1.fakeOut.score, step: 1 });
    const s1 = reg.getState();
    expect([s1['anchor/real'], s1['anchor/fake'], s1.updates].map((t) => t.dataSync()[0])).toEqual([
      2, -1, 1,
    ]);
    // Update 2 (means 4 and 0): α_R = 10/3, α_F = −1/3.
    const ctx2 = scoresContext([4, 4], [1, -1]);
    // max(0, 4 + 1/3)² · 2 / 2 = 169/9; max(0, 10/3 − [1, −1])² = [49/9, 169/9] → 109/9
    expect(read(reg.penalty(ctx2))).toBeCloseTo(169 / 9 + 109 / 9, 4);
    reg.afterDiscriminatorUpdate({ realScores: ctx2.realOut.score, fakeScores: ctx2.fakeOut.score, step: 1 });
    expect(reg.getState()['anchor/real'].dataSync()[0]).toBeCloseTo(10 / 3, 6);
    expect(reg.getState()['anchor/fake'].dataSync()[0]).toBeCloseTo(-1 / 3, 6);
    expect(reg.getState().updates.dataSync()[0]).toBe(2);
    reg.dispose();
  });

  it('restores a state from copies (the caller keeps its tensors) and continues from it', () => {
    const saved = { 'anchor/real': tf.scalar(1.5), 'anchor/fake': tf.scalar(-0.5), updates: tf.scalar(7) };
    const reg = new LecamRegularizer({ decay: 0.9 });
    reg.setState(saved);
    expect(saved['anchor/real'].isDisposed).toBe(false);
    reg.afterDiscriminatorUpdate({ realScores: col([2.5]), fakeScores: col([0.5]), step: 8 });
    const w = 0.1 / (1 - 0.9 ** 8);
    expect(reg.getState()['anchor/real'].dataSync()[0]).toBeCloseTo(1.5 + w * (2.5 - 1.5), 6);
    expect(reg.getState()['anchor/fake'].dataSync()[0]).toBeCloseTo(-0.5 + w * (0.5 + 0.5), 6);
    expect(reg.getState().updates.dataSync()[0]).toBe(8);
    reg.dispose();
    tf.dispose(Object.values(saved));
  });

  it('leaks no tensor over penalty, logs and updates', () => {
    const reg = new LecamRegularizer();
    const ctx = scoresContext([0.3, -0.2], [0.1, 0.4]);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) {
      read(reg.penalty(ctx));
      tf.dispose(Object.values(reg.logs(ctx)));
      reg.afterDiscriminatorUpdate({ realScores: ctx.realOut.score, fakeScores: ctx.fakeOut.score, step: i });
    }
    expect(tf.memory().numTensors).toBe(before);
    reg.dispose();
    expect(tf.memory().numTensors).toBe(before - 3);
  });

  it('names the bad option in a ConfigError when built in code', () => {
    expect(() => new LecamRegularizer({ decay: 1 })).toThrow(ConfigError);
    expect(() => new LecamRegularizer({ decay: 1 })).toThrow(/^invalid lecam options: decay: .*<1/);
    expect(() => new LecamRegularizer({ lambda: -1 })).toThrow(/^invalid lecam options: lambda: .*>0/);
    const error = (() => {
      try {
        return new LecamRegularizer({ oneSided: 'yes' } as never);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map((i) => i.path)).toEqual(['oneSided']);
  });
});

describe('LeCam gradient w.r.t. D params', () => {
  // A tanh MLP D (no kinks inside D); anchors whose gaps to the scores stay ≥ 0.01 from the relu
  // kink of the one-sided form, so central differences (h = 1e-3) never cross it.
  const d = tinyMlpDiscriminator(3, 5, tf.tanh);
  const xr = new Rng(21, 'data').normalTensor([6, 3]);
  const xf = new Rng(22, 'data').normalTensor([6, 3], 0.5);
  const scores = (p: ParamTree, x: tf.Tensor) => d.forward(x, { training: true, params: p }).score;

  /** The midpoint of the widest gap between sorted values: some lie above it, some below. */
  function splitPoint(t: tf.Tensor): number {
    const v = Array.from(t.dataSync()).sort((a, b) => a - b);
    t.dispose();
    let best = 0;
    for (let i = 1; i < v.length - 1; i++) if (v[i + 1] - v[i] > v[best + 1] - v[best]) best = i;
    return (v[best] + v[best + 1]) / 2;
  }

  /** α_F inside the real scores and α_R inside the fake ones, so some gaps are active, some not. */
  function fixedAnchors(): LecamAnchors {
    return {
      real: tf.scalar(splitPoint(scores({ ...d.params }, xf))),
      fake: tf.scalar(splitPoint(scores({ ...d.params }, xr))),
    };
  }

  it.each([true, false])('oneSided %s: matches central finite differences', (oneSided) => {
    const a = fixedAnchors();
    const gaps = tf.tidy(() =>
      tf.concat([tf.sub(scores({ ...d.params }, xr), a.fake), tf.sub(a.real, scores({ ...d.params }, xf))]),
    );
    const gapValues = Array.from(gaps.dataSync());
    expect(Math.min(...gapValues.map(Math.abs))).toBeGreaterThan(0.01);
    expect(gapValues.some((g) => g > 0) && gapValues.some((g) => g < 0)).toBe(true);
    const check = gradientVsFiniteDifferences(
      (p) => lecamPenalty(scores(p, xr), scores(p, xf), a, oneSided),
      { ...d.params },
    );
    console.log(`LeCam ∂/∂θ (oneSided ${oneSided}): relative error ${check.relativeError.toExponential(2)}`);
    expect(check.relativeError).toBeLessThan(2e-3);
    expect(Math.max(...Array.from(check.analytic).map(Math.abs))).toBeGreaterThan(1e-3);
    tf.dispose([a.real, a.fake, gaps]);
  });

  it("the regularizer's gradient treats the moved anchors as constants", () => {
    const reg = new LecamRegularizer({ decay: 0.5 });
    reg.afterDiscriminatorUpdate({ realScores: col([0.2]), fakeScores: col([-0.1]), step: 1 });
    const keys = Object.keys(d.params).sort();
    const ctxOf = (p: ParamTree) =>
      ({ realOut: { score: scores(p, xr) }, fakeOut: { score: scores(p, xf) } }) as unknown as LossContext;
    const moved = tf.tidy(() => {
      const logs = reg.logs(ctxOf({ ...d.params }));
      return { real: logs.anchor_real, fake: logs.anchor_fake };
    });
    const gradOf = (f: (p: ParamTree) => tf.Scalar) =>
      tf.tidy(() =>
        tf.grads((...ts: tf.Tensor[]) => f(Object.fromEntries(keys.map((k, i) => [k, ts[i]]))))(
          keys.map((k) => d.params[k]),
        ),
      );
    const viaRegularizer = gradOf((p) => reg.penalty(ctxOf(p)));
    const withConstants = gradOf((p) => lecamPenalty(scores(p, xr), scores(p, xf), moved));
    viaRegularizer.forEach((g, i) =>
      expect(Array.from(g.dataSync())).toEqual(Array.from(withConstants[i].dataSync())),
    );
    tf.dispose([...viaRegularizer, ...withConstants, moved.real, moved.fake]);
    reg.dispose();
  });
});
