import type { ConfigDefaults } from '../types/loss.js';
import type { ValueSource } from './types.js';

/** One candidate value and where it would come from. */
export type Candidate<T> = readonly [source: ValueSource, value: T | undefined];

/** A component's `defaults` and the source label of its values (`component:loss:wasserstein`). */
export interface ComponentDefaultsLayer {
  source: ValueSource;
  defaults: ConfigDefaults;
}

/**
 * Picks resolved values from ordered layers (user > preset > component > core) and records the
 * source of each under its dotted path.
 */
export class ValueLayers {
  /** The source of each value picked so far, by dotted path. */
  readonly sources: Record<string, ValueSource> = {};

  constructor(private readonly components: readonly ComponentDefaultsLayer[]) {}

  /** The first defined candidate; the last one (core's) must be defined. */
  pick<T>(path: string, ...candidates: readonly Candidate<T>[]): T {
    for (const [source, value] of candidates) {
      if (value !== undefined) {
        this.sources[path] = source;
        return value;
      }
    }
    // Unreachable when core's candidate is last; recorded so that a gap shows up in `sources`.
    this.sources[path] = 'core';
    return undefined as T;
  }

  /** The candidate of the first component whose `defaults` define the value. */
  fromComponents<T>(read: (defaults: ConfigDefaults) => T | undefined): Candidate<T> {
    for (const layer of this.components) {
      const value = read(layer.defaults);
      if (value !== undefined) return [layer.source, value];
    }
    return ['core', undefined];
  }
}
