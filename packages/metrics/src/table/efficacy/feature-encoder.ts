import type { ColumnValues, PreparedTable } from '../table-schema.js';

/** Features of a table's rows: row-major [rows, width] float64. */
export interface FeatureRows {
  readonly values: Float64Array;
  readonly rows: number;
  readonly width: number;
}

/** Encodes a table's feature columns the same way for training and test rows. */
export interface FeatureEncoder {
  readonly width: number;
  /** Names of the features (`age`, `species=Adelie`, `sex=<missing>`). */
  readonly names: readonly string[];
  encode(table: PreparedTable): FeatureRows;
}

type ColumnCode =
  | { kind: 'numeric'; column: number; at: number; mean: number; scale: number }
  | { kind: 'one-hot'; column: number; slots: Map<string | null, number> };

/**
 * Fits the features of a model on its training rows (SDMetrics' efficacy pipeline: impute the
 * mean, then scale): a numeric column becomes (x − mean)/sd of the training rows, a missing value
 * its mean (0 after centring); a discrete column becomes one-hot slots over the training rows'
 * categories, missing being a category of its own; a test category not seen in training sets no
 * slot. `skip` is the target column's index.
 */
export function fitFeatureEncoder(train: PreparedTable, skip: number): FeatureEncoder {
  const codes: ColumnCode[] = [];
  const names: string[] = [];
  let width = 0;
  train.columns.forEach((c: ColumnValues, j) => {
    if (j === skip) return;
    if (c.kind === 'numeric') {
      let n = 0;
      let sum = 0;
      for (const v of c.values) {
        if (Number.isNaN(v)) continue;
        sum += v;
        n++;
      }
      const mean = n > 0 ? sum / n : 0;
      let ss = 0;
      for (const v of c.values) if (!Number.isNaN(v)) ss += (v - mean) ** 2;
      const sd = n > 1 ? Math.sqrt(ss / n) : 0;
      codes.push({ kind: 'numeric', column: j, at: width, mean, scale: sd > 0 ? 1 / sd : 1 });
      names.push(c.name);
      width += 1;
      return;
    }
    const categories = [...new Set(c.keys)].sort((a, b) =>
      a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0,
    );
    codes.push({ kind: 'one-hot', column: j, slots: new Map(categories.map((k, i) => [k, width + i])) });
    names.push(...categories.map((k) => `${c.name}=${k ?? '<missing>'}`));
    width += categories.length;
  });
  return {
    width,
    names,
    encode(table) {
      const values = new Float64Array(table.rows * width);
      for (const code of codes) {
        const column = table.columns[code.column];
        if (code.kind === 'numeric') {
          const x = (column as { values: Float64Array }).values;
          for (let i = 0; i < table.rows; i++)
            values[i * width + code.at] = Number.isNaN(x[i]) ? 0 : (x[i] - code.mean) * code.scale;
        } else {
          const keys = (column as { keys: readonly (string | null)[] }).keys;
          for (let i = 0; i < table.rows; i++) {
            const slot = code.slots.get(keys[i]);
            if (slot !== undefined) values[i * width + slot] = 1;
          }
        }
      }
      return { values, rows: table.rows, width };
    },
  };
}
