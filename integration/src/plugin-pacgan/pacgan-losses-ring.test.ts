// plugin-pacgan with the real losses, models and data: every GAN loss on the n/m packed scores,
// spectral norm and the conditional wrapper around the packing, and a seeded 200-step
// non-saturating run on the 8-Gaussian ring (finite losses, no tensor leak).
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGan, installGradientFixes, Rng, type DataSource, type GanConfig } from '@ganforge/core';
import { expectNoTensorLeak } from '@ganforge/core/testing';
import { dataPlugin } from '@ganforge/data';
import { lossesPlugin } from '@ganforge/losses';
import { modelsPlugin } from '@ganforge/models';
import { cganPlugin, oneHotLabels } from '@ganforge/plugin-cgan';
import { pacganPlugin } from '@ganforge/plugin-pacgan';

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

const plugins = [lossesPlugin(), modelsPlugin(), dataPlugin(), cganPlugin(), pacganPlugin()];

function config(extra: Partial<GanConfig> = {}): GanConfig {
  return {
    seed: 7,
    backend: 'cpu',
    data: { kind: 'ring' },
    loss: { kind: 'non-saturating' },
    generator: { kind: 'mlp', hidden: [16], activation: 'relu', outputActivation: 'linear' },
    discriminator: { kind: 'pacgan', packing: 4, body: { kind: 'mlp', hidden: [16], activation: 'relu' } },
    optimizers: { generator: { lr: 1e-3, beta1: 0.5 }, discriminator: { lr: 1e-3, beta1: 0.5 } },
    latentDim: 2,
    batchSize: 16,
    ...extra,
  };
}

describe('plugin-pacgan + losses + models + data', () => {
  it.each([
    ['non-saturating', true],
    ['minimax', true],
    ['least-squares', true],
    ['hinge', true],
    ['wasserstein', false],
  ] as const)(
    '%s on the packed scores: finite losses; accuracies over the 4 packs',
    async (loss, hasAccuracy) => {
      const gan = await createGan(config({ loss: { kind: loss } }), { plugins });
      for (let i = 0; i < 3; i++) {
        const logs = gan.step();
        for (const key of ['d_loss', 'd_loss_real', 'd_loss_fake', 'g_loss'])
          expect(Number.isFinite(logs[key]), `${key} at step ${i + 1}`).toBe(true);
        if (hasAccuracy) {
          // 16 samples in packs of 4: 4 scores per batch, so each accuracy is a multiple of 1/4.
          for (const key of ['d_acc_real', 'd_acc_fake'])
            expect(Number.isInteger(logs[key] * 4), key).toBe(true);
        } else {
          expect(logs.d_acc_real).toBeUndefined();
          expect(Number.isFinite(logs.wasserstein_estimate)).toBe(true);
        }
      }
      gan.dispose();
    },
  );

  it('composes with R1 and label smoothing: finite, with R1 logged', async () => {
    const gan = await createGan(
      config({
        loss: { kind: 'non-saturating', realLabelSmoothing: 0.1 },
        regularizers: [{ kind: 'r1', gamma: 1 }],
      }),
      { plugins },
    );
    for (let i = 0; i < 3; i++) {
      const logs = gan.step();
      expect(Number.isFinite(logs.reg_r1) && Number.isFinite(logs.d_loss)).toBe(true);
    }
    gan.dispose();
  });

  it('spectral-norm outside the packing normalizes the body; its u vectors are state', async () => {
    const gan = await createGan(
      config({
        discriminator: {
          kind: 'spectral-norm',
          inner: { kind: 'pacgan', packing: 2, body: { kind: 'mlp', hidden: [8] } },
        },
      }),
      { plugins },
    );
    expect(Object.keys(gan.discriminator.state).some((k) => k.includes('body/layers/0/kernel'))).toBe(true);
    expect(Number.isFinite(gan.step().d_loss)).toBe(true);
    gan.dispose();
  });

  it('the conditional wrapper outside the packing appends labels to each sample before packing', async () => {
    // Two labelled classes on a line: class c at (2c − 1, 0) plus noise.
    const labelled: DataSource = {
      sampleShape: [2],
      numClasses: 2,
      sampler: (rng: Rng) => ({
        next(n: number) {
          const labels = Array.from({ length: n }, () => rng.int(2));
          const x = Float32Array.from({ length: 2 * n }, (_, i) =>
            i % 2 === 0 ? 2 * labels[i >> 1] - 1 + 0.1 * rng.normal() : 0.1 * rng.normal(),
          );
          return { x: tf.tensor2d(x, [n, 2]), labels: oneHotLabels(labels, 2) };
        },
        state: () => null,
        restore: () => undefined,
      }),
    };
    const gan = await createGan(
      config({
        generator: { kind: 'conditional', inner: { kind: 'mlp', hidden: [8], outputActivation: 'linear' } },
        discriminator: {
          kind: 'conditional',
          mode: 'concat',
          inner: { kind: 'pacgan', packing: 4, body: { kind: 'mlp', hidden: [8] } },
        },
      }),
      { plugins, data: labelled },
    );
    // Each sample becomes [x, one-hot] (4 values); four of them make the body's 16 inputs.
    expect(gan.discriminator.params['inner/body/layers/0/kernel'].shape).toEqual([16, 8]);
    for (let i = 0; i < 3; i++) expect(Number.isFinite(gan.step().d_loss)).toBe(true);
    gan.dispose();
  });

  it('PacGAN4, non-saturating, on the ring: 200 seeded steps with finite losses and no tensor leak', async () => {
    const gan = await createGan(
      config({
        discriminator: {
          kind: 'pacgan',
          packing: 4,
          body: { kind: 'mlp', hidden: [32, 32], activation: 'relu' },
        },
        generator: { kind: 'mlp', hidden: [32, 32], activation: 'relu', outputActivation: 'linear' },
        batchSize: 64,
      }),
      { plugins },
    );
    let last: Record<string, number> = {};
    const report = await expectNoTensorLeak(() => {
      last = gan.step() as unknown as Record<string, number>;
      for (const key of ['d_loss', 'g_loss'])
        if (!Number.isFinite(last[key])) throw new Error(`${key} ${last[key]}`);
    });
    expect(Object.keys(report.counts)).toEqual(['20', '70', '120']);
    for (let i = 120; i < 200; i++) {
      last = gan.step() as unknown as Record<string, number>;
      expect(Number.isFinite(last.d_loss) && Number.isFinite(last.g_loss), `step ${i + 1}`).toBe(true);
    }
    expect(gan.stepCount).toBe(200);
    console.log(
      `ring PacGAN4 (cpu, seed 7): numTensors ${JSON.stringify(report.counts)}; step 200 d_loss ${last.d_loss.toFixed(4)}, g_loss ${last.g_loss.toFixed(4)}`,
    );
    const samples = gan.sample({ n: 64 });
    expect(samples.shape).toEqual([64, 2]);
    expect(Array.from(samples.dataSync()).every(Number.isFinite)).toBe(true);
    samples.dispose();
    gan.dispose();
  });
});
