// The two mixtures of bench/mixtures (mode centres and σ) and the fixed real reference that the
// k-NN precision, recall, density and coverage of every run are measured against (issue #38).
// Shared by bench/mixtures/main.ts and bench/render, so both score against the same 2,500 points.
import { Rng } from '@ganforge/core';
import { gridModes, ringModes } from '@ganforge/data';

/** Mode centres and per-coordinate σ of each data set, as its data block draws them. */
export const MIXTURES = {
  ring: { modes: ringModes(8, 1), sigma: 0.01 },
  grid: { modes: gridModes(5, 2), sigma: 0.05 },
} as const;

/** A data set of bench/mixtures. */
export type MixtureName = keyof typeof MIXTURES;

/** Points in each reference set. */
export const REFERENCE_SIZE = 2500;
const REFERENCE_SEED = 20261207;

/** Whether `name` is one of the {@link MIXTURES}. */
export function isMixtureName(name: string): name is MixtureName {
  return Object.hasOwn(MIXTURES, name);
}

const cache = new Map<MixtureName, { values: Float64Array; dim: number }>();

/**
 * {@link REFERENCE_SIZE} real points of `dataset` (a mode uniformly, then N(mode, σ²) per
 * coordinate), drawn once from a fixed seed and stream: the reference of the k-NN precision,
 * recall, density and coverage of every row (issue #38). The same array on every call.
 */
export function reference(dataset: MixtureName): { values: Float64Array; dim: number } {
  let ref = cache.get(dataset);
  if (!ref) {
    const { modes, sigma } = MIXTURES[dataset];
    const rng = new Rng(REFERENCE_SEED, `bench/mixtures/reference/${dataset}`);
    const values = new Float64Array(2 * REFERENCE_SIZE);
    for (let i = 0; i < REFERENCE_SIZE; i++) {
      const m = modes[rng.int(modes.length)]!;
      values[2 * i] = m[0]! + sigma * rng.normal();
      values[2 * i + 1] = m[1]! + sigma * rng.normal();
    }
    ref = { values, dim: 2 };
    cache.set(dataset, ref);
  }
  return ref;
}
