import { ConfigError } from '@ganforge/core';
import { MISSING_LABEL, type CellValue } from '@ganforge/data';
import type { ConditionSlots } from './condition-slots.js';

/** The slot labels a user's value may match: the category itself, `<missing>` for null, `=v` for a point mass. */
function candidates(value: CellValue): string[] {
  if (value === null) return [MISSING_LABEL];
  if (typeof value === 'number') return [String(value), `=${value}`];
  return [String(value)];
}

/**
 * The index of the condition "`column` = `value`" in the conditional vector of `slots` (CTGAN,
 * Xu et al. 2019, arXiv:1907.00503, §4.3): `offsets[i] + k` for the column's span i and the slot
 * k whose label is the value (a category, `true`/`false`, null for the missing slot, a point
 * mass of a mixed column such as 0). It is the class label that core's `gan.sample` one-hot
 * encodes into the generator's `cond`, so rows with `species = Adelie` are
 *
 * ```ts
 * const source = gan.data as ConditionalTableSource;
 * const label = conditionLabel(source.conditions, 'species', 'Adelie');
 * const rows = source.decode(gan.sample({ n: 100, labels: new Array(100).fill(label) }));
 * ```
 *
 * An unknown column or value is a ConfigError at `path` (default `condition.<column>`) listing
 * what can be asked for.
 */
export function conditionLabel(
  slots: ConditionSlots,
  column: string,
  value: CellValue,
  path = `condition.${column}`,
): number {
  const i = slots.spans.findIndex((s) => s.column === column);
  if (i < 0) {
    const columns = slots.spans.map((s) => s.column);
    throw new ConfigError(
      `${path}: no conditional column '${column}'; the conditional vector holds ${columns.length > 0 ? columns.join(', ') : 'no column (the table has no conditioned span)'}`,
      path,
    );
  }
  const labels = slots.spans[i].labels;
  const k = candidates(value)
    .map((c) => labels.indexOf(c))
    .find((j) => j >= 0);
  if (k === undefined)
    throw new ConfigError(
      `${path}: ${JSON.stringify(value)} is not a value of '${column}' (known: ${labels.join(', ')})`,
      path,
    );
  return slots.offsets[i] + k;
}

/**
 * The conditional vector of "`column` = `value`": length C, a 1 at
 * {@link conditionLabel}(slots, column, value), 0 elsewhere (CTGAN's cond, Xu et al. 2019,
 * arXiv:1907.00503, §4.3). Pass n copies as `ForwardOptions.cond` to a ctgan generator, or use
 * `conditionLabel` with `gan.sample({ labels })`.
 */
export function conditionVector(
  slots: ConditionSlots,
  column: string,
  value: CellValue,
  path?: string,
): Float32Array {
  const v = new Float32Array(slots.width);
  v[conditionLabel(slots, column, value, path)] = 1;
  return v;
}
