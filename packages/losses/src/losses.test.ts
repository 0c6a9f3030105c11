import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LossContext } from '@ganforge/core';
import { bceDiscriminatorLoss, sigmoidCrossEntropyWithLogits } from './bce.js';
import { thresholdAccuracy } from './accuracy.js';
import { minimaxGeneratorLoss, minimaxLoss } from './minimax.js';
import { nonSaturatingGeneratorLoss, nonSaturatingLoss } from './non-saturating.js';
import {
  leastSquaresDiscriminatorLoss,
  leastSquaresGeneratorLoss,
  leastSquaresLoss,
} from './least-squares.js';
import { hingeDiscriminatorLoss, hingeGeneratorLoss, hingeLoss } from './hinge.js';
import {
  wassersteinCriticLoss,
  wassersteinEstimate,
  wassersteinGeneratorLoss,
  wassersteinLoss,
} from './wasserstein.js';
import { read } from './test-utils.js';

const softplus = (x: number): number => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
const col = (v: number[]): tf.Tensor => tf.tensor2d(v, [v.length, 1]);

function scoresContext(real: number[], fake: number[]): LossContext {
  const realScore = col(real);
  const fakeScore = col(fake);
  return {
    realOut: { score: realScore, features: realScore },
    fakeOut: { score: fakeScore, features: fakeScore },
  } as unknown as LossContext;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('binary cross-entropy on logits', () => {
  const realLogits = [2, -1];
  const fakeLogits = [0.5, -3];

  it('matches −log σ(l) and −log(1 − σ(l)) worked out by hand', () => {
    // real: −log σ(2) = softplus(−2) = 0.126928; −log σ(−1) = softplus(1) = 1.313262 → mean 0.720095
    const real = (softplus(-2) + softplus(1)) / 2;
    // fake: −log(1 − σ(0.5)) = softplus(0.5) = 0.974077; softplus(−3) = 0.048587 → mean 0.511332
    const fake = (softplus(0.5) + softplus(-3)) / 2;
    expect(real).toBeCloseTo(0.720095, 5);
    expect(fake).toBeCloseTo(0.511332, 5);
    const out = bceDiscriminatorLoss(col(realLogits), col(fakeLogits));
    expect(read(out.real)).toBeCloseTo(real, 5);
    expect(read(out.fake)).toBeCloseTo(fake, 5);
  });

  it('applies one-sided (α) and two-sided (β) label smoothing as targets 1 − α and β', () => {
    const alpha = 0.1;
    const beta = 0.2;
    // target t: t·softplus(−l) + (1 − t)·softplus(l)
    const real = (0.9 * softplus(-2) + 0.1 * softplus(2) + (0.9 * softplus(1) + 0.1 * softplus(-1))) / 2;
    const fake = (0.2 * softplus(-0.5) + 0.8 * softplus(0.5) + (0.2 * softplus(3) + 0.8 * softplus(-3))) / 2;
    const out = bceDiscriminatorLoss(col(realLogits), col(fakeLogits), {
      realLabelSmoothing: alpha,
      fakeLabelSmoothing: beta,
    });
    expect(read(out.real)).toBeCloseTo(real, 5);
    expect(read(out.fake)).toBeCloseTo(fake, 5);
    // one-sided: the fake part is unchanged
    const oneSided = bceDiscriminatorLoss(col(realLogits), col(fakeLogits), { realLabelSmoothing: alpha });
    expect(read(oneSided.fake)).toBeCloseTo((softplus(0.5) + softplus(-3)) / 2, 5);
    tf.dispose([oneSided.real]);
  });

  it('is finite for saturated logits (softplus form, no log of a sigmoid)', () => {
    expect(read(sigmoidCrossEntropyWithLogits(col([-200, 200]), 1))).toBeCloseTo(100, 3);
    expect(read(nonSaturatingGeneratorLoss(col([-120])))).toBeCloseTo(120, 3);
    expect(read(minimaxGeneratorLoss(col([150])))).toBeCloseTo(-150, 3);
  });

  it('generator losses: minimax E log(1 − σ(l)) and non-saturating −E log σ(l)', () => {
    // minimax: −(softplus(0.5) + softplus(−3))/2 = −0.511332; NS: (0.474077 + 3.048587)/2 = 1.761332
    expect(read(minimaxGeneratorLoss(col(fakeLogits)))).toBeCloseTo(-(softplus(0.5) + softplus(-3)) / 2, 5);
    expect(read(nonSaturatingGeneratorLoss(col(fakeLogits)))).toBeCloseTo(
      (softplus(-0.5) + softplus(3)) / 2,
      5,
    );
    expect((softplus(-0.5) + softplus(3)) / 2).toBeCloseTo(1.761332, 5);
  });

  it('non-saturating keeps a gradient where minimax saturates (D(G(z)) ≈ 0)', () => {
    const logits = [-10, -8]; // σ = 4.54e-5 and 3.35e-4
    const gMinimax = tf
      .grad((l: tf.Tensor) => minimaxGeneratorLoss(l))(col(logits))
      .dataSync();
    const gNs = tf
      .grad((l: tf.Tensor) => nonSaturatingGeneratorLoss(l))(col(logits))
      .dataSync();
    // d/dl −softplus(l)/n = −σ(l)/n;  d/dl softplus(−l)/n = −(1 − σ(l))/n
    expect(gMinimax[0]).toBeCloseTo(-sigmoid(-10) / 2, 9); // −2.27e-5
    expect(gMinimax[1]).toBeCloseTo(-sigmoid(-8) / 2, 8); // −1.68e-4
    expect(gNs[0]).toBeCloseTo(-(1 - sigmoid(-10)) / 2, 6); // −0.49998
    expect(gNs[1]).toBeCloseTo(-(1 - sigmoid(-8)) / 2, 6); // −0.49983
    expect(Math.abs(gNs[0] / gMinimax[0])).toBeGreaterThan(20_000);

    // Through a generator parameter θ: l = θ·z − 10 for z = [1, 2], θ = 0.5.
    const z = col([1, 2]);
    const grad = (loss: (l: tf.Tensor) => tf.Scalar): number =>
      read(tf.grad((theta: tf.Tensor) => loss(tf.sub(tf.mul(theta, z), 10)))(tf.scalar(0.5)));
    const gm = grad(minimaxGeneratorLoss); // −(σ(−9.5)·1 + σ(−9)·2)/2
    const gn = grad(nonSaturatingGeneratorLoss); // −((1 − σ(−9.5))·1 + (1 − σ(−9))·2)/2
    expect(gm).toBeCloseTo(-(sigmoid(-9.5) + 2 * sigmoid(-9)) / 2, 7);
    expect(gn).toBeCloseTo(-(1 - sigmoid(-9.5) + 2 * (1 - sigmoid(-9))) / 2, 5);
    expect(Math.abs(gm)).toBeLessThan(2e-4);
    expect(Math.abs(gn)).toBeGreaterThan(1.49);
  });
});

describe('least squares (Mao et al. 2017)', () => {
  it('matches ½E(D(x) − b)², ½E(D(G(z)) − a)², ½E(D(G(z)) − c)² by hand', () => {
    const out = leastSquaresDiscriminatorLoss(col([0.8, 0.3]), col([0.1, 0.6]));
    expect(read(out.real)).toBeCloseTo((0.5 * ((0.8 - 1) ** 2 + (0.3 - 1) ** 2)) / 2, 6); // 0.1325
    expect(read(out.fake)).toBeCloseTo((0.5 * (0.1 ** 2 + 0.6 ** 2)) / 2, 6); // 0.0925
    expect(read(leastSquaresGeneratorLoss(col([0.1, 0.6])))).toBeCloseTo(
      (0.5 * (0.9 ** 2 + 0.4 ** 2)) / 2,
      6,
    ); // 0.2425
    // the −1/1/0 coding of the paper's eq. 8
    const coded = leastSquaresDiscriminatorLoss(col([0.8]), col([0.1]), { a: -1, b: 1 });
    expect(read(coded.real)).toBeCloseTo(0.5 * 0.2 ** 2, 6);
    expect(read(coded.fake)).toBeCloseTo(0.5 * 1.1 ** 2, 6);
    expect(read(leastSquaresGeneratorLoss(col([0.1]), { c: 0 }))).toBeCloseTo(0.5 * 0.01, 6);
  });
});

describe('hinge (Lim & Ye 2017)', () => {
  it('matches E max(0, 1 − D(x)), E max(0, 1 + D(G(z))), −E D(G(z)) by hand', () => {
    const out = hingeDiscriminatorLoss(col([0.5, 2, -0.5]), col([-2, 0.5, 0]));
    expect(read(out.real)).toBeCloseTo((0.5 + 0 + 1.5) / 3, 6);
    expect(read(out.fake)).toBeCloseTo((0 + 1.5 + 1) / 3, 6);
    expect(read(hingeGeneratorLoss(col([-2, 0.5, 0])))).toBeCloseTo(-(-2 + 0.5 + 0) / 3, 6);
  });
});

describe('Wasserstein (Arjovsky et al. 2017)', () => {
  it('matches −E D(x), E D(G(z)), −E D(G(z)) and the estimate by hand', () => {
    const out = wassersteinCriticLoss(col([1, 3]), col([-1, 2]));
    expect(read(out.real)).toBeCloseTo(-2, 6);
    expect(read(out.fake)).toBeCloseTo(0.5, 6);
    expect(read(wassersteinGeneratorLoss(col([-1, 2])))).toBeCloseTo(-0.5, 6);
    expect(read(wassersteinEstimate(col([1, 3]), col([-1, 2])))).toBeCloseTo(1.5, 6);
  });
});

describe('accuracy and the GanLoss objects', () => {
  const real = [2, -1, 3, 0.4];
  const fake = [0.5, -3, 0, 0.7];

  it('thresholds logits at 0 for the BCE losses and hinge', () => {
    for (const loss of [minimaxLoss(), nonSaturatingLoss(), hingeLoss()]) {
      const acc = loss.accuracy!(scoresContext(real, fake));
      expect(read(acc.real)).toBeCloseTo(3 / 4, 6); // 2, 3, 0.4 > 0
      expect(read(acc.fake)).toBeCloseTo(2 / 4, 6); // −3, 0 ≤ 0
    }
  });

  it('thresholds least squares at (a + b)/2 = 0.5, and at 0 for a = −1, b = 1', () => {
    const acc = leastSquaresLoss().accuracy!(scoresContext(real, fake));
    expect(read(acc.real)).toBeCloseTo(2 / 4, 6); // 2, 3 > 0.5
    expect(read(acc.fake)).toBeCloseTo(3 / 4, 6); // 0.5, −3, 0 ≤ 0.5
    const coded = leastSquaresLoss({ a: -1, b: 1 }).accuracy!(scoresContext(real, fake));
    expect(read(coded.real)).toBeCloseTo(3 / 4, 6);
    // reversed coding: real below the threshold
    const reversed = thresholdAccuracy(col(real), col(fake), 0.5, false);
    expect(read(reversed.real)).toBeCloseTo(2 / 4, 6);
    expect(read(reversed.fake)).toBeCloseTo(2 / 4, 6); // 0.5, 0.7 ≥ 0.5
    tf.dispose([coded.fake]);
  });

  it('claims no accuracy for Wasserstein, logs the estimate and defaults to 5 critic steps', () => {
    const loss = wassersteinLoss();
    expect(loss.accuracy).toBeUndefined();
    expect(read(loss.logs!(scoresContext([1, 3], [-1, 2])).estimate)).toBeCloseTo(1.5, 6);
    expect(loss.defaults?.dSteps).toBe(5);
  });

  it('routes the context scores into each loss (real + fake split)', () => {
    const ctx = scoresContext([2, -1], [0.5, -3]);
    const ns = nonSaturatingLoss({ realLabelSmoothing: 0.1 }).discriminatorLoss(ctx);
    expect(read(ns.real)).toBeCloseTo(
      (0.9 * softplus(-2) + 0.1 * softplus(2) + 0.9 * softplus(1) + 0.1 * softplus(-1)) / 2,
      5,
    );
    expect(read(ns.fake)).toBeCloseTo((softplus(0.5) + softplus(-3)) / 2, 5);
    expect(read(minimaxLoss().generatorLoss(ctx))).toBeCloseTo(-(softplus(0.5) + softplus(-3)) / 2, 5);
    expect(read(hingeLoss().generatorLoss(ctx))).toBeCloseTo(1.25, 6);
  });

  it('allocates nothing beyond its results', () => {
    const ctx = scoresContext([2, -1], [0.5, -3]);
    const before = tf.memory().numTensors;
    for (const loss of [
      minimaxLoss(),
      nonSaturatingLoss(),
      leastSquaresLoss(),
      hingeLoss(),
      wassersteinLoss(),
    ]) {
      const d = loss.discriminatorLoss(ctx);
      tf.dispose([d.real, d.fake, loss.generatorLoss(ctx)]);
      if (loss.accuracy) tf.dispose(Object.values(loss.accuracy(ctx)));
      if (loss.logs) tf.dispose(Object.values(loss.logs(ctx)));
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
