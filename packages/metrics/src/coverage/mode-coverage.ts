import { ConfigError } from '@ganforge/core';

/** What {@link modeCoverage} reports. */
export interface ModeCoverage {
  /** Modes with at least one high-quality sample nearest to them. */
  modes: number;
  /** Share of samples within 3σ of their nearest mode centre, in [0, 1]. */
  highQuality: number;
  /**
   * KL(q ‖ uniform) = Σₖ qₖ log(K·qₖ) of the histogram q of high-quality samples over their nearest
   * modes (0 log 0 = 0). 0 for a perfectly balanced sample, log K with all samples on one mode;
   * NaN when no sample is high quality (the histogram is undefined).
   */
  reverseKl: number;
  /** High-quality samples per mode. */
  counts: number[];
}

/**
 * Mode coverage of a mixture of isotropic Gaussians, exactly as the PacGAN protocol (Lin et al.
 * 2018, arXiv:1712.04086, Table 1; BENCHMARKS.md §3): a sample is high quality (HQ) when it lies
 * within 3σ (Euclidean distance) of its nearest mode centre; a mode is captured when at least one
 * HQ sample is nearest to it; the reverse KL is KL(q ‖ u) between the histogram q of HQ samples
 * over modes and the uniform distribution u over the K modes.
 *
 * @param samples row-major `[n, d]` values
 * @param modes the K mode centres, each of length d
 * @param sigma the mixture's per-coordinate standard deviation
 */
export function modeCoverage(
  samples: ArrayLike<number>,
  modes: readonly (readonly number[])[],
  sigma: number,
): ModeCoverage {
  const k = modes.length;
  if (k === 0) throw new ConfigError('mode coverage needs at least one mode centre', 'modes');
  const d = modes[0].length;
  if (d === 0 || modes.some((m) => m.length !== d))
    throw new ConfigError('every mode centre must have one dimension > 0', 'modes');
  if (!(sigma > 0)) throw new ConfigError(`sigma must be > 0, got ${sigma}`, 'sigma');
  if (samples.length % d !== 0) {
    throw new ConfigError(
      `${samples.length} values are not a whole number of ${d}-dimensional samples`,
      'samples',
    );
  }
  const n = samples.length / d;
  const threshold2 = 9 * sigma * sigma;
  const counts = new Array<number>(k).fill(0);
  let hq = 0;
  for (let i = 0; i < n; i++) {
    let best = Infinity;
    let nearest = -1;
    for (let m = 0; m < k; m++) {
      let dist2 = 0;
      for (let j = 0; j < d; j++) {
        const diff = samples[i * d + j] - modes[m][j];
        dist2 += diff * diff;
      }
      if (dist2 < best) {
        best = dist2;
        nearest = m;
      }
    }
    if (best <= threshold2) {
      counts[nearest]++;
      hq++;
    }
  }
  let reverseKl = Number.NaN;
  if (hq > 0) {
    reverseKl = 0;
    for (const c of counts) if (c > 0) reverseKl += (c / hq) * Math.log((k * c) / hq);
  }
  return { modes: counts.filter((c) => c > 0).length, highQuality: n === 0 ? 0 : hq / n, reverseKl, counts };
}
