/**
 * Mid-rank uniforms of the finite values of a column: u_i = (r̄_i − ½)/n, with r̄_i the 1-based
 * rank of x_i among the n finite values and ties given their average rank. A value shared by
 * rows a…b of the sorted column (ranks a to b) gets u = ((a + b)/2 − ½)/n, the midpoint of its
 * step [(a − 1)/n, b/n] of the empirical CDF, so u never reaches 0 or 1, and a point mass (the
 * zeros of a zero-inflated column) keeps one normal score instead of a spread depending on row
 * order. Missing values (NaN) get NaN.
 */
export function midRankUniforms(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length).fill(Number.NaN);
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) finite.push(i);
  finite.sort((i, j) => values[i] - values[j]);
  const n = finite.length;
  for (let a = 0; a < n;) {
    let b = a;
    while (b + 1 < n && values[finite[b + 1]] === values[finite[a]]) b++;
    // 0-based sorted positions a…b are ranks a + 1 … b + 1: average rank (a + b)/2 + 1.
    const u = ((a + b) / 2 + 0.5) / n;
    for (let r = a; r <= b; r++) out[finite[r]] = u;
    a = b + 1;
  }
  return out;
}

/**
 * The m = min(n, `maxKnots`) knots of an empirical quantile function: q_j = Q̂(p_j) at
 * p_j = (j − ½)/m, j = 1…m, where Q̂ interpolates the sorted values x₍₁₎ ≤ … ≤ x₍ₙ₎ linearly
 * between the points ((i − ½)/n, x₍ᵢ₎) (Hazen's plotting positions). With m = n the knots are
 * the sorted values themselves. `sorted` must be ascending and non-empty.
 */
export function quantileKnots(sorted: ArrayLike<number>, maxKnots: number): Float64Array {
  const n = sorted.length;
  const m = Math.min(n, maxKnots);
  const knots = new Float64Array(m);
  for (let j = 0; j < m; j++) knots[j] = interpolate(sorted, ((j + 0.5) / m) * n + 0.5);
  return knots;
}

/** Linear interpolation at 1-based position h of `points`, flat outside [1, length]. */
function interpolate(points: ArrayLike<number>, h: number): number {
  const m = points.length;
  if (h <= 1) return points[0];
  if (h >= m) return points[m - 1];
  const lo = Math.floor(h);
  const t = h - lo;
  return t === 0 ? points[lo - 1] : points[lo - 1] + t * (points[lo] - points[lo - 1]);
}

/**
 * Q̂(u) from knots q_j at p_j = (j − ½)/m: linear between neighbouring knots, q₁ below p₁ and
 * q_m above p_m, so a sample never leaves the observed range.
 */
export function quantileAt(knots: ArrayLike<number>, u: number): number {
  return interpolate(knots, u * knots.length + 0.5);
}

/**
 * The order in which the slots of a discrete marginal tile [0, 1]: descending probability (ties:
 * the lower slot first) for categories, as SDV's frequency encoding; slot order for `byValue`
 * (ascending numeric levels, so that the normal scores keep the values' order).
 */
export function intervalOrder(probabilities: ArrayLike<number>, byValue = false): Int32Array {
  const order = Int32Array.from({ length: probabilities.length }, (_, j) => j);
  if (!byValue) order.sort((a, b) => probabilities[b] - probabilities[a] || a - b);
  return order;
}

/**
 * The interval [lower, upper) of [0, 1] of each slot when the slots tile it in `order`, each as
 * wide as its probability: slot order[k] starts at the sum of the probabilities before it.
 */
export function intervalBounds(
  probabilities: ArrayLike<number>,
  order: ArrayLike<number>,
): { lower: Float64Array; upper: Float64Array } {
  const lower = new Float64Array(probabilities.length);
  const upper = new Float64Array(probabilities.length);
  let at = 0;
  for (let k = 0; k < order.length; k++) {
    const j = order[k];
    lower[j] = at;
    at += probabilities[j];
    upper[j] = at;
  }
  return { lower, upper };
}

/**
 * The slot whose interval holds u (the inverse of a step CDF): the first slot in `order` whose
 * upper bound exceeds u; u at or above the last bound (rounding) gives the last slot with a
 * positive probability.
 */
export function slotAt(probabilities: ArrayLike<number>, order: ArrayLike<number>, u: number): number {
  let at = 0;
  let last = order[0];
  for (let k = 0; k < order.length; k++) {
    const j = order[k];
    if (probabilities[j] <= 0) continue;
    at += probabilities[j];
    last = j;
    if (u < at) return j;
  }
  return last;
}
