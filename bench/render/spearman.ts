// Spearman's rank correlation, for checking that two metrics order the same rows the same way.

/** Ascending order that also holds for ±Infinity (whose difference is NaN). */
const compare = (a: number, b: number) => (a < b ? -1 : a > b ? 1 : 0);

/** 1-based ranks of `values` (no NaN), ascending, ties given the mean of the ranks they span. */
export function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => compare(a[0], b[0]) || a[1] - b[1]);
  const out = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start + 1;
    while (end < order.length && order[end][0] === order[start][0]) end++;
    for (let j = start; j < end; j++) out[order[j][1]] = (start + 1 + end) / 2;
    start = end;
  }
  return out;
}

/**
 * Spearman's ρ of `a` and `b`: Pearson's correlation of their ranks (ties averaged), in [−1, 1].
 * NaN with fewer than two pairs or when either side is constant (every value tied).
 */
export function spearman(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new Error(`spearman: ${a.length} values against ${b.length}`);
  const ra = ranks(a);
  const rb = ranks(b);
  const n = a.length;
  const mean = (n + 1) / 2;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (ra[i] - mean) * (rb[i] - mean);
    saa += (ra[i] - mean) ** 2;
    sbb += (rb[i] - mean) ** 2;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : Number.NaN;
}
