import type * as tf from '@tensorflow/tfjs';
import type { Generator } from '@ganforge/core';

/**
 * The optional hook of a tabular generator that can be asked for rows with a given category
 * (CTGAN's conditional vector, Xu et al. 2019, arXiv:1907.00503, §4.3). When the run's generator
 * has it and `ganforge sample` gets one `--where` condition, the rows are drawn with
 * `generate(z, { training: false, cond: conditionFor(column, value, n) })` instead of by
 * rejection from unconditional samples (the rows are still checked, so a generator that ignores
 * its condition is caught). A generator implements it by adding the method; nothing imports this
 * type.
 */
export interface TableConditionalGenerator extends Generator {
  /**
   * The `cond` input for `n` rows whose `column` takes `value` — a label of that column's
   * `'category'` span in the source's layout (`'Adelie'`, `'true'`; `'<missing>'` for missing)
   * — or undefined when this generator does not condition on that column. The caller disposes it.
   */
  conditionFor(column: string, value: string, n: number): tf.Tensor | undefined;
}

/** The generator as a {@link TableConditionalGenerator}, when it has the hook. */
export function asConditionalGenerator(generator: Generator): TableConditionalGenerator | undefined {
  return typeof (generator as Partial<TableConditionalGenerator>).conditionFor === 'function'
    ? (generator as TableConditionalGenerator)
    : undefined;
}
