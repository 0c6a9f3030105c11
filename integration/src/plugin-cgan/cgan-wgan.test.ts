// cgan + wgan plugins in one container: the conditional wrappers under the `wgan-gp` and `wgan`
// presets. The gradient penalty evaluates the critic on interpolates with the batch's labels (a
// conditional critic throws a DataError without them), so a finite penalty shows they arrive.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createGan,
  defineComponent,
  GAN_COMPONENT,
  installGradientFixes,
  type GanConfig,
  type GanPlugin,
  type Rng,
} from '@ganforge/core';
import { expectNoTensorLeak } from '@ganforge/core/testing';
import { lossesPlugin } from '@ganforge/losses';
import { modelsPlugin } from '@ganforge/models';
import { cganPlugin, oneHotLabels } from '@ganforge/plugin-cgan';
import { wganPlugin } from '@ganforge/plugin-wgan';
import { z } from 'zod';

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

/** Data `two-classes`: class c (uniform) is N(4c − 2, 0.1²) in 2-D; one-hot labels. */
function twoClassesPlugin(): GanPlugin {
  return {
    name: 'cgan-wgan test data',
    register(container) {
      container.register(GAN_COMPONENT, {
        useValue: defineComponent({
          kind: 'data',
          name: 'two-classes',
          description: 'two labelled 2-D Gaussians (tests)',
          options: z.strictObject({}),
          create: () => ({
            sampleShape: [2],
            numClasses: 2,
            sampler: (rng: Rng) => ({
              next(n: number) {
                const labels = Array.from({ length: n }, () => rng.int(2));
                const x = Float32Array.from(
                  { length: 2 * n },
                  (_, i) => 4 * labels[i >> 1] - 2 + 0.1 * rng.normal(),
                );
                return { x: tf.tensor2d(x, [n, 2]), labels: oneHotLabels(labels, 2) };
              },
              state: () => null,
              restore: () => undefined,
            }),
          }),
        }),
      });
    },
  };
}

const plugins = [lossesPlugin(), modelsPlugin(), wganPlugin(), cganPlugin(), twoClassesPlugin()];

function config(preset: 'wgan' | 'wgan-gp', dMode: 'concat' | 'projection'): GanConfig {
  return {
    seed: 6,
    backend: 'cpu',
    preset,
    data: { kind: 'two-classes' },
    generator: {
      kind: 'conditional',
      mode: 'embedding',
      embeddingDim: 2,
      inner: { kind: 'mlp', hidden: [16], outputActivation: 'linear' },
    },
    discriminator: {
      kind: 'conditional',
      mode: dMode,
      inner: { kind: 'mlp', hidden: [16], activation: 'tanh' },
    },
    latentDim: 2,
    batchSize: 16,
  } as unknown as GanConfig;
}

describe('cgan + wgan in one container', () => {
  it('wgan-gp preset with a projection critic: 5 critic steps, finite penalty and estimate, no tensor leak', async () => {
    const gan = await createGan(config('wgan-gp', 'projection'), { plugins });
    expect(gan.config.trainer.dSteps).toBe(5);
    let last: Record<string, number> = {};
    await expectNoTensorLeak(() => {
      last = gan.step();
    });
    console.log(
      `cgan + wgan-gp, step 120: ${JSON.stringify(Object.fromEntries(Object.entries(last).filter(([k]) => /loss|reg|wasserstein/.test(k))))}`,
    );
    expect(last.reg_gradient_penalty).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(last.reg_gradient_penalty)).toBe(true);
    expect(Number.isFinite(last.d_loss) && Number.isFinite(last.g_loss)).toBe(true);
    const x = gan.sample({ n: 2, labels: [0, 1] });
    expect(x.shape).toEqual([2, 2]);
    x.dispose();
    gan.dispose();
  });

  it("wgan preset (weight clipping) clips the wrapper's own params too", async () => {
    const gan = await createGan(config('wgan', 'concat'), { plugins });
    for (let i = 0; i < 3; i++) gan.step();
    const maxAbs = Math.max(
      ...Object.values(gan.discriminator.params).map((v) => tf.tidy(() => tf.max(tf.abs(v)).dataSync()[0])),
    );
    expect(maxAbs).toBeLessThanOrEqual(0.01 + 1e-7);
    gan.dispose();
  });
});
