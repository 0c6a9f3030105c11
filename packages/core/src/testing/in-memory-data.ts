import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../rng/rng.js';
import type { BatchSampler, DataSource } from '../types/data.js';

/**
 * An in-memory data source for tests: rows of a fixed Float32 table drawn uniformly with
 * replacement from the run's data stream. The stream itself is checkpointed by core, so the
 * sampler's own state is just the number of rows drawn.
 */
export function inMemoryData(values: ArrayLike<number>, sampleShape: readonly number[]): DataSource {
  const size = sampleShape.reduce((a, b) => a * b, 1);
  const data = Float32Array.from(values);
  const rows = Math.floor(data.length / size);
  return {
    sampleShape,
    sampler(rng: Rng): BatchSampler {
      let drawn = 0;
      return {
        next(batchSize: number) {
          const out = new Float32Array(batchSize * size);
          for (let i = 0; i < batchSize; i++) {
            const r = rng.int(rows);
            out.set(data.subarray(r * size, (r + 1) * size), i * size);
          }
          drawn += batchSize;
          return { x: tf.tensor(out, [batchSize, ...sampleShape]) };
        },
        state: () => ({ drawn }),
        restore: (s: unknown) => {
          drawn = (s as { drawn: number }).drawn;
        },
      };
    },
  };
}

/**
 * A 1-D mixture of Gaussians drawn on the fly from the data stream: component i has weight
 * 1/k, mean `means[i]` and standard deviation `std`.
 */
export function gaussianMixture1d(means: number[], std: number): DataSource {
  return {
    sampleShape: [1],
    sampler(rng: Rng): BatchSampler {
      let drawn = 0;
      return {
        next(batchSize: number) {
          const out = new Float32Array(batchSize);
          for (let i = 0; i < batchSize; i++) out[i] = means[rng.int(means.length)] + std * rng.normal();
          drawn += batchSize;
          return { x: tf.tensor(out, [batchSize, 1]) };
        },
        state: () => ({ drawn }),
        restore: (s: unknown) => {
          drawn = (s as { drawn: number }).drawn;
        },
      };
    },
  };
}
