import * as tf from '@tensorflow/tfjs';
import { createGan } from '@ganforge/core';
import { testingPlugin } from '@ganforge/core/testing';
import { describe, expect, it } from 'vitest';
import { dataPlugin } from './index.js';
import type { MixtureSource } from './mixture/gaussian-mixture.js';

describe('data components inside a GAN', () => {
  it('a config naming `ring` trains on it and exposes its modes and σ to metrics', async () => {
    const gan = await createGan(
      {
        seed: 1,
        backend: 'cpu',
        data: { kind: 'ring', modes: 4, sigma: 0.05 },
        generator: { kind: 'tiny-mlp', hidden: [8] },
        discriminator: { kind: 'tiny-mlp', hidden: [8] },
        loss: { kind: 'testing-non-saturating' },
        latentDim: 2,
        batchSize: 16,
        steps: 3,
      },
      { plugins: [testingPlugin(), dataPlugin()] },
    );
    const history = await gan.fit({ steps: 3 });
    expect(history).toHaveLength(3);
    const data = gan.metricContext().data as MixtureSource;
    expect(data.modes).toHaveLength(4);
    expect(data.sigma).toBe(0.05);
    const x = gan.sample({ n: 5 });
    expect(x.shape).toEqual([5, 2]);
    tf.dispose(x);
  });

  it('an unknown option of a data component is a ConfigError naming the field and the closest option', async () => {
    await expect(
      createGan(
        {
          backend: 'cpu',
          data: { kind: 'grid', sizes: 5 } as never,
          generator: { kind: 'tiny-mlp' },
          discriminator: { kind: 'tiny-mlp' },
          loss: { kind: 'testing-non-saturating' },
        },
        { plugins: [testingPlugin(), dataPlugin()] },
      ),
    ).rejects.toThrow(/data\.sizes: expected a known key \(did you mean "size"\?\)/);
  });
});
