import type { DataSource } from '@ganforge/core';
import { MISSING_LABEL, type ColumnInfo, type TableSource } from '@ganforge/data';

/**
 * The run's `table` source, when its data is one: the source keeps the fitted codec that turns
 * generated rows back into the file's units (DESIGN.md, "Seams": sample and report never
 * reimplement scaling). Recognised by shape, so any source with a codec and a schema works.
 */
export function tableSourceOf(data: DataSource): TableSource | undefined {
  const d = data as Partial<TableSource>;
  return d.codec !== undefined && typeof d.codec.decode === 'function' && Array.isArray(d.schema)
    ? (data as TableSource)
    : undefined;
}

/** The categories each categorical column was fitted with (its one-hot labels, without missing). */
export function seenCategories(source: TableSource): Map<string, ReadonlySet<string>> {
  const seen = new Map<string, ReadonlySet<string>>();
  for (const column of source.layout.columns) {
    if (column.type !== 'categorical') continue;
    const labels = column.spans.flatMap((s) => (s.kind === 'one-hot' ? s.labels : []));
    seen.set(column.column, new Set(labels.filter((l) => l !== MISSING_LABEL)));
  }
  return seen;
}

/** Whether a column's transform has a slot for missing values. */
export function hasMissingSlot(source: TableSource, column: ColumnInfo): boolean {
  const layout = source.layout.columns.find((c) => c.column === column.name);
  return layout?.spans.some((s) => s.kind === 'one-hot' && s.labels.includes(MISSING_LABEL)) ?? false;
}
