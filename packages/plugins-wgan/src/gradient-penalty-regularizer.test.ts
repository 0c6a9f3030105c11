import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, installGradientFixes, Rng } from '@ganforge/core';
import { gradientPenalty } from './gradient-penalty.js';
import { gradientPenaltyRegularizer } from './gradient-penalty-regularizer.js';
import { interpolates } from './interpolates.js';
import { criticContext, linearCritic } from './test-utils.js';

const read = (t: tf.Tensor): number[] => {
  const v = Array.from(t.dataSync());
  t.dispose();
  return v;
};

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

describe('interpolates', () => {
  it('x̂ = εx + (1 − ε)x̃ with one ε per sample, broadcast over sample axes', () => {
    const real = tf.tensor4d([1, 1, 1, 1, 2, 2, 2, 2], [2, 2, 2, 1]);
    const fake = tf.tensor4d([5, 5, 5, 5, -2, -2, -2, -2], [2, 2, 2, 1]);
    const eps = tf.tensor1d([0.25, 1]);
    const x = interpolates(real, fake, eps);
    expect(x.shape).toEqual([2, 2, 2, 1]);
    expect(read(x)).toEqual([4, 4, 4, 4, 2, 2, 2, 2]);
    tf.dispose([real, fake, eps]);
  });
});

describe('gradientPenalty', () => {
  // ∇ₓD = w for a linear critic: ‖w‖ = 5 → (5 − 1)² = 16 on both forms; ‖w‖ = 0.5 → 0.25 / 0.
  it('equals (‖w‖ − 1)² for a linear critic, two- and one-sided', () => {
    const x = tf.randomNormal([6, 2]);
    const y = tf.randomNormal([6, 2]);
    const eps = tf.randomUniform([6]);
    for (const [w, two, one] of [
      [[3, 4], 16, 16],
      [[0.3, 0.4], 0.25, 0],
    ] as const) {
      const d = linearCritic([...w]);
      const a = gradientPenalty(d, x, y, eps);
      const b = gradientPenalty(d, x, y, eps, { oneSided: true });
      expect(read(a.penalty)[0]).toBeCloseTo(two, 4);
      expect(read(b.penalty)[0]).toBeCloseTo(one, 4);
      expect(read(a.norms)).toEqual(
        Array(6)
          .fill(Math.hypot(...w))
          .map((v) => expect.closeTo(v, 5)),
      );
      b.norms.dispose();
      d.dispose();
    }
    tf.dispose([x, y, eps]);
  });

  it('has a finite gradient where ∇ₓD = 0 (safe norm): ∂GP/∂w = 0 at w = 0, not NaN', () => {
    const d = linearCritic([0, 0]);
    const x = tf.randomNormal([4, 2]);
    const eps = tf.randomUniform([4]);
    const grads = tf.tidy(() =>
      tf.grads(
        (w: tf.Tensor) =>
          gradientPenalty(d, x, x, eps, { params: { ...d.params, 'layers/0/kernel': w } }).penalty,
      )([d.params['layers/0/kernel']]),
    );
    expect(read(grads[0])).toEqual([0, 0]);
    tf.dispose([x, eps]);
    d.dispose();
  });
});

describe('gradientPenaltyRegularizer', () => {
  it('weight λ, target discriminator, penalty on ctx params/state, grad_norm log of the same interpolates', () => {
    const d = linearCritic([3, 4]);
    const reg = gradientPenaltyRegularizer({ lambda: 0.1 }, { log: () => {} });
    expect(reg).toMatchObject({ name: 'gradient-penalty', target: 'discriminator', weight: 0.1 });
    const real = tf.randomNormal([5, 2]);
    const fake = tf.randomNormal([5, 2]);
    // Substitute params (w = [0.6, 0.8], ‖w‖ = 1) and state (s = 2): ∇ₓD = 2w, norm 2 → GP 1.
    const w = tf.tensor2d([0.6, 0.8], [2, 1]);
    const s = tf.scalar(2);
    const ctx = criticContext(d, real, fake, new Rng(3, 'noise'), {
      dParams: { ...d.params, 'layers/0/kernel': w },
      dState: { 'layers/0/scale': s },
    });
    const before = tf.memory().numTensors;
    const [penalty, norm] = tf.tidy(() => {
      const p = reg.penalty(ctx);
      const logs = reg.logs!(ctx);
      expect(Object.keys(logs)).toEqual(['grad_norm']);
      return [p, logs.grad_norm];
    });
    expect(tf.memory().numTensors).toBe(before + 2);
    expect(read(penalty)[0]).toBeCloseTo(1, 4);
    expect(read(norm)[0]).toBeCloseTo(2, 4);
    // The critic's own state variable is never written.
    expect(read(d.state['layers/0/scale'].clone())).toEqual([1]);
    tf.dispose([real, fake, w, s]);
    d.dispose();
  });

  it('draws ε from ctx.rng, one per sample: equal seeds give equal penalties, the stream advances', () => {
    const d = {
      ...linearCritic([1, 1]),
      // D(x) = Σx², ∇ₓD = 2x: the penalty depends on where x̂ lies, so on ε.
      forward: (x: tf.Tensor) =>
        tf.tidy(() => ({ score: tf.sum(tf.square(x), 1, true), features: x, state: {} })),
    };
    const reg = gradientPenaltyRegularizer({}, { log: () => {} });
    const real = tf.tensor2d([1, 0, 0, 1, 1, 1], [3, 2]);
    const fake = tf.zeros([3, 2]);
    const value = (rng: Rng) => tf.tidy(() => read(reg.penalty(criticContext(d, real, fake, rng)))[0]);
    const a = new Rng(7, 'noise');
    const b = new Rng(7, 'noise');
    const first = value(a);
    expect(value(b)).toBe(first);
    expect(value(a)).not.toBe(first);
    // ε drawn by hand from the same stream reproduces it: x̂ = εx, ‖2x̂‖ = 2ε‖x‖.
    const eps = new Rng(7, 'noise').uniformArray(3);
    const norms = [1, 1, Math.SQRT2];
    const expected = norms.reduce((acc, n, i) => acc + (2 * eps[i] * n - 1) ** 2, 0) / 3;
    expect(first).toBeCloseTo(expected, 5);
    tf.dispose([real, fake]);
    d.dispose();
  });

  it('warns once, suggesting layer norm, when the critic has batch-norm state; never otherwise', () => {
    const messages: string[] = [];
    const log = (m: string) => messages.push(m);
    const bn = linearCritic([1, 0], 'layers/1/movingMean');
    const plain = linearCritic([1, 0]);
    const x = tf.randomNormal([4, 2]);
    const regBn = gradientPenaltyRegularizer({}, { log });
    const regPlain = gradientPenaltyRegularizer({}, { log });
    for (let i = 0; i < 3; i++) {
      tf.tidy(() => {
        regBn.penalty(criticContext(bn, x, x, new Rng(i)));
        regPlain.penalty(criticContext(plain, x, x, new Rng(i)));
      });
    }
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('layers/1/movingMean');
    expect(messages[0]).toContain('layer norm');
    tf.dispose(x);
    bn.dispose();
    plain.dispose();
  });

  it('rejects λ < 0 with a ConfigError naming lambda', () => {
    let error: unknown;
    try {
      gradientPenaltyRegularizer({ lambda: -1 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map((i) => i.path)).toEqual(['lambda']);
    expect((error as ConfigError).message).toMatch(/gradient-penalty.*lambda.*>=0/);
    expect(() => gradientPenaltyRegularizer({ lambda: 0 })).not.toThrow();
  });
});
