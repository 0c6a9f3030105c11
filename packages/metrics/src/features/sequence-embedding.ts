import { ConfigError } from '@ganforge/core';
import type { FeatureMatrix } from './feature-matrix.js';

/**
 * The embedding of windows `[T, C]` (T time steps of C channels, row-major per window) that the
 * `sequence` feature space uses: the flattened window (T·C values) followed, per channel c, by
 *
 *   mean μ_c = (1/T) Σₜ vₜ,   standard deviation σ_c = √((1/T) Σₜ (vₜ − μ_c)²),
 *   lag-1 autocorrelation ρ_c = Σₜ₌₁^{T−1} (vₜ − μ_c)(vₜ₊₁ − μ_c) / Σₜ (vₜ − μ_c)²  (0 when σ_c = 0),
 *
 * so d = T·C + 3C. The summaries make windows whose time steps are shuffled (ρ changes, values do
 * not) or whose volatility is wrong (σ) stand apart from real ones even when their values match
 * marginally, which a flattened window alone hardly shows (TRAPS.md: TimeGAN's discriminative
 * score misses shuffled steps). Deliberately simple: no learned encoder, no seasonal lags.
 */
export function sequenceEmbedding(windows: FeatureMatrix, steps: number, channels: number): FeatureMatrix {
  if (steps * channels !== windows.dim)
    throw new ConfigError(`windows of ${windows.dim} values are not [${steps}, ${channels}]`, 'samples');
  const dim = steps * channels + 3 * channels;
  const out = new Float64Array(windows.rows * dim);
  for (let i = 0; i < windows.rows; i++) {
    const src = i * windows.dim;
    const dst = i * dim;
    out.set(windows.values.subarray(src, src + windows.dim), dst);
    for (let c = 0; c < channels; c++) {
      let mean = 0;
      for (let t = 0; t < steps; t++) mean += windows.values[src + t * channels + c];
      mean /= steps;
      let variance = 0;
      let lag = 0;
      for (let t = 0; t < steps; t++) {
        const u = windows.values[src + t * channels + c] - mean;
        variance += u * u;
        if (t + 1 < steps) lag += u * (windows.values[src + (t + 1) * channels + c] - mean);
      }
      const base = dst + steps * channels + 3 * c;
      out[base] = mean;
      out[base + 1] = Math.sqrt(variance / steps);
      out[base + 2] = variance > 0 ? lag / variance : 0;
    }
  }
  return { values: out, rows: windows.rows, dim };
}
