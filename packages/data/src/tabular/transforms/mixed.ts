import { DataError, type Rng } from '@ganforge/core';
import type { BlockView, CellLocator, ColumnTransform, EncodedBlock } from './column-transform.js';
import { argmax, type OutputSpan } from './layout.js';
import { fitModes, type ModeCodec, type ModeOptions } from './mode-codec.js';
import { MISSING_LABEL } from './one-hot.js';
import { toDomain, type NumericDomain } from './numeric-domain.js';

/**
 * CTAB-GAN's mixed-type encoding (Zhao et al. 2021, arXiv:2102.08369, §3.3), extended to missing
 * values: the column's point masses m_1 … m_M (a zero of a zero-inflated column, the levels of a
 * few-level integer, a clipped bound) and, if the column has missing cells, "missing" are
 * categories of their own; every other value goes through mode-specific normalization (CTGAN's
 * VGM, fitted to those values only). The encoding is `[α, β]` with β one-hot over the slots
 * `[m_1 … m_M, missing?, mode 1 … mode K]`: a mass or missing cell has α = 0 and its own slot,
 * another value has α = clip((x − η_k)/(4φ_k), ±0.99) and the slot of its sampled mode k.
 * Inverse: the argmax slot decides mass, missing (NaN) or mode; a mode decodes to
 * clip(α, ±1)·4φ_k + η_k, then the column's domain. So masses come back exactly and missing
 * values stay missing (not imputed). Without continuous values the α output is left out.
 */
export function fitMixed(
  column: string,
  values: ArrayLike<number>,
  masses: readonly number[],
  hasMissing: boolean,
  domain: NumericDomain,
  rng: Rng,
  options: ModeOptions = {},
): ColumnTransform<number> {
  const massIndex = new Map(masses.map((m, j) => [m, j]));
  const rest: number[] = [];
  for (let i = 0; i < values.length; i++)
    if (!Number.isNaN(values[i]) && !massIndex.has(values[i])) rest.push(values[i]);
  const modes: ModeCodec | undefined = rest.length > 0 ? fitModes(rest, rng, options) : undefined;
  const m = masses.length;
  const missingSlot = hasMissing ? m : -1;
  const firstMode = m + (hasMissing ? 1 : 0);
  const k = modes?.means.length ?? 0;
  const hasAlpha = modes !== undefined;
  const groupStart = hasAlpha ? 1 : 0;
  const groupWidth = firstMode + k;
  const width = groupStart + groupWidth;
  const spans: OutputSpan[] = [
    ...(hasAlpha
      ? [{ kind: 'continuous', column, start: 0, width: 1, activation: 'tanh', role: 'mode-offset' } as const]
      : []),
    {
      kind: 'one-hot',
      column,
      start: groupStart,
      width: groupWidth,
      activation: 'softmax',
      role: 'mixed',
      labels: [
        ...masses.map((v) => `=${v}`),
        ...(hasMissing ? [MISSING_LABEL] : []),
        ...Array.from({ length: k }, (_, j) => `mode ${j}`),
      ],
    },
  ];
  const unencodable = (i: number, why: string, locate?: CellLocator): never => {
    throw new DataError(`${locate?.(i) ?? `column '${column}', value ${i}`}: ${why}`);
  };
  return {
    kind: 'mixed',
    column,
    width,
    spans,
    forward(xs: ArrayLike<number>, draw: Rng, locate?: CellLocator): EncodedBlock {
      const out = new Float32Array(xs.length * width);
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        const row = i * width;
        const mass = massIndex.get(x);
        if (mass !== undefined) out[row + groupStart + mass] = 1;
        else if (Number.isNaN(x)) {
          if (missingSlot < 0)
            unencodable(i, 'missing, but the column had no missing values when it was fitted', locate);
          out[row + groupStart + missingSlot] = 1;
        } else {
          if (modes === undefined)
            unencodable(i, `${x} is none of the column's point masses (${masses.join(', ')})`, locate);
          const { mode, alpha } = modes!.encode(x, draw);
          out[row] = alpha;
          out[row + groupStart + firstMode + mode] = 1;
        }
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
        const slot = argmax(block, at + groupStart, groupWidth);
        if (slot < m) return masses[slot];
        if (slot === missingSlot) return Number.NaN;
        return toDomain(modes!.decode(block[at], slot - firstMode), domain);
      });
    },
    toJSON: () => ({
      kind: 'mixed',
      column,
      masses: [...masses],
      missing: hasMissing,
      means: modes ? [...modes.means] : [],
      sds: modes ? [...modes.sds] : [],
      weights: modes ? [...modes.weights] : [],
      domain,
    }),
  };
}
