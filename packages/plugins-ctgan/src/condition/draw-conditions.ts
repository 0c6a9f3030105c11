import type { Rng } from '@ganforge/core';
import type { ConditionSlots } from './condition-slots.js';

/**
 * The probabilities with which training-by-sampling picks the category of a chosen column (Xu et
 * al. 2019, arXiv:1907.00503, §4.3): with `logFrequency`, p_k = log(1 + n_k) / Σ_j log(1 + n_j),
 * as CTGAN's reference code (`log_frequency=True`, its default), so rare categories are drawn
 * more often than their share of the rows but never-seen ones (n_k = 0) never; without it,
 * p_k = n_k / Σ_j n_j, the empirical frequency.
 */
export function categoryProbabilities(counts: readonly number[], logFrequency: boolean): Float64Array {
  const weights = Float64Array.from(counts, (n) => (logFrequency ? Math.log1p(n) : n));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (total > 0 ? w / total : 0));
}

/** The index drawn by inverse-CDF sampling of `p` at u ∈ [0, 1): the first k with Σ_{j≤k} p_j > u. */
export function inverseCdf(p: ArrayLike<number>, u: number): number {
  let cumulative = 0;
  let last = -1;
  for (let k = 0; k < p.length; k++) {
    if (p[k] <= 0) continue;
    cumulative += p[k];
    last = k;
    if (cumulative > u) return k;
  }
  // Rounding left Σp just under 1 and u above it: the last slot that has mass.
  return last;
}

/** n conditions: the span (column) index and the slot (category) of each. */
export interface ConditionDraw {
  readonly span: Int32Array;
  readonly slot: Int32Array;
}

/**
 * Draws n conditions as training-by-sampling does (Xu et al. 2019, arXiv:1907.00503, §4.3):
 * a conditioned column i* uniformly among the S spans, then its category k* from
 * `probabilities[i*]` (see {@link categoryProbabilities}), two draws of `rng` per condition.
 */
export function drawConditions(
  probabilities: readonly ArrayLike<number>[],
  n: number,
  rng: Rng,
): ConditionDraw {
  const span = new Int32Array(n);
  const slot = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    span[i] = rng.int(probabilities.length);
    slot[i] = inverseCdf(probabilities[span[i]], rng.next());
  }
  return { span, slot };
}

/**
 * The conditional vectors of `draw` as row-major one-hots `[n, C]`: row i has its 1 at
 * `offsets[span_i] + slot_i`.
 */
export function conditionOneHots(slots: ConditionSlots, draw: ConditionDraw): Float32Array {
  const n = draw.span.length;
  const out = new Float32Array(n * slots.width);
  for (let i = 0; i < n; i++) out[i * slots.width + slots.offsets[draw.span[i]] + draw.slot[i]] = 1;
  return out;
}
