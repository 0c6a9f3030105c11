import * as tf from '@tensorflow/tfjs';
import { defineComponent, type Metric, type MetricContext } from '@ganforge/core';
import { z } from 'zod';
import { loadMnistClassifier, type MnistClassifier } from '../classifier/load-classifier.js';
import { embedSamples } from '../features/embed-samples.js';
import { featureMetricFields, memoizedLoader } from '../features/feature-metric-options.js';
import { referenceSamples } from '../features/reference-samples.js';
import { manifoldStatisticsBatched, type ManifoldStatistics } from './manifold-statistics.js';

/** zod schema of the `precision-recall` and `density-coverage` metric options. */
export const knnMetricOptionsSchema = z
  .strictObject({
    ...featureMetricFields,
    k: z
      .number({ error: 'k must be a number of neighbours' })
      .int('k must be a whole number')
      .min(1, 'k must be at least 1')
      .default(5)
      .describe('neighbourhood size k of the k-NN radii (default 5, as in both papers)'),
    chunkRows: z
      .number({ error: 'chunkRows must be a number of rows' })
      .int('chunkRows must be a whole number')
      .min(1, 'chunkRows must be at least 1')
      .default(256)
      .describe(
        'distance-matrix rows computed at a time (default 256); memory ≈ chunkRows × samples × 8 bytes',
      ),
  })
  .refine((o) => o.k < o.samples, {
    message: 'k must be smaller than samples: each point needs k neighbours besides itself',
    path: ['k'],
  });

/** Options of the `precision-recall` and `density-coverage` metrics. */
export type KnnMetricOptions = z.input<typeof knnMetricOptionsSchema>;

async function statistics(
  o: z.output<typeof knnMetricOptionsSchema>,
  ctx: MetricContext,
  classifier: () => Promise<MnistClassifier>,
): Promise<ManifoldStatistics> {
  const real = referenceSamples(ctx, o.samples, o.reference);
  let fake: tf.Tensor | undefined;
  try {
    fake = ctx.generate(o.samples);
    const e = await embedSamples(real, fake, o.features, classifier);
    return manifoldStatisticsBatched(e.real, e.fake, { k: o.k, chunkRows: o.chunkRows });
  } finally {
    tf.dispose([real, fake].filter((t): t is tf.Tensor => t !== undefined));
  }
}

/** A k-NN {@link Metric} named `name` reporting `report` of the manifold statistics. */
function knnMetric(
  name: string,
  report: (s: ManifoldStatistics) => Record<string, number>,
  options: KnnMetricOptions,
  load: () => Promise<MnistClassifier>,
): Metric {
  const o = knnMetricOptionsSchema.parse(options);
  const classifier = memoizedLoader(load);
  return { name, compute: async (ctx) => report(await statistics(o, ctx, classifier)) };
}

/**
 * Improved precision and recall (Kynkäänniemi et al. 2019, arXiv:1904.06991; see
 * `precisionRecall`) of `samples` generated against `samples` real samples as a {@link Metric}:
 * reports `precision` (fidelity) and `recall` (diversity), both in [0, 1]. Computed in blocks
 * (`precisionRecallBatched`) in the feature space of `features`; the MNIST classifier is loaded
 * once, on first use, by `load`.
 */
export function precisionRecallMetric(
  options: KnnMetricOptions = {},
  load: () => Promise<MnistClassifier> = () => loadMnistClassifier(),
): Metric {
  return knnMetric('precision-recall', (s) => ({ precision: s.precision, recall: s.recall }), options, load);
}

/** The registered `precision-recall` metric component. */
export const precisionRecallComponent = defineComponent({
  kind: 'metric',
  name: 'precision-recall',
  description:
    'Improved precision (fidelity) and recall (diversity) on k-NN manifolds of features (Kynkäänniemi et al. 2019).',
  options: knnMetricOptionsSchema,
  create: (options) => precisionRecallMetric(options),
});

/**
 * Density and coverage (Naeem et al. 2020, arXiv:2002.09797; see `densityCoverage`) of `samples`
 * generated against `samples` real samples as a {@link Metric}: reports `density` (fidelity, 1 in
 * expectation for a perfect generator, can exceed 1) and `coverage` (diversity, in [0, 1]).
 */
export function densityCoverageMetric(
  options: KnnMetricOptions = {},
  load: () => Promise<MnistClassifier> = () => loadMnistClassifier(),
): Metric {
  return knnMetric('density-coverage', (s) => ({ density: s.density, coverage: s.coverage }), options, load);
}

/** The registered `density-coverage` metric component. */
export const densityCoverageComponent = defineComponent({
  kind: 'metric',
  name: 'density-coverage',
  description:
    'Density (fidelity) and coverage (diversity) on the real k-NN balls of features (Naeem et al. 2020).',
  options: knnMetricOptionsSchema,
  create: (options) => densityCoverageMetric(options),
});
