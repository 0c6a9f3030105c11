import { ConfigError, type Rng } from '@ganforge/core';
import type { BlockView, CellLocator, ColumnTransform, EncodedBlock } from './column-transform.js';
import type { OutputSpan } from './layout.js';
import { toDomain, type NumericDomain } from './numeric-domain.js';

/**
 * Min-max scaling to [−1, 1], the `csv` source's default: x̃ = (x − o)/s with o = (max + min)/2,
 * s = (max − min)/2 (s = 1 for a constant column); inverse x = clip(x̃, −1, 1)·s + o, then the
 * column's domain (integers, decimals). One tanh output. A column with missing values cannot use
 * it (there is no slot for "missing"): use `mixed`.
 */
export function fitMinMax(
  column: string,
  values: ArrayLike<number>,
  domain: NumericDomain,
): ColumnTransform<number> {
  for (let i = 0; i < values.length; i++)
    if (Number.isNaN(values[i]))
      throw new ConfigError(
        `columns.${column}: min-max scaling has no slot for missing values (value ${i} is missing); use transform 'mixed', which encodes missing as its own category`,
        `columns.${column}.transform`,
      );
  const { min, max } = domain;
  const offset = (max + min) / 2;
  const scale = (max - min) / 2 || 1;
  const spans: OutputSpan[] = [
    { kind: 'continuous', column, start: 0, width: 1, activation: 'tanh', role: 'scaled' },
  ];
  return {
    kind: 'min-max',
    column,
    width: 1,
    spans,
    forward(xs: ArrayLike<number>, _rng: Rng, locate?: CellLocator): EncodedBlock {
      const out = new Float32Array(xs.length);
      for (let i = 0; i < xs.length; i++) {
        if (Number.isNaN(xs[i]))
          throw new ConfigError(
            `${locate?.(i) ?? `column '${column}', value ${i}`}: missing, and min-max scaling has no slot for it; use transform 'mixed'`,
            `columns.${column}.transform`,
          );
        out[i] = (xs[i] - offset) / scale;
      }
      return { values: out, rows: xs.length, width: 1, spans };
    },
    inverse(block: ArrayLike<number>, rows: number, view: BlockView = { stride: 1, offset: 0 }): number[] {
      return Array.from({ length: rows }, (_, i) => {
        const v = Math.min(1, Math.max(-1, block[i * view.stride + view.offset]));
        return toDomain(v * scale + offset, domain);
      });
    },
    toJSON: () => ({ kind: 'min-max', column, offset, scale, domain }),
  };
}
