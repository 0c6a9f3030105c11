// cgan with the real models and losses: conditional MLP and DCGAN networks, the Wasserstein loss
// with R1 (a second derivative through each conditioning mode), spectral norm around a
// projection discriminator, and no tensor leak.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createGan,
  defineComponent,
  GAN_COMPONENT,
  installGradientFixes,
  Rng,
  type DataSource,
  type GanConfig,
  type GanPlugin,
} from '@ganforge/core';
import { z } from 'zod';
import { expectNoTensorLeak } from '@ganforge/core/testing';
import { lossesPlugin } from '@ganforge/losses';
import { modelsPlugin } from '@ganforge/models';
import { cganPlugin, oneHotLabels } from '@ganforge/plugin-cgan';

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

/** Three labelled classes: class c fills the sample with c − 1 plus noise. */
function labelled(sampleShape: number[]): DataSource {
  const size = sampleShape.reduce((a, b) => a * b, 1);
  return {
    sampleShape,
    numClasses: 3,
    sampler: (rng: Rng) => ({
      next(n: number) {
        const labels = Array.from({ length: n }, () => rng.int(3));
        const x = Float32Array.from(
          { length: n * size },
          (_, i) => labels[Math.floor(i / size)] - 1 + 0.1 * rng.normal(),
        );
        return { x: tf.tensor(x, [n, ...sampleShape]), labels: oneHotLabels(labels, 3) };
      },
      state: () => null,
      restore: () => undefined,
    }),
  };
}

/** Registers data `cgan-test-classes` ({@link labelled}). */
function testDataPlugin(): GanPlugin {
  return {
    name: 'cgan integration data',
    register(container) {
      const options = z.strictObject({ sampleShape: z.array(z.number().int().positive()) });
      container.register(GAN_COMPONENT, {
        useValue: defineComponent({
          kind: 'data',
          name: 'cgan-test-classes',
          description: 'three labelled classes (tests)',
          options,
          create: (o) => labelled(o.sampleShape),
        }),
      });
    },
  };
}

const plugins = [lossesPlugin(), modelsPlugin(), cganPlugin(), testDataPlugin()];

function config(generator: object, discriminator: object, sampleShape: number[]): GanConfig {
  return {
    seed: 2,
    backend: 'cpu',
    data: { kind: 'cgan-test-classes', sampleShape },
    generator,
    discriminator,
    loss: { kind: 'wasserstein' },
    regularizers: [{ kind: 'r1', gamma: 1 }],
    optimizers: {
      generator: { kind: 'adam', lr: 1e-3, beta1: 0.5 },
      discriminator: { kind: 'adam', lr: 1e-3, beta1: 0.5 },
    },
    latentDim: 4,
    batchSize: 16,
  } as unknown as GanConfig;
}

describe('cgan + models + losses (wasserstein, r1)', () => {
  for (const mode of ['concat', 'embedding', 'projection'] as const) {
    it(`MLP, D ${mode}: R1 through the conditional critic is finite and logged${mode === 'projection' ? '; no tensor leak over 120 steps' : ''}`, async () => {
      const gan = await createGan(
        config(
          {
            kind: 'conditional',
            mode: mode === 'projection' ? 'concat' : mode,
            inner: { kind: 'mlp', hidden: [16], activation: 'tanh' },
          },
          { kind: 'conditional', mode, inner: { kind: 'mlp', hidden: [16], activation: 'tanh' } },
          [6],
        ),
        { plugins },
      );
      let r1 = NaN;
      const step = () => {
        const logs = gan.step();
        r1 = logs.reg_r1;
        expect(Number.isFinite(logs.d_loss)).toBe(true);
      };
      // The package's own tests check every mode for leaks; here the one with the most parts.
      if (mode === 'projection') await expectNoTensorLeak(step);
      else for (let i = 0; i < 10; i++) step();
      expect(r1).toBeGreaterThan(0);
      const x = gan.sample({ n: 3, labels: [0, 1, 2] });
      expect(x.shape).toEqual([3, 6]);
      x.dispose();
      gan.dispose();
    });
  }

  it('spectral-norm around a projection D normalizes projection/kernel too; conditional G around a DCGAN', async () => {
    const gan = await createGan(
      config(
        { kind: 'conditional', mode: 'embedding', embeddingDim: 4, inner: { kind: 'dcgan', width: 4 } },
        {
          kind: 'spectral-norm',
          inner: { kind: 'conditional', mode: 'projection', inner: { kind: 'mlp', hidden: [8] } },
        },
        [8, 8, 1],
      ),
      { plugins },
    );
    expect(Object.keys(gan.discriminator.state)).toContain('spectral-norm/projection/kernel/u');
    expect(gan.generator.params['embedding/table'].shape).toEqual([3, 4]);
    for (let i = 0; i < 3; i++) expect(Number.isFinite(gan.step().g_loss)).toBe(true);
    const x = gan.sample({ n: 3, labels: [2, 1, 0] });
    expect(x.shape).toEqual([3, 8, 8, 1]);
    x.dispose();
    gan.dispose();
  });

  it('a conv critic with labels as channels (layout auto) on [8, 8, 1] samples', async () => {
    const gan = await createGan(
      config(
        { kind: 'conditional', inner: { kind: 'mlp', hidden: [8] } },
        { kind: 'conditional', mode: 'embedding', embeddingDim: 2, inner: { kind: 'dcgan', width: 4 } },
        [8, 8, 1],
      ),
      { plugins },
    );
    const d = gan.discriminator as unknown as { inner: { inputShape: number[] } };
    expect(d.inner.inputShape).toEqual([8, 8, 3]);
    for (let i = 0; i < 3; i++) expect(Number.isFinite(gan.step().reg_r1)).toBe(true);
    gan.dispose();
  });
});
