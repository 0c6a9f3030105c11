import type { DataSource } from '@ganforge/core';
import type { TableSource } from '@ganforge/data';
import type { ConditionRole } from './condition-slots.js';
import { conditionSpace, type ConditionSpace } from './condition-space.js';
import { trainingBySamplingSampler } from './training-by-sampling.js';

/**
 * A table source whose training batches come from CTGAN's training-by-sampling (Xu et al. 2019,
 * arXiv:1907.00503, §4.3): `trainingSampler`'s batches carry conditional vectors as `labels` and
 * `numClasses` is their length C (both absent when no column is conditioned). `sampler` stays the
 * table's own, so metrics, pictures and reports compare with the rows as they are, not with the
 * condition-balanced draws. Everything else (layout, codec, decode, encode, held-out rows) is the
 * wrapped table's.
 */
export interface ConditionalTableSource extends TableSource {
  /** The conditional vector's slots and the training rows of each. */
  readonly conditions: ConditionSpace;
  /** Whether categories are drawn ∝ log(1 + count) (CTGAN's default) or ∝ count. */
  readonly logFrequency: boolean;
}

/** Options of {@link withTrainingBySampling}. */
export interface TrainingBySamplingOptions {
  /** The one-hot span roles to condition on (default `['category']`, CTGAN's discrete columns). */
  conditionOn?: readonly ConditionRole[];
  /** Draw categories ∝ log(1 + count) (default true, CTGAN's `log_frequency`), else ∝ count. */
  logFrequency?: boolean;
}

/** Whether `data` is a table source of @ganforge/data (a layout, encoded rows and a codec). */
export function isTableSource(data: DataSource | undefined): data is TableSource {
  const t = data as Partial<TableSource> | undefined;
  return (
    t !== undefined && t.layout !== undefined && t.values instanceof Float32Array && t.codec !== undefined
  );
}

/** Whether `data` is a table source under training-by-sampling ({@link withTrainingBySampling}). */
export function isConditionalTable(data: DataSource | undefined): data is ConditionalTableSource {
  return isTableSource(data) && (data as Partial<ConditionalTableSource>).conditions !== undefined;
}

/**
 * Wraps a table source in CTGAN's training-by-sampling (see {@link trainingBySamplingSampler}):
 * its training rows are indexed by the category of each conditioned span, `numClasses` becomes
 * the conditional vector's length C, and its `trainingSampler` (what core's trainer draws from)
 * draws conditions and matching rows from the run's data stream; `sampler` is the table's own.
 * A table without a conditioned span gets no training sampler.
 */
export function withTrainingBySampling(
  source: TableSource,
  options: TrainingBySamplingOptions = {},
): ConditionalTableSource {
  const logFrequency = options.logFrequency ?? true;
  const conditions = conditionSpace(source.layout, source.values, options.conditionOn ?? ['category']);
  const conditioned = conditions.width > 0;
  return {
    ...source,
    numClasses: conditioned ? conditions.width : undefined,
    conditions,
    logFrequency,
    ...(conditioned
      ? { trainingSampler: (rng) => trainingBySamplingSampler(conditions, source.values, rng, logFrequency) }
      : {}),
  };
}
