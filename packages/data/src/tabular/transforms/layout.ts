import type { ColumnType } from '../column-types.js';

/** The reversible transforms a table column can go through. */
export type TransformKind = 'min-max' | 'one-hot' | 'mode-specific' | 'mixed';

/**
 * One encoded output column that a generator should emit through tanh: a min-max scaled value
 * (`role: 'scaled'`) or the within-mode offset α of mode-specific normalization (`'mode-offset'`).
 */
export interface ContinuousSpan {
  readonly kind: 'continuous';
  /** The table column it encodes. */
  readonly column: string;
  /** First output column of the span in the encoded row (relative to its block inside a transform). */
  readonly start: number;
  readonly width: 1;
  readonly activation: 'tanh';
  readonly role: 'scaled' | 'mode-offset';
}

/**
 * A group of encoded output columns that is one one-hot vector: a generator emits it through a
 * softmax (CTGAN: Gumbel-softmax, τ = 0.2). `role` says what the slots are: the categories of a
 * categorical or boolean column (`'category'`, what CTGAN's conditional vector is built from),
 * the modes of mode-specific normalization (`'mode'`), or CTAB-GAN's mixed group (`'mixed'`:
 * first the point masses, then the missing slot, then the modes).
 */
export interface OneHotSpan {
  readonly kind: 'one-hot';
  readonly column: string;
  readonly start: number;
  readonly width: number;
  readonly activation: 'softmax';
  readonly role: 'category' | 'mode' | 'mixed';
  /** A name per slot: the category, `'<missing>'`, `'=0'` for a mass at 0, `'mode 2'`. */
  readonly labels: readonly string[];
}

/** One span of the encoded row. */
export type OutputSpan = ContinuousSpan | OneHotSpan;

/** Where one table column lives in the encoded row, and how it is encoded. */
export interface ColumnLayout {
  readonly column: string;
  readonly type: ColumnType;
  readonly transform: TransformKind;
  readonly start: number;
  readonly width: number;
  readonly spans: readonly OutputSpan[];
}

/**
 * The layout of an encoded table row [D]: every column's block and every span in order. A
 * tabular GAN reads it to apply tanh to continuous spans and a (Gumbel-)softmax to each one-hot
 * span, and to build its conditional vector from the `'category'` spans (Xu et al. 2019,
 * arXiv:1907.00503, §4.2–4.3).
 */
export interface TableLayout {
  /** D, the length of an encoded row. */
  readonly width: number;
  readonly columns: readonly ColumnLayout[];
  /** Every span of every column, in order, with absolute starts. */
  readonly spans: readonly OutputSpan[];
}

/** The spans of a transform moved to start at `offset` in the encoded row. */
export function shiftSpans(spans: readonly OutputSpan[], offset: number): OutputSpan[] {
  return spans.map((s) => ({ ...s, start: s.start + offset }));
}

/** The index of the largest of `width` values from `values[offset]` (ties: the first). */
export function argmax(values: ArrayLike<number>, offset: number, width: number): number {
  let best = 0;
  for (let j = 1; j < width; j++) if (values[offset + j] > values[offset + best]) best = j;
  return best;
}
