/** Options of {@link findPointMasses}. */
export interface PointMassOptions {
  /** A value holding at least this share of the non-missing cells is a mass (default 0.1: zero-inflation). */
  massShare?: number;
  /** The minimum or maximum holding at least this share is a mass (default 0.01: values clipped at a bound). */
  boundShare?: number;
  /** An integer column with at most this many distinct values has every value as a mass (default 10). */
  maxLevels?: number;
}

/**
 * The point masses of a numeric column, for CTAB-GAN's mixed encoding (Zhao et al. 2021,
 * arXiv:2102.08369, §3.3), sorted ascending: (a) every level of a few-level integer column (at
 * most `maxLevels` distinct values), (b) any value holding at least `massShare` of the
 * non-missing cells (zero-inflation: a 0 in 40 % of rows), (c) the minimum or maximum when it
 * holds at least `boundShare` of them and at least 2 cells (a column clipped at a bound).
 * NaN (missing) is ignored here; the mixed encoding gives it its own slot.
 */
export function findPointMasses(
  values: ArrayLike<number>,
  integer: boolean,
  options: PointMassOptions = {},
): number[] {
  const counts = new Map<number, number>();
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    counts.set(v, (counts.get(v) ?? 0) + 1);
    n++;
  }
  if (n === 0) return [];
  const distinct = [...counts.keys()].sort((a, b) => a - b);
  if (integer && distinct.length <= (options.maxLevels ?? 10)) return distinct;
  const massShare = options.massShare ?? 0.1;
  const boundShare = options.boundShare ?? 0.01;
  return distinct.filter((v, i) => {
    const c = counts.get(v)!;
    if (c / n >= massShare) return true;
    const atBound = i === 0 || i === distinct.length - 1;
    return atBound && c >= 2 && c / n >= boundShare && distinct.length > 2;
  });
}
