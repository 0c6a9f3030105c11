import * as tf from '@tensorflow/tfjs';
import { DataError, type BatchSampler, type Rng } from '@ganforge/core';
import type { ConditionSpace } from './condition-space.js';
import { categoryProbabilities, conditionOneHots, drawConditions } from './draw-conditions.js';

/** The JSON state of a {@link trainingBySamplingSampler}: how many rows it has drawn. */
export interface TrainingBySamplingState {
  drawn: number;
}

/**
 * CTGAN's training-by-sampling (Xu et al. 2019, arXiv:1907.00503, §4.3) over encoded rows
 * `values` (row-major `[N, D]`): for each of the n rows of a batch, a conditioned column i* is
 * drawn uniformly, its category k* with {@link categoryProbabilities} (log-frequency by
 * default), and a row uniformly (with replacement) among the training rows whose column i* is
 * k*. The batch is `{ x: rows [n, D], labels: conditional vectors [n, C] }`: the trainer passes
 * `labels` as `cond` to the generator (noise ⊕ cond) and the critic (row ⊕ cond), and the
 * generator's condition loss reads them. Three draws of the data stream `rng` per row; core
 * checkpoints the stream, so the sampler's own state is only a count and resume is exact.
 */
export function trainingBySamplingSampler(
  space: ConditionSpace,
  values: Float32Array,
  rng: Rng,
  logFrequency = true,
): BatchSampler {
  if (space.spans.length === 0)
    throw new DataError('training-by-sampling needs at least one conditioned column (the layout has none)');
  const d = values.length / space.rows;
  const probabilities = space.counts.map((c) => categoryProbabilities(c, logFrequency));
  let drawn = 0;
  return {
    next(batchSize: number) {
      const draw = drawConditions(probabilities, batchSize, rng);
      const x = new Float32Array(batchSize * d);
      for (let i = 0; i < batchSize; i++) {
        const rows = space.members[draw.span[i]][draw.slot[i]];
        const r = rows[rng.int(rows.length)];
        x.set(values.subarray(r * d, (r + 1) * d), i * d);
      }
      drawn += batchSize;
      return {
        x: tf.tensor2d(x, [batchSize, d]),
        labels: tf.tensor2d(conditionOneHots(space, draw), [batchSize, space.width]),
      };
    },
    state: (): TrainingBySamplingState => ({ drawn }),
    restore(saved: unknown) {
      const s = saved as Partial<TrainingBySamplingState> | null;
      if (s === null || typeof s !== 'object' || !Number.isInteger(s.drawn) || s.drawn! < 0)
        throw new DataError(
          `training-by-sampling sampler state must be { drawn: a count ≥ 0 }, got ${JSON.stringify(saved)}`,
        );
      drawn = s.drawn!;
    },
  };
}
