import type * as tf from '@tensorflow/tfjs';
import type { DataSource, MetricContext } from '@ganforge/core';

/** Which real samples a feature-space metric compares with. */
export type ReferenceSplit = 'held-out' | 'training';

function heldOutOf(data: DataSource): DataSource | undefined {
  const h = (data as { heldOut?: DataSource }).heldOut;
  return h !== undefined && typeof h.sampler === 'function' ? h : undefined;
}

/**
 * `n` real samples drawn from the metric's stream: from the data source's held-out split when
 * `reference` is `held-out` and it has one (the `mnist` source does), else from the training data.
 * Labels are disposed; the caller owns the returned tensor.
 */
export function referenceSamples(ctx: MetricContext, n: number, reference: ReferenceSplit): tf.Tensor {
  const source = (reference === 'held-out' ? heldOutOf(ctx.data) : undefined) ?? ctx.data;
  const batch = source.sampler(ctx.rng).next(n);
  batch.labels?.dispose();
  return batch.x;
}
