import { argmax, type TableLayout } from '@ganforge/data';
import { conditionSlots, type ConditionRole, type ConditionSlots } from './condition-slots.js';

/**
 * The conditional vector's slots with what training-by-sampling needs from the training rows
 * (Xu et al. 2019, arXiv:1907.00503, §4.3): for every conditioned span and every slot k, the
 * rows whose encoded span has its 1 (its argmax) at k.
 */
export interface ConditionSpace extends ConditionSlots {
  /** N, the number of training rows. */
  readonly rows: number;
  /** `members[i][k]`: the rows (ascending) whose span i is at slot k. */
  readonly members: readonly (readonly Int32Array[])[];
  /** `counts[i][k]` = members[i][k].length. */
  readonly counts: readonly (readonly number[])[];
}

/**
 * Indexes the encoded training rows `values` (row-major `[N, D]`, D = `layout.width`) by the
 * slot of each conditioned span ({@link conditionSlots}).
 */
export function conditionSpace(
  layout: TableLayout,
  values: ArrayLike<number>,
  roles: readonly ConditionRole[] = ['category'],
): ConditionSpace {
  const slots = conditionSlots(layout, roles);
  const d = layout.width;
  const rows = Math.floor(values.length / d);
  const members = slots.spans.map((span) => {
    const lists: number[][] = Array.from({ length: span.width }, () => []);
    for (let r = 0; r < rows; r++) lists[argmax(values, r * d + span.start, span.width)].push(r);
    return lists.map((l) => Int32Array.from(l));
  });
  return { ...slots, rows, members, counts: members.map((m) => m.map((l) => l.length)) };
}
