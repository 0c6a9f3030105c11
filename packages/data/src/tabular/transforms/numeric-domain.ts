/**
 * What "the user's units" of a numeric column are: its seen range, whether it holds integers and
 * how many decimals its cells were written with. Every numeric transform's inverse ends in
 * {@link toDomain}, so decoded values never leave the seen range (a column clipped at a bound
 * stays clipped) and integers stay integers.
 */
export interface NumericDomain {
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  /** Digits after the decimal point to round to (ignored for integers). */
  readonly decimals: number;
}

/** The domain of the finite values of a column. */
export function numericDomain(values: ArrayLike<number>, integer: boolean, decimals: number): NumericDomain {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max, integer, decimals };
}

/** x clipped to [min, max], then rounded to an integer or to `decimals` digits. */
export function toDomain(x: number, domain: NumericDomain): number {
  const clipped = Math.min(domain.max, Math.max(domain.min, x));
  if (domain.integer) return Math.round(clipped);
  const f = 10 ** domain.decimals;
  return Math.round(clipped * f) / f;
}
