import type { FeatureMatrix } from './feature-matrix.js';

/**
 * Both sets standardised by the reference (real) set's statistics, feature by feature:
 * z = (v − μ_real) / σ_real, σ the population standard deviation; a constant real feature
 * (σ < 1e-12) is only centred. Using the real set's statistics for both keeps a generated set that
 * is too wide or shifted visibly so; distances are then not dominated by the features with the
 * largest units (a table's income column over its age column). k-NN radii and the MLP of the
 * C2ST are not scale-invariant, so this choice changes their numbers: state it with them.
 */
export function standardizeByReference(
  real: FeatureMatrix,
  fake: FeatureMatrix,
): { real: FeatureMatrix; fake: FeatureMatrix } {
  const d = real.dim;
  const mean = new Float64Array(d);
  const scale = new Float64Array(d);
  for (let i = 0; i < real.rows; i++) for (let t = 0; t < d; t++) mean[t] += real.values[i * d + t];
  for (let t = 0; t < d; t++) mean[t] /= Math.max(1, real.rows);
  for (let i = 0; i < real.rows; i++)
    for (let t = 0; t < d; t++) scale[t] += (real.values[i * d + t] - mean[t]) ** 2;
  for (let t = 0; t < d; t++) {
    const sd = Math.sqrt(scale[t] / Math.max(1, real.rows));
    scale[t] = sd < 1e-12 ? 1 : 1 / sd;
  }
  const apply = (m: FeatureMatrix): FeatureMatrix => {
    const values = new Float64Array(m.values.length);
    for (let i = 0; i < m.rows; i++)
      for (let t = 0; t < d; t++) values[i * d + t] = (m.values[i * d + t] - mean[t]) * scale[t];
    return { values, rows: m.rows, dim: d };
  };
  return { real: apply(real), fake: apply(fake) };
}
