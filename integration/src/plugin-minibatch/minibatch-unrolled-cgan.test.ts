// plugin-minibatch, plugin-unrolled and plugin-cgan in one container: a conditional generator, a
// conditional discriminator whose inner net is a minibatch-discrimination wrapper, trained by the
// unrolled trainer (second order through K functional D updates that run on substitute params).
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createGan,
  defineComponent,
  GAN_COMPONENT,
  installGradientFixes,
  type DataSource,
  type GanConfig,
  type GanPlugin,
  type ParamTree,
  type Rng,
} from '@ganforge/core';
import { expectNoTensorLeak } from '@ganforge/core/testing';
import { lossesPlugin } from '@ganforge/losses';
import { modelsPlugin } from '@ganforge/models';
import { cganPlugin, oneHotLabels } from '@ganforge/plugin-cgan';
import { minibatchPlugin } from '@ganforge/plugin-minibatch';
import { unrolledPlugin } from '@ganforge/plugin-unrolled';

declare module '@ganforge/core' {
  interface DataOptionsMap {
    'minibatch-test-classes': { readonly [K in never]: never };
  }
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

/** Three labelled 2-D classes: class c sits at (c − 1, 1 − c) plus noise. */
function labelled(): DataSource {
  return {
    sampleShape: [2],
    numClasses: 3,
    sampler: (rng: Rng) => ({
      next(n: number) {
        const labels = Array.from({ length: n }, () => rng.int(3));
        const x = labels.flatMap((c) => [c - 1 + 0.05 * rng.normal(), 1 - c + 0.05 * rng.normal()]);
        return { x: tf.tensor2d(x, [n, 2]), labels: oneHotLabels(labels, 3) };
      },
      state: () => null,
      restore: () => undefined,
    }),
  };
}

function testDataPlugin(): GanPlugin {
  return {
    name: 'minibatch integration data',
    register(container) {
      container.register(GAN_COMPONENT, {
        useValue: defineComponent({
          kind: 'data',
          name: 'minibatch-test-classes',
          description: 'three labelled 2-D classes (tests)',
          options: z.strictObject({}),
          create: () => labelled(),
        }),
      });
    },
  };
}

const plugins = [
  lossesPlugin(),
  modelsPlugin(),
  cganPlugin(),
  unrolledPlugin(),
  minibatchPlugin(),
  testDataPlugin(),
];

function config(unrollSteps: number, discriminator?: GanConfig['discriminator']): GanConfig {
  return {
    seed: 5,
    backend: 'cpu',
    data: { kind: 'minibatch-test-classes' },
    generator: {
      kind: 'conditional',
      inner: { kind: 'mlp', hidden: [16], activation: 'tanh', outputActivation: 'linear' },
    },
    discriminator: discriminator ?? {
      kind: 'conditional',
      mode: 'concat',
      inner: {
        kind: 'minibatch-discrimination',
        body: { kind: 'mlp', hidden: [16], activation: 'tanh' },
        B: 4,
        C: 3,
      },
    },
    loss: { kind: 'non-saturating' },
    trainer: { kind: 'unrolled', unrollSteps },
    optimizers: { generator: { lr: 1e-3 }, discriminator: { lr: 1e-3 } },
    latentDim: 2,
    batchSize: 16,
  };
}

function values(tree: ParamTree): Record<string, number[]> {
  return Object.fromEntries(Object.entries(tree).map(([k, t]) => [k, Array.from(t.dataSync())]));
}

describe('plugin-minibatch + plugin-unrolled + plugin-cgan in one container', () => {
  it('conditional(minibatch-discrimination(mlp)) under the unrolled trainer (K = 2): every D param trained, unrolled loss logged, no tensor leak', async () => {
    const gan = await createGan(config(2), { plugins });
    expect(Object.keys(gan.discriminator.params).sort()).toEqual([
      'inner/body/layers/0/bias',
      'inner/body/layers/0/kernel',
      'inner/head/bias',
      'inner/head/kernel',
      'inner/minibatch/T',
    ]);
    const before = values(gan.discriminator.params);
    const logs = gan.step();
    expect(Number.isFinite(logs.g_loss) && Number.isFinite(logs.unrolled_d_loss)).toBe(true);
    const after = values(gan.discriminator.params);
    expect(Object.keys(before).filter((k) => before[k].every((v, i) => v === after[k][i]))).toEqual([]);
    const samples = gan.sample({ n: 6, labels: [0, 1, 2, 0, 1, 2] });
    expect(samples.shape).toEqual([6, 2]);
    samples.dispose();
    await expectNoTensorLeak(() => gan.step());
    gan.dispose();
  });

  it("the unroll reaches G through the minibatch features: G's update with K = 3 differs from K = 0 (same seed)", async () => {
    const g0 = await createGan(config(0), { plugins });
    const g3 = await createGan(config(3), { plugins });
    expect(values(g3.generator.params)).toEqual(values(g0.generator.params));
    g0.step();
    g3.step();
    const a = values(g0.generator.params);
    const b = values(g3.generator.params);
    const moved = Object.keys(a).filter((k) => a[k].some((v, i) => Math.abs(v - b[k][i]) > 1e-7));
    expect(moved.length).toBeGreaterThan(0);
    g0.dispose();
    g3.dispose();
  });

  it('minibatch outside a projection discriminator drops the projection (a score-only param): put conditional outside', async () => {
    const gan = await createGan(
      config(1, {
        kind: 'minibatch-stddev',
        body: {
          kind: 'conditional',
          mode: 'projection',
          inner: { kind: 'mlp', hidden: [16], activation: 'tanh' },
        },
      }),
      { plugins },
    );
    expect(Object.keys(gan.discriminator.params).sort()).toEqual([
      'body/inner/layers/0/bias',
      'body/inner/layers/0/kernel',
      'head/bias',
      'head/kernel',
    ]);
    expect(Number.isFinite(gan.step().g_loss)).toBe(true);
    gan.dispose();
  });
});
