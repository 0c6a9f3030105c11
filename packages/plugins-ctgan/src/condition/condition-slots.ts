import type { OneHotSpan, TableLayout } from '@ganforge/data';

/** Which one-hot spans of a table layout a condition can name (`OneHotSpan.role`). */
export type ConditionRole = OneHotSpan['role'];

/**
 * The slots of CTGAN's conditional vector (Xu et al. 2019, arXiv:1907.00503, §4.3): one slot per
 * category of every conditioned span, spans in layout order, so a condition "column i* has
 * category k*" is the one-hot vector with a 1 at `offsets[i*] + k*` and length `width`.
 */
export interface ConditionSlots {
  /** The conditioned one-hot spans of the layout (absolute starts in the encoded row). */
  readonly spans: readonly OneHotSpan[];
  /** The first slot of each span in the conditional vector. */
  readonly offsets: readonly number[];
  /** C, the length of the conditional vector (0 when the table has no conditioned span). */
  readonly width: number;
}

/**
 * The conditional vector's slots over a table `layout`: the one-hot spans whose role is in
 * `roles`. CTGAN conditions on the discrete columns, `['category']` (the default: categorical
 * and boolean columns, including their missing slot); CTAB-GAN (Zhao et al. 2021,
 * arXiv:2102.08369) also on the mode indicators of continuous columns (`'mode'`) and the groups of
 * mixed columns (`'mixed'`: point masses, missing, modes).
 */
export function conditionSlots(
  layout: TableLayout,
  roles: readonly ConditionRole[] = ['category'],
): ConditionSlots {
  const spans = layout.spans.filter((s): s is OneHotSpan => s.kind === 'one-hot' && roles.includes(s.role));
  const offsets: number[] = [];
  let width = 0;
  for (const span of spans) {
    offsets.push(width);
    width += span.width;
  }
  return { spans, offsets, width };
}
