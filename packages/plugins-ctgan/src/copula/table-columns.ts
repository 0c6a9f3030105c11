import { ConfigError, DataError, type DataSource, type Rng } from '@ganforge/core';
import type { TableCodec, TransformInput } from '@ganforge/data';
import type { CopulaInput } from './fit-copula.js';

/** What the copula reads of a table source (`@ganforge/data`'s `tableSource`, the `table` data). */
export interface CopulaTable {
  /** The fitted transforms and the encoded row's layout. */
  readonly codec: TableCodec;
  /** The encoded training rows, row-major [n, D]. */
  readonly values: Float32Array;
}

/** How one table column enters and leaves the copula. */
export type ColumnPlan =
  | {
      readonly kind: 'category';
      readonly column: string;
      /** The one-hot slots' values in the codec's order: categories, then null for missing. */
      readonly slots: readonly (string | null)[];
    }
  | {
      readonly kind: 'numeric';
      readonly column: string;
      /** Integer and datetime columns: sampled values are rounded. */
      readonly integer: boolean;
      /** Every value is a point mass of the column's encoding: sample observed levels only. */
      readonly discrete: boolean;
    };

/** The run's data as a {@link CopulaTable}, or a ConfigError at `generator` saying what is wrong. */
export function copulaTableOf(data: DataSource | undefined): CopulaTable {
  if (data === undefined)
    throw new ConfigError(
      'generator "gaussian-copula" is fitted to the run\'s table when it is built, and there is none here (a generator loaded alone cannot be rebuilt: load the run with its data)',
      'generator',
    );
  const t = data as Partial<CopulaTable>;
  if (t.codec === undefined || !Array.isArray(t.codec.transforms) || !(t.values instanceof Float32Array))
    throw new ConfigError(
      `generator "gaussian-copula" models the columns of a table: use data of kind "table" (this data source has samples of shape [${data.sampleShape.join(', ')}] and no column transforms)`,
      'generator',
    );
  return t as CopulaTable;
}

/**
 * One {@link ColumnPlan} per column of the codec: one-hot columns (categorical, boolean) are
 * categories over the codec's slots, read back through the transform's own inverse; the others
 * are numeric, discrete when their encoding has no continuous part (CTAB-GAN's mixed encoding
 * with point masses only, such as the levels of a few-valued integer column).
 */
export function planColumns(codec: TableCodec): ColumnPlan[] {
  return codec.transforms.map((t, j) => {
    const info = codec.columns[j];
    if (t.kind === 'one-hot') {
      const identity = new Float32Array(t.width * t.width);
      for (let s = 0; s < t.width; s++) identity[s * t.width + s] = 1;
      const slots = t.inverse(identity, t.width) as (string | null)[];
      return { kind: 'category', column: t.column, slots };
    }
    const discrete = !codec.layout.columns[j].spans.some((s) => s.kind === 'continuous');
    return { kind: 'numeric', column: t.column, integer: info.type !== 'continuous', discrete };
  });
}

/** The training rows, column by column, decoded through each column's transform. */
export function decodeColumns(table: CopulaTable): TransformInput[] {
  const { codec, values } = table;
  const width = codec.layout.width;
  const n = values.length / width;
  return codec.transforms.map((t, j) => {
    const decoded = t.inverse(values, n, { stride: width, offset: codec.layout.columns[j].start });
    return (t.kind === 'one-hot' ? decoded : Float64Array.from(decoded as number[])) as TransformInput;
  });
}

/** The copula's inputs: decoded values of numeric columns, slot indices of categories. */
export function copulaInputs(plan: readonly ColumnPlan[], columns: readonly TransformInput[]): CopulaInput[] {
  return plan.map((p, j): CopulaInput => {
    if (p.kind === 'numeric')
      return { kind: 'numeric', column: p.column, values: columns[j] as Float64Array, discrete: p.discrete };
    const index = new Map(p.slots.map((v, s) => [v, s]));
    const cells = columns[j] as readonly (string | null)[];
    const slots = Int32Array.from(cells, (v, i) => {
      const s = index.get(v);
      if (s === undefined)
        throw new DataError(`column '${p.column}', row ${i}: ${JSON.stringify(v)} is none of its slots`);
      return s;
    });
    return { kind: 'category', column: p.column, slots, count: p.slots.length };
  });
}

/**
 * Table columns from sampled copula dimensions (`sampleGaussianCopula`'s output, in the order
 * of `dimensions`): a category's slot index becomes its value; a numeric column takes its
 * `value` dimension, rounded for integers, and NaN where its `missing` dimension says missing.
 */
export function columnsFromSample(
  plan: readonly ColumnPlan[],
  dimensions: readonly { column: string; role: 'value' | 'missing' }[],
  sampled: readonly Float64Array[],
  n: number,
): TransformInput[] {
  const find = (column: string, role: 'value' | 'missing') => {
    const d = dimensions.findIndex((x) => x.column === column && x.role === role);
    return d >= 0 ? sampled[d] : undefined;
  };
  return plan.map((p): TransformInput => {
    const value = find(p.column, 'value');
    if (p.kind === 'category') return Array.from({ length: n }, (_, i) => p.slots[value![i]]);
    const missing = find(p.column, 'missing');
    return Float64Array.from({ length: n }, (_, i) => {
      if (value === undefined || missing?.[i] === 1) return Number.NaN;
      return p.integer ? Math.round(value[i]) : value[i];
    });
  });
}

/**
 * Encodes columns of values into rows [n, D] with the table's own fitted transforms, each
 * column's block at its place in the layout (as `TableCodec.encodeTable` does); mode-specific
 * and mixed encodings draw their modes from `rng`.
 */
export function encodeColumns(
  codec: TableCodec,
  columns: readonly TransformInput[],
  n: number,
  rng: Rng,
): Float32Array {
  const width = codec.layout.width;
  const out = new Float32Array(n * width);
  codec.transforms.forEach((t, j) => {
    const block = (t.forward as (v: TransformInput, r: Rng) => { values: Float32Array; width: number })(
      columns[j],
      rng,
    );
    const at = codec.layout.columns[j].start;
    for (let i = 0; i < n; i++)
      out.set(block.values.subarray(i * block.width, (i + 1) * block.width), i * width + at);
  });
  return out;
}
