import { DataError, Rng, type Batch, type BatchSampler, type RngState } from '@ganforge/core';

/** The JSON state of an {@link epochSampler}: where in which epoch it is. */
export interface EpochSamplerState {
  /** Completed epochs. */
  epoch: number;
  /** Rows of the current epoch already drawn. */
  position: number;
  /** The data stream's state just before the current epoch's permutation was drawn (null before the first). */
  permutationRng: RngState | null;
}

/**
 * Draws rows without replacement, one random permutation per epoch (an epoch ends after `rows`
 * rows; a batch may straddle two epochs). Each permutation is drawn from the run's data stream
 * `rng`, which core checkpoints; the sampler's own state keeps the stream's state at the start of
 * the current epoch and the position in it, so a restored sampler redraws that same permutation
 * and continues bit for bit.
 */
export function epochSampler(rows: number, rng: Rng, take: (indices: Int32Array) => Batch): BatchSampler {
  if (!(rows > 0)) throw new DataError('cannot sample from an empty data set (0 rows)');
  let state: EpochSamplerState = { epoch: 0, position: 0, permutationRng: null };
  let permutation: Int32Array | null = null;
  const startEpoch = (): void => {
    state.permutationRng = rng.state();
    permutation = rng.permutation(rows);
    state.position = 0;
  };
  return {
    next(batchSize: number) {
      const indices = new Int32Array(batchSize);
      for (let i = 0; i < batchSize; i++) {
        if (permutation === null) startEpoch();
        else if (state.position === rows) {
          state.epoch++;
          startEpoch();
        }
        indices[i] = permutation![state.position++];
      }
      return take(indices);
    },
    state: () => structuredClone(state),
    restore(saved: unknown) {
      const s = saved as Partial<EpochSamplerState> | null;
      const valid =
        s !== null &&
        typeof s === 'object' &&
        Number.isInteger(s.epoch) &&
        Number.isInteger(s.position) &&
        s.position! >= 0 &&
        s.position! <= rows &&
        (s.permutationRng === null || Array.isArray(s.permutationRng?.s));
      if (!valid)
        throw new DataError(
          `epoch sampler state must be { epoch, position ≤ ${rows}, permutationRng }, got ${JSON.stringify(saved)}`,
        );
      state = structuredClone(s as EpochSamplerState);
      permutation = null;
      if (state.permutationRng !== null) {
        const replay = new Rng(0);
        replay.restore(state.permutationRng);
        permutation = replay.permutation(rows);
      }
    },
  };
}
