import type { FeatureMatrix } from '../features/feature-matrix.js';

/**
 * Squared Euclidean distances ‖aᵢ − bⱼ‖² = Σₜ (aᵢₜ − bⱼₜ)² of rows `start … start + count − 1` of
 * `a` to every row of `b`, written row-major into `out` (`count × b.rows`), in float64.
 *
 * Per coordinate, not as ‖a‖² + ‖b‖² − 2a·b: the expanded form in float32 moves precision and
 * recall by up to 0.025 on a ring with σ 0.01 (TRAPS.md), and computing every distance the same
 * way makes the exact and the batched manifold statistics agree to the last bit.
 */
export function squaredDistanceBlock(
  a: FeatureMatrix,
  start: number,
  count: number,
  b: FeatureMatrix,
  out: Float64Array,
): void {
  const d = a.dim;
  const av = a.values;
  const bv = b.values;
  const m = b.rows;
  for (let r = 0; r < count; r++) {
    const ai = (start + r) * d;
    const row = r * m;
    for (let j = 0; j < m; j++) {
      const bj = j * d;
      let s = 0;
      for (let t = 0; t < d; t++) {
        const diff = av[ai + t] - bv[bj + t];
        s += diff * diff;
      }
      out[row + j] = s;
    }
  }
}
