import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { Rng } from '../rng/rng.js';
import { inMemoryData } from '../testing/in-memory-data.js';
import { testingPlugin } from '../testing/testing-plugin.js';
import type { BatchSampler, DataSource } from '../types/data.js';
import { createGan } from './create-gan.js';
import { testConfig } from './fixtures/test-config.js';

/** A data source whose training batches are all 5s while its `sampler` gives the data (all −5s). */
function twoSamplers(): DataSource & { trainingDraws: number } {
  const data = inMemoryData(new Array(16).fill(-5), [1]);
  const source = {
    ...data,
    trainingDraws: 0,
    trainingSampler: (): BatchSampler => ({
      next(n: number) {
        source.trainingDraws += n;
        return { x: tf.fill([n, 1], 5) };
      },
      state: () => null,
      restore: () => undefined,
    }),
  };
  return source;
}

describe('DataSource.trainingSampler', () => {
  it('is what the trainer draws from when the source has one; sampler stays the data’s', async () => {
    const data = twoSamplers();
    const gan = await createGan(testConfig({ batchSize: 8 }), { plugins: [testingPlugin()], data });
    gan.step();
    expect(data.trainingDraws).toBe(8);
    const real = data.sampler(new Rng(1, 'check')).next(4);
    expect(Array.from(real.x.dataSync())).toEqual([-5, -5, -5, -5]);
    real.x.dispose();
    gan.dispose();
  });
});
