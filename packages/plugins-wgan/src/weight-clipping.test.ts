import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, createGan, installGradientFixes, type Gan } from '@ganforge/core';
import { expectNoTensorLeak, gaussianMixture1d, testingPlugin } from '@ganforge/core/testing';
import { wganPlugin } from './plugin.js';
import { tinyConfig } from './test-utils.js';
import { clipWeights, weightClippingHook } from './weight-clipping.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

describe('clipWeights', () => {
  it('clips every entry of every param to [−c, c] and leaves its input untouched', () => {
    const params = { a: tf.tensor1d([-0.5, -0.01, 0, 0.004, 2]), 'b/kernel': tf.tensor2d([[0.3, -0.3]]) };
    const out = clipWeights(params, 0.01);
    expect(Array.from(out.a.dataSync())).toEqual([-0.01, -0.01, 0, 0.004, 0.01].map(Math.fround));
    expect(Array.from(out['b/kernel'].dataSync())).toEqual([0.01, -0.01].map(Math.fround));
    expect(out['b/kernel'].shape).toEqual([1, 2]);
    expect(Array.from(params.a.dataSync())).toEqual([-0.5, -0.01, 0, 0.004, 2].map(Math.fround));
    tf.dispose([...Object.values(params), ...Object.values(out)]);
  });

  it('the hook runs after discriminator updates; c ≤ 0 is a ConfigError naming c', () => {
    expect(weightClippingHook()).toMatchObject({ name: 'weight-clipping', after: 'discriminatorUpdate' });
    for (const c of [0, -0.01]) {
      let error: unknown;
      try {
        weightClippingHook({ c });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).issues.map((i) => i.path)).toEqual(['c']);
    }
  });
});

describe('weight clipping in the trainer (wgan preset)', () => {
  it('every critic param is within [−c, c] after every critic update; the generator is not clipped', async () => {
    const c = 0.05;
    // The sampler is asked for a batch before each critic update: it reads the critic's params
    // then, i.e. right after the previous update (and its clipping).
    const maxAbs: number[] = [];
    const probed: { gan?: Gan } = {};
    const mixture = gaussianMixture1d([-2, 2], 0.2);
    const probe = {
      sampleShape: mixture.sampleShape,
      sampler(rng: Parameters<typeof mixture.sampler>[0]) {
        const inner = mixture.sampler(rng);
        return {
          ...inner,
          next(n: number) {
            if (probed.gan && probed.gan.stepCount > 0) maxAbs.push(largest(probed.gan.discriminator.params));
            return inner.next(n);
          },
        };
      },
    };
    const gan = await createGan(
      {
        seed: 3,
        backend: 'cpu',
        preset: 'wgan',
        data: { kind: 'testing-mixture-1d', means: [-2, 2], std: 0.2 },
        generator: { kind: 'tiny-mlp', hidden: [8] },
        discriminator: { kind: 'tiny-mlp', hidden: [8] },
        hooks: [{ kind: 'weight-clipping', c }],
        optimizers: { discriminator: { lr: 0.01 } },
        latentDim: 2,
        batchSize: 16,
      },
      { plugins: [wganPlugin(), testingPlugin()], data: probe },
    );
    probed.gan = gan;
    expect(largest(gan.discriminator.params)).toBeGreaterThan(c);
    for (let i = 0; i < 30; i++) gan.step();
    maxAbs.push(largest(gan.discriminator.params));
    // 30 steps × 5 critic updates; the first step's first reading precedes any update.
    expect(maxAbs.length).toBe(30 * 5 - 4);
    expect(Math.max(...maxAbs)).toBeLessThanOrEqual(Math.fround(c));
    expect(Math.max(...maxAbs)).toBe(Math.fround(c));
    expect(largest(gan.generator.params)).toBeGreaterThan(c);
    gan.dispose();
  });

  it('no tensor leak (steps 20, 70, 120)', async () => {
    const gan = await createGan(tinyConfig({ preset: 'wgan' }), { plugins: [wganPlugin(), testingPlugin()] });
    const report = await expectNoTensorLeak(() => gan.step());
    console.log(`wgan (clipping) tensor counts: ${JSON.stringify(report.counts)}`);
    gan.dispose();
  });
});

function largest(params: Record<string, tf.Tensor>): number {
  return Math.max(...Object.values(params).map((p) => Math.max(...Array.from(p.dataSync(), Math.abs))));
}
