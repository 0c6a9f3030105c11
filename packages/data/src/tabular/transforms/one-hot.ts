import { DataError, type Rng } from '@ganforge/core';
import type { BlockView, CellLocator, ColumnTransform, EncodedBlock } from './column-transform.js';
import { argmax, type OutputSpan } from './layout.js';

/** The slot label of the missing category. */
export const MISSING_LABEL = '<missing>';

/**
 * One-hot encoding of a categorical (or boolean) column: slot j is 1 for category j, 0 elsewhere;
 * a column with missing values gets one more slot, last, for "missing". Inverse: the category of
 * the largest slot (argmax), so a generator's softmax output decodes to a seen category or
 * missing, never to anything else. Encoding a value outside the categories is a DataError naming
 * its cell (an unknown category at sample time).
 */
export function fitOneHot(
  column: string,
  categories: readonly string[],
  hasMissing: boolean,
): ColumnTransform<string | null> {
  const slots: (string | null)[] = [...categories, ...(hasMissing ? [null] : [])];
  const index = new Map(slots.map((c, j) => [c, j]));
  const width = slots.length;
  const spans: OutputSpan[] = [
    {
      kind: 'one-hot',
      column,
      start: 0,
      width,
      activation: 'softmax',
      role: 'category',
      labels: slots.map((c) => c ?? MISSING_LABEL),
    },
  ];
  return {
    kind: 'one-hot',
    column,
    width,
    spans,
    forward(values: ArrayLike<string | null>, _rng: Rng, locate?: CellLocator): EncodedBlock {
      const out = new Float32Array(values.length * width);
      for (let i = 0; i < values.length; i++) {
        const j = index.get(values[i]);
        if (j === undefined)
          throw new DataError(
            `${locate?.(i) ?? `column '${column}', value ${i}`}: ${
              values[i] === null
                ? 'missing, but the column had no missing values when it was fitted'
                : `unknown category '${values[i]}' (known: ${categories.join(', ')})`
            }`,
          );
        out[i * width + j] = 1;
      }
      return { values: out, rows: values.length, width, spans };
    },
    inverse(block: ArrayLike<number>, rows: number, view: BlockView = { stride: width, offset: 0 }) {
      return Array.from(
        { length: rows },
        (_, i) => slots[argmax(block, i * view.stride + view.offset, width)],
      );
    },
    toJSON: () => ({ kind: 'one-hot', column, categories: [...categories], missing: hasMissing }),
  };
}
