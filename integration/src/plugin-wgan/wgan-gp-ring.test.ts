import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGan, installGradientFixes } from '@ganforge/core';
import { dataPlugin } from '@ganforge/data';
import { modelsPlugin } from '@ganforge/models';
import { wganPlugin } from '@ganforge/plugin-wgan';

// WGAN-GP on the 8-Gaussian ring (BENCHMARKS.md §3: radius 1, σ 0.01), seeded on the pinned cpu
// backend with 16-unit MLPs. The wgan-gp preset (λ 10, 5 critic steps, Adam β 0/0.9) with the
// learning rates raised (critic 1e-3, generator 3e-4) so that a few hundred steps show the
// mechanism: the critic's Wasserstein estimate rises, then falls as the generator moves onto the
// ring, and the penalty drives the critic's gradient norm at the interpolates to 1. The nets keep
// the glorot-uniform init these windows were measured with (under the mlp default fan-in-uniform
// the same 300 steps end at ratio 0.99, measured).
const STEPS = 300;
const WINDOW = 50;

const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

describe('plugin-wgan × models × data: wgan-gp on the ring (cpu, seeded)', () => {
  it(`${STEPS} steps: the estimate's ${WINDOW}-step average falls to ≤ ½ its max; grad norm → 1`, async () => {
    const gan = await createGan(
      {
        seed: 1,
        backend: 'cpu',
        preset: 'wgan-gp',
        data: { kind: 'ring' },
        generator: { kind: 'mlp', hidden: [16, 16], outputActivation: 'linear', init: 'glorot-uniform' },
        discriminator: { kind: 'mlp', hidden: [16, 16], init: 'glorot-uniform' },
        optimizers: { generator: { lr: 3e-4 }, discriminator: { lr: 1e-3 } },
        latentDim: 2,
        batchSize: 64,
      },
      { plugins: [wganPlugin(), modelsPlugin(), dataPlugin()], selectBackend: false },
    );
    expect(gan.config.regularizers).toEqual([{ kind: 'gradient-penalty', lambda: 10, oneSided: false }]);
    expect(gan.config.trainer.dSteps).toBe(5);
    const estimate: number[] = [];
    const norm: number[] = [];
    const started = performance.now();
    for (let i = 0; i < STEPS; i++) {
      const logs = gan.step();
      estimate.push(logs.wasserstein_estimate);
      norm.push(logs.gradient_penalty_grad_norm);
    }
    const seconds = (performance.now() - started) / 1000;
    const moving = estimate.slice(WINDOW - 1).map((_, i) => mean(estimate.slice(i, i + WINDOW)));
    const max = Math.max(...moving);
    const end = moving[moving.length - 1];
    const first = mean(norm.slice(0, WINDOW));
    const last = mean(norm.slice(-WINDOW));
    console.log(
      `wgan-gp ring: ${STEPS} steps in ${seconds.toFixed(1)} s; estimate MA${WINDOW} max ${max.toFixed(3)}, end ` +
        `${end.toFixed(3)} (ratio ${(end / max).toFixed(3)}); mean grad norm first ${WINDOW} ${first.toFixed(3)}, last ${WINDOW} ${last.toFixed(3)}`,
    );
    expect(max).toBeGreaterThan(0.2);
    expect(end).toBeLessThanOrEqual(0.5 * max);
    expect(Math.abs(last - 1)).toBeLessThan(0.3);
    expect(Math.abs(last - 1)).toBeLessThan(Math.abs(first - 1));
    gan.dispose();
  });
});
