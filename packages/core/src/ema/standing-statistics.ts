import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../rng/rng.js';
import type { Generator, ParamTree } from '../types/network.js';

/** What {@link standingStatistics} runs on. */
export interface StandingStatisticsOptions {
  /** The parameters to evaluate (the averaged generator's θ_ema). */
  params: ParamTree;
  /** The number K of noise batches (≥ 1). */
  batches: number;
  /** Samples per batch (the run's batch size: batch statistics depend on it). */
  batchSize: number;
  /** Draws the noise (and dropout masks, if G has any); never one of the training streams. */
  rng: Rng;
  /** The number of classes of a labelled data source: batches then carry cycled one-hot labels. */
  numClasses?: number;
}

/**
 * Standing statistics (Brock et al. 2019, BigGAN, arXiv:1809.11096, Appendix C.1; StudioGAN's
 * `standing_statistics`): batch-norm running statistics recomputed for a given set of generator
 * parameters, here the exponential moving average θ_ema, whose activations differ from those of
 * the raw weights whose running statistics it would otherwise borrow. K noise batches z_k pass
 * through G(z_k; θ_ema) in training mode, each with running-statistics decay m_k = k/(k + 1)
 * (k = 0 … K − 1), so that
 *
 * ```text
 * s_0 = stat(batch_0),   s_k = (k/(k+1))·s_{k−1} + (1/(k+1))·stat(batch_k)   ⇒   s_{K−1} = (1/K)·Σ_k stat(batch_k)
 * ```
 *
 * the plain average of the K batches' means and (biased) variances, the start state mattering
 * not at all. State without running statistics (spectral-norm vectors) comes back as training
 * mode leaves it. Returns a new state tree the caller owns; the generator's variables are not
 * touched.
 */
export function standingStatistics(generator: Generator, options: StandingStatisticsOptions): ParamTree {
  const { params, batches, batchSize, rng, numClasses } = options;
  if (!Number.isInteger(batches) || batches < 1)
    throw new RangeError(`standingStatistics: batches must be an integer ≥ 1, got ${batches}`);
  let state: ParamTree = { ...generator.state };
  let owned = false;
  for (let k = 0; k < batches; k++) {
    const next = tf.tidy(() => {
      const z = rng.normalTensor([batchSize, generator.latentDim]);
      const cond = numClasses
        ? tf.oneHot(
            tf.tensor1d(
              Array.from({ length: batchSize }, (_, i) => i % numClasses),
              'int32',
            ),
            numClasses,
          ).toFloat()
        : undefined;
      const out = generator.generate(z, { training: true, params, state, cond, rng, statisticsMomentum: k / (k + 1) });
      return out.state;
    });
    if (owned) for (const [path, t] of Object.entries(state)) if (next[path] !== t) t.dispose();
    state = next;
    owned = true;
  }
  // Entries no layer rewrote are still the generator's own variables: the caller owns copies.
  return Object.fromEntries(
    Object.entries(state).map(([path, t]) => [path, t === generator.state[path] ? t.clone() : t]),
  );
}
