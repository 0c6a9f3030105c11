import type { PreparedTable } from '../table-schema.js';

/** Options of {@link distanceToClosestRecord}. */
export interface ClosestRecordOptions {
  /** Query rows per chunk between progress calls (default 1,000). */
  chunk?: number;
  /** Called after each chunk with the query rows done and the total. */
  onProgress?: (done: number, total: number) => void;
}

/** Rows of one table in the form the distance loop reads: numeric columns range-scaled, categories as codes. */
interface Encoded {
  numeric: Float64Array;
  codes: Int32Array;
}

/**
 * The distance to the closest record (DCR) of every query row among the reference rows, as
 * SDMetrics' `calculate_dcr` (`sdmetrics.single_table.privacy.dcr_utils`): the distance of two
 * rows is the mean over the C columns of a per-column distance in [0, 1],
 *
 * ```text
 * d(x, y) = (1/C) Σ_c d_c(x_c, y_c)
 * numeric (continuous, integer, datetime):  d_c = min(|x_c − y_c| / range_c, 1), range_c = max − min
 *     of the reference column (range 0: d_c = [x_c ≠ y_c]); one side missing: 1; both missing: 0
 * categorical, boolean:                     d_c = [x_c ≠ y_c], missing equal to missing
 * ```
 *
 * and DCR(x) = min over reference rows y of d(x, y); 0 = an exact copy of a reference row. The
 * query rows are processed a chunk at a time with a running minimum, so memory is
 * O(reference rows × C), never a query × reference matrix. The search is exact but pruned: the
 * reference rows are visited outwards from the query's value of the first numeric column (its
 * term bounds the sum from below, so a direction stops once that term reaches the best sum), and
 * a sum stops once it passes the best so far.
 */
export function distanceToClosestRecord(
  queries: PreparedTable,
  reference: PreparedTable,
  options: ClosestRecordOptions = {},
): Float64Array {
  const numericColumns = reference.columns.flatMap((c, j) => (c.kind === 'numeric' ? [j] : []));
  const discreteColumns = reference.columns.flatMap((c, j) => (c.kind === 'discrete' ? [j] : []));
  const scale = numericColumns.map((j) => {
    const v = (reference.columns[j] as { values: Float64Array }).values;
    let lo = Infinity;
    let hi = -Infinity;
    for (const x of v) {
      if (Number.isNaN(x)) continue;
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    return hi > lo ? 1 / (hi - lo) : 0;
  });
  const codeOf = new Map<string, number>();
  const encode = (table: PreparedTable): Encoded => {
    const p = numericColumns.length;
    const q = discreteColumns.length;
    const numeric = new Float64Array(table.rows * p);
    const codes = new Int32Array(table.rows * q);
    numericColumns.forEach((j, k) => {
      const v = (table.columns[j] as { values: Float64Array }).values;
      for (let i = 0; i < table.rows; i++) numeric[i * p + k] = scale[k] > 0 ? v[i] * scale[k] : v[i];
    });
    discreteColumns.forEach((j, k) => {
      const keys = (table.columns[j] as { keys: readonly (string | null)[] }).keys;
      for (let i = 0; i < table.rows; i++) {
        const key = keys[i];
        if (key === null) codes[i * q + k] = -1;
        else {
          let code = codeOf.get(key);
          if (code === undefined) codeOf.set(key, (code = codeOf.size));
          codes[i * q + k] = code;
        }
      }
    });
    return { numeric, codes };
  };
  const ref = encode(reference);
  const query = encode(queries);
  const p = numericColumns.length;
  const q = discreteColumns.length;
  const columns = p + q;
  const scaled = Uint8Array.from(scale, (s) => (s > 0 ? 1 : 0));
  /** d(query i, reference r) · C, or any value ≥ `best` once the partial sum reaches it. */
  const distance = (i: number, r: number, best: number): number => {
    let s = 0;
    for (let k = 0; k < p && s < best; k++) {
      const a = query.numeric[i * p + k];
      const b = ref.numeric[r * p + k];
      if (a !== a || b !== b) s += a !== a && b !== b ? 0 : 1;
      else if (scaled[k]) s += Math.min(Math.abs(a - b), 1);
      else s += a === b ? 0 : 1;
    }
    for (let k = 0; k < q && s < best; k++) if (query.codes[i * q + k] !== ref.codes[r * q + k]) s += 1;
    return s;
  };
  const sorted = p > 0 ? sortByFirstColumn(ref.numeric, reference.rows, p) : undefined;
  const out = new Float64Array(queries.rows);
  const chunk = Math.max(1, options.chunk ?? 1000);
  for (let start = 0; start < queries.rows; start += chunk) {
    const end = Math.min(queries.rows, start + chunk);
    for (let i = start; i < end; i++) {
      const v = sorted ? query.numeric[i * p] : Number.NaN;
      let best = Infinity;
      if (sorted === undefined || v !== v) {
        for (let r = 0; r < reference.rows && best > 0; r++) best = Math.min(best, distance(i, r, best));
      } else {
        // Walk outwards from v in the first column's order: |Δ| there (capped at 1; 0/1 for a
        // constant column) bounds the whole sum from below, so a side stops once it reaches best.
        const { rows, values, missing } = sorted;
        const bound = (r: number) =>
          scaled[0] ? Math.min(Math.abs(values[r] - v), 1) : values[r] === v ? 0 : 1;
        let hi = lowerBound(values, v);
        let lo = hi - 1;
        while (best > 0 && (lo >= 0 || hi < values.length)) {
          const takeLo = hi >= values.length || (lo >= 0 && v - values[lo] <= values[hi] - v);
          const at = takeLo ? lo-- : hi++;
          if (bound(at) >= best) break;
          best = Math.min(best, distance(i, rows[at], best));
        }
        for (let m = 0; m < missing.length && best > 0; m++)
          best = Math.min(best, distance(i, missing[m], best));
      }
      out[i] = best / columns;
    }
    options.onProgress?.(end, queries.rows);
  }
  return out;
}

/** Reference rows with a value in the first numeric column, sorted by it, and the rows missing it. */
function sortByFirstColumn(
  numeric: Float64Array,
  rows: number,
  p: number,
): { rows: Int32Array; values: Float64Array; missing: Int32Array } {
  const present: number[] = [];
  const missing: number[] = [];
  for (let r = 0; r < rows; r++) (Number.isNaN(numeric[r * p]) ? missing : present).push(r);
  const order = Int32Array.from(present).sort((a, b) => numeric[a * p] - numeric[b * p] || a - b);
  return {
    rows: order,
    values: Float64Array.from(order, (r) => numeric[r * p]),
    missing: Int32Array.from(missing),
  };
}

/** The first index whose value is ≥ v in an ascending array. */
function lowerBound(values: Float64Array, v: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
