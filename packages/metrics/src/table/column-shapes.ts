import { ksComplement, missingValueSimilarity, tvComplement } from './column-shape-scores.js';
import {
  finiteMean,
  type ColumnValues,
  type DiscreteValues,
  type NumericValues,
  type PreparedTable,
  type TableColumnType,
} from './table-schema.js';

/** One column's shape score. */
export interface ColumnShape {
  readonly column: string;
  readonly type: TableColumnType;
  readonly metric: 'KSComplement' | 'TVComplement';
  /** The score in [0, 1] (NaN when a side has no values: JSON writes null). */
  readonly score: number;
  /** Shares of missing cells in the real and the synthetic rows. */
  readonly missingReal: number;
  readonly missingSynthetic: number;
  /** 1 − |missingReal − missingSynthetic| (SDMetrics' MissingValueSimilarity; not in `score`). */
  readonly missingSimilarity: number;
}

/** SDMetrics' Column Shapes property: per-column scores and their mean. */
export interface ColumnShapes {
  /** Mean of the columns' finite scores. */
  readonly score: number;
  readonly columns: readonly ColumnShape[];
}

function missingShare(column: ColumnValues): number {
  let missing = 0;
  if (column.kind === 'numeric') {
    for (const v of column.values) if (Number.isNaN(v)) missing++;
    return missing / column.values.length;
  }
  for (const k of column.keys) if (k === null) missing++;
  return missing / column.keys.length;
}

/**
 * SDMetrics' QualityReport "Column Shapes" property
 * (`sdmetrics.reports.single_table._properties.ColumnShapes`): for every column,
 * KSComplement (continuous, integer, datetime) or TVComplement (categorical, boolean), and the
 * mean over columns: score = (1/C) Σ_c s_c. Both tables must be prepared with the same schema.
 */
export function columnShapes(real: PreparedTable, synthetic: PreparedTable): ColumnShapes {
  const columns = real.columns.map((r, j): ColumnShape => {
    const s = synthetic.columns[j];
    const score =
      r.kind === 'numeric'
        ? ksComplement(r.values, (s as NumericValues).values)
        : tvComplement(r.keys, (s as DiscreteValues).keys);
    const missingReal = missingShare(r);
    const missingSynthetic = missingShare(s);
    return {
      column: r.name,
      type: r.type,
      metric: r.kind === 'numeric' ? 'KSComplement' : 'TVComplement',
      score,
      missingReal,
      missingSynthetic,
      missingSimilarity: missingValueSimilarity(missingReal, missingSynthetic),
    };
  });
  return { score: finiteMean(columns.map((c) => c.score)), columns };
}
