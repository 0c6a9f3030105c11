import { Rng, type RngState } from './rng.js';

/**
 * The names of a run's independent random streams. Each stream is seeded from the run's seed and
 * its own name, so adding one (`augment`, for the `augment` block's draws) leaves every other
 * stream's draws unchanged.
 */
export const STREAM_NAMES = ['init', 'data', 'noise', 'dropout', 'metrics', 'augment'] as const;

/** One of {@link STREAM_NAMES}. */
export type StreamName = (typeof STREAM_NAMES)[number];

/** A run's independent seeded streams: weights, data order, latent noise, dropout, metrics, augmentation. */
export type RngStreams = Record<StreamName, Rng>;

/** Creates the run's streams from one seed. */
export function createRngStreams(seed: number): RngStreams {
  const streams = {} as RngStreams;
  for (const name of STREAM_NAMES) streams[name] = new Rng(seed, name);
  return streams;
}

/** The state of every stream, for a checkpoint. */
export function rngStreamsState(streams: RngStreams): Record<StreamName, RngState> {
  const out = {} as Record<StreamName, RngState>;
  for (const name of STREAM_NAMES) out[name] = streams[name].state();
  return out;
}

/**
 * Restores every stream from {@link rngStreamsState}. A stream the state does not hold (a
 * checkpoint written before the stream existed) is left where it is.
 */
export function restoreRngStreams(streams: RngStreams, state: Partial<Record<StreamName, RngState>>): void {
  for (const name of STREAM_NAMES) {
    const saved = state[name];
    if (saved !== undefined) streams[name].restore(saved);
  }
}
