import type { Rng } from '@ganforge/core';
import { vgmPosterior } from '../../vgm/posterior.js';
import {
  fitVariationalGmm,
  type VariationalGmm,
  type VariationalGmmOptions,
} from '../../vgm/variational-gmm.js';

/** Options of mode-specific normalization (CTGAN's defaults). */
export interface ModeOptions extends VariationalGmmOptions {
  /** Components with a weight at or below this are dropped (default 0.005, as CTGAN). */
  weightThreshold?: number;
}

/** α is clipped to [−ALPHA_CLIP, ALPHA_CLIP], as CTGAN. */
export const ALPHA_CLIP = 0.99;

/**
 * The modes of mode-specific normalization: a variational Gaussian mixture's components whose
 * weight exceeds the threshold, with means η_k and standard deviations φ_k (Xu et al. 2019,
 * arXiv:1907.00503, §4.2).
 */
export interface ModeCodec {
  /** η_k of the kept modes. */
  readonly means: readonly number[];
  /** φ_k of the kept modes. */
  readonly sds: readonly number[];
  /** Their mixture weights. */
  readonly weights: readonly number[];
  /** The mixture it came from (all components). */
  readonly model: VariationalGmm;
  /**
   * Encodes x: draws a mode k from the posterior over the kept modes, p(k | x) ∝ r_k(x) + 1e-6
   * (RDT adds the 1e-6), among the modes that represent x without clipping (|x − η_k| ≤ 0.99·4φ_k;
   * if none does, all kept modes), and returns k and α = clip((x − η_k)/(4φ_k), ±0.99).
   */
  encode(x: number, rng: Rng): { mode: number; alpha: number };
  /** x = α·4φ_k + η_k (α clipped to [−1, 1]). */
  decode(alpha: number, mode: number): number;
}

/** Fits a {@link ModeCodec} to finite values. */
export function fitModes(values: ArrayLike<number>, rng: Rng, options: ModeOptions = {}): ModeCodec {
  const model = fitVariationalGmm(values, rng, options);
  const threshold = options.weightThreshold ?? 0.005;
  let kept = model.weights.map((w, k) => k).filter((k) => model.weights[k] > threshold);
  if (kept.length === 0) kept = [model.weights.indexOf(Math.max(...model.weights))];
  const means = kept.map((k) => model.means[k]);
  const sds = kept.map((k) => model.sds[k]);
  const posterior = vgmPosterior(model);
  const probabilities = new Float64Array(kept.length);
  return {
    means,
    sds,
    weights: kept.map((k) => model.weights[k]),
    model,
    encode(x, rng) {
      const r = posterior(x);
      let total = 0;
      for (let j = 0; j < kept.length; j++) {
        const fits = Math.abs(x - means[j]) <= ALPHA_CLIP * 4 * sds[j];
        probabilities[j] = fits ? r[kept[j]] + 1e-6 : 0;
        total += probabilities[j];
      }
      if (total === 0) for (let j = 0; j < kept.length; j++) total += probabilities[j] = r[kept[j]] + 1e-6;
      let u = rng.next() * total;
      let mode = kept.length - 1;
      for (let j = 0; j < kept.length; j++) {
        u -= probabilities[j];
        if (u < 0 && probabilities[j] > 0) {
          mode = j;
          break;
        }
      }
      const alpha = Math.min(ALPHA_CLIP, Math.max(-ALPHA_CLIP, (x - means[mode]) / (4 * sds[mode])));
      return { mode, alpha };
    },
    decode(alpha, mode) {
      return Math.min(1, Math.max(-1, alpha)) * 4 * sds[mode] + means[mode];
    },
  };
}
