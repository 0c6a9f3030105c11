import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { adam } from '../optim/index.js';
import { createRngStreams } from '../rng/streams.js';
import { expectNoTensorLeak } from '../testing/expect-no-tensor-leak.js';
import { gaussianMixture1d } from '../testing/in-memory-data.js';
import {
  testingClipHook,
  testingL2Regularizer,
  testingNonSaturatingLoss,
} from '../testing/testing-components.js';
import { tinyMlpDiscriminator, tinyMlpGenerator } from '../testing/tiny-mlp.js';
import type { Regularizer, Hook } from '../types/loss.js';
import type { Optimizer } from '../types/optimizer.js';
import { AdversarialTrainer } from './adversarial-trainer.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function build(
  seed: number,
  extra: { dSteps?: number; regularizers?: Regularizer[]; hooks?: Hook[]; means?: number[] } = {},
) {
  const streams = createRngStreams(seed);
  const g = tinyMlpGenerator(4, [1], streams.init, { hidden: [32] });
  const d = tinyMlpDiscriminator([1], streams.init, { hidden: [32] });
  const trainer = new AdversarialTrainer({
    generator: g,
    discriminator: d,
    loss: testingNonSaturatingLoss(),
    regularizers: extra.regularizers ?? [],
    hooks: extra.hooks ?? [],
    generatorOptimizer: adam({ lr: 2e-3, beta1: 0.5 }),
    discriminatorOptimizer: adam({ lr: 2e-3, beta1: 0.5 }),
    dSteps: extra.dSteps ?? 1,
    batchSize: 64,
    streams,
  });
  const sampler = gaussianMixture1d(extra.means ?? [2, 4], 0.3).sampler(streams.data);
  return { g, d, trainer, sampler, streams };
}

function moments(g: ReturnType<typeof build>['g'], seed: number): { mean: number; std: number } {
  return tf.tidy(() => {
    const z = createRngStreams(seed).noise.normalTensor([2000, 4]);
    const x = g.generate(z, { training: false }).x;
    const { mean, variance } = tf.moments(x);
    return { mean: mean.dataSync()[0], std: Math.sqrt(variance.dataSync()[0]) };
  });
}

describe('AdversarialTrainer', () => {
  it('moves the generated mean and std toward a two-Gaussian mixture (data mean 3, std 1.04)', () => {
    const { g, trainer, sampler } = build(1);
    const before = moments(g, 99);
    let logs = trainer.step(sampler);
    for (let i = 1; i < 400; i++) logs = trainer.step(sampler);
    const after = moments(g, 99);
    const dataStd = Math.sqrt(1 + 0.09);
    expect(Math.abs(after.mean - 3)).toBeLessThan(Math.abs(before.mean - 3) / 3);
    expect(Math.abs(after.mean - 3)).toBeLessThan(0.5);
    expect(Math.abs(after.std - dataStd)).toBeLessThan(Math.abs(before.std - dataStd));
    expect(Object.keys(logs).sort()).toEqual(
      [
        'd_acc_fake',
        'd_acc_real',
        'd_grad_norm',
        'd_loss',
        'd_loss_fake',
        'd_loss_real',
        'g_grad_norm',
        'g_loss',
        'step',
        'step_time_ms',
        'testing_non_saturating_mean_fake_logit',
      ].sort(),
    );
    expect(logs.step).toBe(400);
    expect(logs.d_loss).toBeCloseTo(logs.d_loss_real + logs.d_loss_fake, 5);
  });

  it('does not leak tensors with dSteps 2, a D-side and a G-side regularizer and a hook', async () => {
    const { trainer, sampler } = build(2, {
      dSteps: 2,
      regularizers: [testingL2Regularizer('discriminator', 1e-3), testingL2Regularizer('generator', 1e-3)],
      hooks: [testingClipHook('discriminatorUpdate', 0.5)],
    });
    const report = await expectNoTensorLeak(() => trainer.step(sampler));
    expect(report.counts[20]).toBeGreaterThan(0);
  });

  it("gives each optimizer only its own network's gradients and changes only that network", () => {
    const seen: Record<string, string[]> = {};
    const frozen = (name: string): Optimizer => ({
      name,
      init: () => ({}),
      update: (grads, state, params) => {
        seen[name] = Object.keys(grads).sort();
        return { params, state };
      },
    });
    const { g, d, trainer, sampler } = build(3);
    const parts = (trainer as unknown as { parts: { generatorOptimizer: Optimizer } }).parts;
    parts.generatorOptimizer = frozen('g');
    const gBefore = Array.from(g.params['layers/0/kernel'].dataSync());
    const dBefore = Array.from(d.params['layers/0/kernel'].dataSync());
    trainer.step(sampler);
    expect(seen.g).toEqual(Object.keys(g.params).sort());
    expect(Array.from(g.params['layers/0/kernel'].dataSync())).toEqual(gBefore);
    expect(Array.from(d.params['layers/0/kernel'].dataSync())).not.toEqual(dBefore);
  });

  it('applies the hook after the discriminator update', () => {
    const { d, trainer, sampler } = build(4, { hooks: [testingClipHook('discriminatorUpdate', 0.01)] });
    trainer.step(sampler);
    for (const v of Object.values(d.params))
      expect(tf.max(tf.abs(v)).dataSync()[0]).toBeLessThanOrEqual(0.01 + 1e-7);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const run = (seed: number) => {
      const { g, trainer, sampler } = build(seed);
      const losses: number[] = [];
      for (let i = 0; i < 20; i++) losses.push(trainer.step(sampler).g_loss);
      return { losses, w: Array.from(g.params['layers/0/kernel'].dataSync()) };
    };
    const a = run(7);
    const b = run(7);
    const c = run(8);
    expect(a.losses).toEqual(b.losses);
    expect(a.w).toEqual(b.w);
    expect(c.w).not.toEqual(a.w);
  });
});
