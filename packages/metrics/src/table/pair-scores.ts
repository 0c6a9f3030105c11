/**
 * Pearson's r over the rows where both values are present (NaN dropped pairwise, as SDMetrics'
 * CorrelationSimilarity does with `dropna()`): r = Σ(x−x̄)(y−ȳ) / √(Σ(x−x̄)² Σ(y−ȳ)²). NaN with
 * fewer than two rows or a constant column (SDMetrics raises ConstantInputError there).
 */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let n = 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i]) || Number.isNaN(y[i])) continue;
    n++;
    mx += x[i];
    my += y[i];
  }
  if (n < 2) return Number.NaN;
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i]) || Number.isNaN(y[i])) continue;
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return Number.NaN;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/**
 * SDMetrics' CorrelationSimilarity (`sdmetrics.column_pairs.CorrelationSimilarity`, Pearson):
 * 1 − |r_real − r_synth| / 2, in [0, 1]; 1 = the same correlation.
 */
export function correlationSimilarity(rReal: number, rSynthetic: number): number {
  return 1 - Math.abs(rReal - rSynthetic) / 2;
}

/** Keys of a pair of discrete columns: one level index per row for each column (null = its own level). */
interface Levels {
  readonly index: Map<string | null, number>;
}

function levelsOf(...lists: (readonly (string | null)[])[]): Levels {
  const index = new Map<string | null, number>();
  for (const list of lists) for (const k of list) if (!index.has(k)) index.set(k, index.size);
  return { index };
}

/** Joint counts of two key lists over the given levels, row-major [levels(a), levels(b)]. */
function jointCounts(
  a: readonly (string | null)[],
  b: readonly (string | null)[],
  la: Levels,
  lb: Levels,
): Float64Array {
  const counts = new Float64Array(la.index.size * lb.index.size);
  const width = lb.index.size;
  for (let i = 0; i < a.length; i++) counts[la.index.get(a[i])! * width + lb.index.get(b[i])!]++;
  return counts;
}

/**
 * SDMetrics' ContingencySimilarity (`sdmetrics.column_pairs.ContingencySimilarity`) of two
 * discrete columns: 1 − ½ Σ_{α,β} |P_real(α, β) − P_synth(α, β)|, the complement of the total
 * variation distance between the normalized 2-D contingency tables, over every pair of levels
 * seen on either side. Missing is a level of its own (SDMetrics groups with `dropna=False`).
 */
export function contingencySimilarity(
  realA: readonly (string | null)[],
  realB: readonly (string | null)[],
  synthA: readonly (string | null)[],
  synthB: readonly (string | null)[],
): number {
  const la = levelsOf(realA, synthA);
  const lb = levelsOf(realB, synthB);
  const p = jointCounts(realA, realB, la, lb);
  const q = jointCounts(synthA, synthB, la, lb);
  let sum = 0;
  for (let k = 0; k < p.length; k++) sum += Math.abs(p[k] / realA.length - q[k] / synthA.length);
  return 1 - sum / 2;
}

/**
 * Cramér's V of two discrete columns (`scipy.stats.contingency.association(method='cramer')`,
 * no continuity correction): V = √(χ² / (n · (min(r, c) − 1))), χ² = Σ (O − E)²/E with
 * E = row total · column total / n over the r × c observed levels (missing is a level). In
 * [0, 1]; NaN when a column has fewer than two levels.
 */
export function cramersV(a: readonly (string | null)[], b: readonly (string | null)[]): number {
  const la = levelsOf(a);
  const lb = levelsOf(b);
  const r = la.index.size;
  const c = lb.index.size;
  if (Math.min(r, c) < 2 || a.length === 0) return Number.NaN;
  const counts = jointCounts(a, b, la, lb);
  const rows = new Float64Array(r);
  const cols = new Float64Array(c);
  for (let i = 0; i < r; i++)
    for (let j = 0; j < c; j++) {
      rows[i] += counts[i * c + j];
      cols[j] += counts[i * c + j];
    }
  const n = a.length;
  let chi2 = 0;
  for (let i = 0; i < r; i++)
    for (let j = 0; j < c; j++) {
      const expected = (rows[i] * cols[j]) / n;
      chi2 += (counts[i * c + j] - expected) ** 2 / expected;
    }
  return Math.min(1, Math.sqrt(chi2 / (n * (Math.min(r, c) - 1))));
}

/**
 * The edges of `bins` equal-width bins over the finite real values (`numpy.histogram_bin_edges`:
 * [min, max] split evenly, [min − ½, max + ½] when min = max); empty when there are no values.
 */
export function equalWidthEdges(values: ArrayLike<number>, bins = 10): Float64Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) return new Float64Array(0);
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  return Float64Array.from({ length: bins + 1 }, (_, k) => (k === bins ? hi : lo + ((hi - lo) * k) / bins));
}

/**
 * Bins numeric values by `edges` as `sdmetrics.utils.discretize_column`: the outer edges are
 * open (−∞, +∞), so a value outside the real range falls in the first or last bin; bin k holds
 * e_k ≤ x < e_{k+1} (`numpy.digitize`). Keys are the bin numbers 1…bins; missing stays null (a
 * level of its own in a contingency table).
 */
export function binKeys(values: ArrayLike<number>, edges: Float64Array): (string | null)[] {
  const inner = edges.subarray(1, edges.length - 1);
  return Array.from(values, (v) => {
    if (Number.isNaN(v)) return null;
    let lo = 0;
    let hi = inner.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (inner[mid] <= v) lo = mid + 1;
      else hi = mid;
    }
    return String(lo + 1);
  });
}
