import { ConfigError, type Rng } from '@ganforge/core';
import type { BlockView, CellLocator, ColumnTransform, EncodedBlock } from './column-transform.js';
import { argmax, type OutputSpan } from './layout.js';
import { fitModes, type ModeOptions } from './mode-codec.js';
import { toDomain, type NumericDomain } from './numeric-domain.js';

/**
 * CTGAN's mode-specific normalization (Xu et al. 2019, arXiv:1907.00503, §4.2): a variational
 * Gaussian mixture with up to 10 modes is fitted to the column and modes of weight ≤ 0.005 are
 * dropped; a value x becomes [α, β]: β one-hot of a mode k drawn from the posterior, and
 * α = clip((x − η_k)/(4φ_k), ±0.99) (see {@link fitModes} for which modes may be drawn). Inverse:
 * k = argmax β, x = clip(α, ±1)·4φ_k + η_k, then the column's domain. Forward then inverse is the
 * identity on every value within 3.96 φ_k of some kept mode. No slot for missing values: use `mixed`.
 */
export function fitModeSpecific(
  column: string,
  values: ArrayLike<number>,
  domain: NumericDomain,
  rng: Rng,
  options: ModeOptions = {},
): ColumnTransform<number> {
  for (let i = 0; i < values.length; i++)
    if (Number.isNaN(values[i]))
      throw new ConfigError(
        `columns.${column}: mode-specific normalization has no slot for missing values (value ${i} is missing); use transform 'mixed', which encodes missing as its own category`,
        `columns.${column}.transform`,
      );
  const modes = fitModes(values, rng, options);
  const k = modes.means.length;
  const width = 1 + k;
  const spans: OutputSpan[] = [
    { kind: 'continuous', column, start: 0, width: 1, activation: 'tanh', role: 'mode-offset' },
    {
      kind: 'one-hot',
      column,
      start: 1,
      width: k,
      activation: 'softmax',
      role: 'mode',
      labels: modes.means.map((_, j) => `mode ${j}`),
    },
  ];
  return {
    kind: 'mode-specific',
    column,
    width,
    spans,
    forward(xs: ArrayLike<number>, draw: Rng, locate?: CellLocator): EncodedBlock {
      const out = new Float32Array(xs.length * width);
      for (let i = 0; i < xs.length; i++) {
        if (Number.isNaN(xs[i]))
          throw new ConfigError(
            `${locate?.(i) ?? `column '${column}', value ${i}`}: missing, and mode-specific normalization has no slot for it; use transform 'mixed'`,
            `columns.${column}.transform`,
          );
        const { mode, alpha } = modes.encode(xs[i], draw);
        out[i * width] = alpha;
        out[i * width + 1 + mode] = 1;
      }
      return { values: out, rows: xs.length, width, spans };
    },
    inverse(
      block: ArrayLike<number>,
      rows: number,
      view: BlockView = { stride: width, offset: 0 },
    ): number[] {
      return Array.from({ length: rows }, (_, i) => {
        const at = i * view.stride + view.offset;
        return toDomain(modes.decode(block[at], argmax(block, at + 1, k)), domain);
      });
    },
    toJSON: () => ({
      kind: 'mode-specific',
      column,
      means: [...modes.means],
      sds: [...modes.sds],
      weights: [...modes.weights],
      domain,
    }),
  };
}
