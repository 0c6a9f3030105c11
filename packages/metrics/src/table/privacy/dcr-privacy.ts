import type { PreparedTable } from '../table-schema.js';
import { distanceToClosestRecord, type ClosestRecordOptions } from './closest-record.js';

/** DCR statistics of one set of rows against the training rows. */
export interface DcrSummary {
  /** Rows measured. */
  readonly rows: number;
  /** Median DCR (the mean of the two middle values for an even count). */
  readonly median: number;
  /** Share of rows with DCR = 0: exact copies of a training row. */
  readonly exactCopies: number;
}

/** Synthetic rows' DCR beside the real holdout rows' own (the baseline). */
export interface DcrPrivacy {
  readonly synthetic: DcrSummary;
  /** Absent without holdout rows. */
  readonly holdout?: DcrSummary;
}

/** The median of `values` (NaN for none). */
export function median(values: ArrayLike<number>): number {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  return n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

/** Median DCR and exact-copy share of `dcr` values. */
export function summarizeDcr(dcr: ArrayLike<number>): DcrSummary {
  let copies = 0;
  for (let i = 0; i < dcr.length; i++) if (dcr[i] === 0) copies++;
  return {
    rows: dcr.length,
    median: median(dcr),
    exactCopies: dcr.length > 0 ? copies / dcr.length : Number.NaN,
  };
}

/**
 * Distance-to-closest-record privacy (Park et al. 2018, table-GAN, arXiv:1806.03384; SDMetrics'
 * DCR metrics): the DCR of every synthetic row to the training rows
 * ({@link distanceToClosestRecord}), beside the DCR of real holdout rows — rows the generator
 * never saw — to the same training rows. A synthetic median well below the holdout's, or a
 * share of exact copies above the holdout's, means the generator reproduces training rows
 * rather than the distribution (memorisation). Both passes run in chunks (see `options`).
 */
export function dcrPrivacy(
  train: PreparedTable,
  synthetic: PreparedTable,
  holdout?: PreparedTable,
  options: ClosestRecordOptions = {},
): DcrPrivacy {
  const total = synthetic.rows + (holdout?.rows ?? 0);
  const progress = (offset: number) => (done: number) => options.onProgress?.(offset + done, total);
  const syntheticDcr = distanceToClosestRecord(synthetic, train, { ...options, onProgress: progress(0) });
  const holdoutDcr = holdout
    ? distanceToClosestRecord(holdout, train, { ...options, onProgress: progress(synthetic.rows) })
    : undefined;
  return {
    synthetic: summarizeDcr(syntheticDcr),
    ...(holdoutDcr ? { holdout: summarizeDcr(holdoutDcr) } : {}),
  };
}
