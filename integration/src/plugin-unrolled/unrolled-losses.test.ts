// plugin-unrolled with the real losses, models, data and plugin-wgan: every registered loss, the R1
// and gradient-penalty regularizers (third order inside the unroll) and weight clipping run through
// K functional discriminator updates from a config.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGan, installGradientFixes, type GanConfig, type ParamTree } from '@ganforge/core';
import { dataPlugin } from '@ganforge/data';
import { lossesPlugin } from '@ganforge/losses';
import { modelsPlugin } from '@ganforge/models';
import { unrolledPlugin } from '@ganforge/plugin-unrolled';
import { wganPlugin } from '@ganforge/plugin-wgan';

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

const plugins = [lossesPlugin(), modelsPlugin(), dataPlugin(), wganPlugin(), unrolledPlugin()];

function config(overrides: Partial<GanConfig>): GanConfig {
  return {
    seed: 2,
    backend: 'cpu',
    data: { kind: 'ring', sigma: 0.05 },
    generator: { kind: 'mlp', hidden: [16], activation: 'tanh', outputActivation: 'linear' },
    discriminator: { kind: 'mlp', hidden: [16], activation: 'tanh' },
    loss: { kind: 'non-saturating' },
    trainer: { kind: 'unrolled', unrollSteps: 2 },
    latentDim: 2,
    batchSize: 32,
    ...overrides,
  };
}

function values(tree: ParamTree): Record<string, number[]> {
  return Object.fromEntries(Object.entries(tree).map(([k, t]) => [k, Array.from(t.dataSync())]));
}

/** Steps a K = 2 GAN and the same config with K = 0; returns the logs and whether G's updates differ. */
async function runPair(overrides: Partial<GanConfig>, steps = 2) {
  const unrolled = await createGan(config(overrides), { plugins });
  const plain = await createGan(config({ ...overrides, trainer: { kind: 'unrolled', unrollSteps: 0 } }), {
    plugins,
  });
  let logs = unrolled.step();
  for (let i = 1; i < steps; i++) logs = unrolled.step();
  for (let i = 0; i < steps; i++) plain.step();
  const a = values(unrolled.generator.params);
  const b = values(plain.generator.params);
  const gDiffers = Object.keys(a).some((k) => a[k].some((v, i) => v !== b[k][i]));
  const d = values(unrolled.discriminator.params);
  unrolled.dispose();
  plain.dispose();
  return { logs, gDiffers, d };
}

describe('plugin-unrolled with every registered loss', () => {
  for (const loss of ['minimax', 'non-saturating', 'least-squares', 'hinge', 'wasserstein'] as const) {
    it(`${loss}: trains through 2 unrolled D steps, logs unrolled_d_loss, and G's update differs from K = 0`, async () => {
      const { logs, gDiffers } = await runPair({ loss: { kind: loss } });
      for (const key of ['g_loss', 'd_loss', 'unrolled_d_loss', 'g_grad_norm'])
        expect(Number.isFinite(logs[key]), key).toBe(true);
      expect(gDiffers).toBe(true);
    });
  }

  it('R1 (second order) inside every unrolled step: G gets third-order gradients, all finite', async () => {
    const { logs, gDiffers } = await runPair({ regularizers: [{ kind: 'r1', gamma: 1 }] });
    expect(Number.isFinite(logs.reg_r1) && Number.isFinite(logs.g_grad_norm)).toBe(true);
    expect(gDiffers).toBe(true);
  });

  it('WGAN-GP (gradient penalty on interpolates of real and G(z)) inside the unroll: finite, and differs from K = 0', async () => {
    const { logs, gDiffers } = await runPair({
      loss: { kind: 'wasserstein' },
      regularizers: [{ kind: 'gradient-penalty', lambda: 1 }],
      trainer: { kind: 'unrolled', unrollSteps: 2, dSteps: 2 },
    });
    expect(Number.isFinite(logs.reg_gradient_penalty) && Number.isFinite(logs.unrolled_d_loss)).toBe(true);
    expect(gDiffers).toBe(true);
  });

  it('WGAN weight clipping (a D hook, also applied after each unrolled step): trains, D stays in [−c, c]', async () => {
    const { logs, d, gDiffers } = await runPair({
      loss: { kind: 'wasserstein' },
      hooks: [{ kind: 'weight-clipping', c: 0.05 }],
      optimizers: { discriminator: { kind: 'rmsprop', lr: 5e-3 } },
    });
    expect(Math.max(...Object.values(d).flat().map(Math.abs))).toBeLessThanOrEqual(Math.fround(0.05));
    expect(Number.isFinite(logs.unrolled_d_loss)).toBe(true);
    expect(gDiffers).toBe(true);
  });
});
