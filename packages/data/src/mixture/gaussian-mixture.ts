import * as tf from '@tensorflow/tfjs';
import { ConfigError, DataError, type BatchSampler, type DataSource, type Rng } from '@ganforge/core';

/**
 * A data source that is a mixture of isotropic Gaussians with known centres: what the
 * mode-coverage metric of `@ganforge/metrics` reads (`modes`, `sigma`).
 */
export interface MixtureSource extends DataSource {
  /** Mode centres, one row of length `sampleShape[0]` each. */
  readonly modes: readonly (readonly number[])[];
  /** Standard deviation σ of every component (per coordinate). */
  readonly sigma: number;
  /** Mixture weights (sum 1), one per mode. */
  readonly weights: readonly number[];
}

/** Options of {@link gaussianMixture}. */
export interface GaussianMixtureOptions {
  /** Mode centres, all of one dimension. */
  modes: readonly (readonly number[])[];
  /** Standard deviation per coordinate, > 0. */
  sigma: number;
  /** Mixture weights (normalized here); uniform when omitted. */
  weights?: readonly number[];
}

/**
 * A mixture of isotropic Gaussians, p(x) = Σᵢ wᵢ · N(x; μᵢ, σ²I), drawn on the fly from the run's
 * data stream: per sample one uniform draw picks the mode (inverse CDF of w), then d normal draws.
 * All randomness comes from that stream, which core checkpoints, so the sampler's own state is the
 * number of samples drawn (kept for diagnostics and checked on restore).
 */
export function gaussianMixture(options: GaussianMixtureOptions): MixtureSource {
  const { modes, sigma } = options;
  if (modes.length === 0) throw new ConfigError('a Gaussian mixture needs at least one mode', 'modes');
  const dim = modes[0].length;
  if (dim === 0 || modes.some((m) => m.length !== dim)) {
    throw new ConfigError(`every mode centre must have the same dimension ${dim} > 0`, 'modes');
  }
  if (!(sigma > 0)) throw new ConfigError(`sigma must be > 0, got ${sigma}`, 'sigma');
  const raw = options.weights ?? modes.map(() => 1);
  if (raw.length !== modes.length || raw.some((w) => !(w >= 0))) {
    throw new ConfigError(`weights must be ${modes.length} non-negative numbers`, 'weights');
  }
  const total = raw.reduce((a, b) => a + b, 0);
  if (!(total > 0)) throw new ConfigError('weights must not all be 0', 'weights');
  const weights = raw.map((w) => w / total);
  const cumulative = weights.map((_, i) => weights.slice(0, i + 1).reduce((a, b) => a + b, 0));
  const centres = modes.map((m) => Float64Array.from(m));
  return {
    sampleShape: [dim],
    modes: modes.map((m) => [...m]),
    sigma,
    weights,
    sampler(rng: Rng): BatchSampler {
      let drawn = 0;
      return {
        next(batchSize: number) {
          const out = new Float32Array(batchSize * dim);
          for (let i = 0; i < batchSize; i++) {
            const u = rng.next();
            let k = cumulative.findIndex((c) => u < c);
            if (k < 0) k = modes.length - 1;
            const centre = centres[k];
            for (let j = 0; j < dim; j++) out[i * dim + j] = centre[j] + sigma * rng.normal();
          }
          drawn += batchSize;
          return { x: tf.tensor2d(out, [batchSize, dim]) };
        },
        state: () => ({ drawn }),
        restore(state: unknown) {
          const d = (state as { drawn?: unknown } | null)?.drawn;
          if (typeof d !== 'number' || !Number.isInteger(d) || d < 0) {
            throw new DataError(
              `mixture sampler state must be { drawn: integer ≥ 0 }, got ${JSON.stringify(state)}`,
            );
          }
          drawn = d;
        },
      };
    },
  };
}
