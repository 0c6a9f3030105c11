/** The finite entries of `values`, sorted ascending. */
function sortedFinite(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) out[n++] = values[i];
  return out.subarray(0, n).sort();
}

/**
 * The two-sample Kolmogorov–Smirnov statistic D = sup_x |F_real(x) − F_synth(x)| between the
 * empirical CDFs of the non-missing values (NaN dropped; ties step both CDFs at once, as
 * `scipy.stats.ks_2samp`). NaN when either side has no values.
 */
export function ksStatistic(real: ArrayLike<number>, synthetic: ArrayLike<number>): number {
  const a = sortedFinite(real);
  const b = sortedFinite(synthetic);
  if (a.length === 0 || b.length === 0) return Number.NaN;
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < a.length && j < b.length) {
    const v = Math.min(a[i], b[j]);
    while (i < a.length && a[i] === v) i++;
    while (j < b.length && b[j] === v) j++;
    d = Math.max(d, Math.abs(i / a.length - j / b.length));
  }
  return d;
}

/**
 * SDMetrics' KSComplement (`sdmetrics.single_column.KSComplement`): 1 − D, with D the two-sample
 * Kolmogorov–Smirnov statistic ({@link ksStatistic}) of a numeric column (continuous, integer,
 * datetime as ms). 1 = identical empirical distributions, 0 = disjoint ranges. Missing values are
 * dropped from both sides first, as SDMetrics does. NaN when a side has no values.
 */
export function ksComplement(real: ArrayLike<number>, synthetic: ArrayLike<number>): number {
  return 1 - ksStatistic(real, synthetic);
}

/** Relative frequencies of the non-null keys (an empty map when all are null). */
export function frequencies(keys: readonly (string | null)[]): Map<string, number> {
  const counts = new Map<string, number>();
  let n = 0;
  for (const k of keys)
    if (k !== null) {
      counts.set(k, (counts.get(k) ?? 0) + 1);
      n++;
    }
  for (const [k, c] of counts) counts.set(k, c / n);
  return counts;
}

/**
 * SDMetrics' TVComplement (`sdmetrics.single_column.TVComplement`) of a discrete column
 * (categorical, boolean): 1 − ½ Σ_ω |p_real(ω) − p_synth(ω)|, over every category ω seen on
 * either side; 1 = the same frequencies, 0 = no category in common. Missing cells are dropped
 * before the frequencies are taken (SDMetrics' `dropna()`), so a missing share that differs does
 * not show here: see {@link missingValueSimilarity}. NaN when a side has no values.
 */
export function tvComplement(
  real: readonly (string | null)[],
  synthetic: readonly (string | null)[],
): number {
  const p = frequencies(real);
  const q = frequencies(synthetic);
  if (p.size === 0 || q.size === 0) return Number.NaN;
  let sum = 0;
  for (const [k, pk] of p) sum += Math.abs(pk - (q.get(k) ?? 0));
  for (const [k, qk] of q) if (!p.has(k)) sum += qk;
  return 1 - sum / 2;
}

/**
 * SDMetrics' MissingValueSimilarity (`sdmetrics.single_column.MissingValueSimilarity`):
 * 1 − |m_real − m_synth|, with m the share of missing cells. 1 = the same share.
 */
export function missingValueSimilarity(realMissing: number, syntheticMissing: number): number {
  return 1 - Math.abs(realMissing - syntheticMissing);
}
