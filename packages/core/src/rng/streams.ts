import { Rng, type RngState } from './rng.js';

/** The names of a run's independent random streams. */
export const STREAM_NAMES = ['init', 'data', 'noise', 'dropout', 'metrics'] as const;

/** One of {@link STREAM_NAMES}. */
export type StreamName = (typeof STREAM_NAMES)[number];

/** A run's independent seeded streams: weights, data order, latent noise, dropout, metrics. */
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

/** Restores every stream from {@link rngStreamsState}. */
export function restoreRngStreams(streams: RngStreams, state: Record<StreamName, RngState>): void {
  for (const name of STREAM_NAMES) streams[name].restore(state[name]);
}
