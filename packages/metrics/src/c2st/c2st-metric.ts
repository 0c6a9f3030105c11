import * as tf from '@tensorflow/tfjs';
import { defineComponent, type Metric } from '@ganforge/core';
import { z } from 'zod';
import { loadMnistClassifier, type MnistClassifier } from '../classifier/load-classifier.js';
import { embedSamples } from '../features/embed-samples.js';
import { featureMetricFields, memoizedLoader } from '../features/feature-metric-options.js';
import { referenceSamples } from '../features/reference-samples.js';
import { classifierTwoSampleTest } from './classifier-two-sample-test.js';

/** zod schema of the `c2st` metric options. */
export const c2stOptionsSchema = z.strictObject({
  ...featureMetricFields,
  hidden: z
    .number({ error: 'hidden must be a number of units' })
    .int('hidden must be a whole number')
    .min(0, 'hidden must be ≥ 0 (0 = logistic regression)')
    .default(16)
    .describe('hidden ReLU units of the classifier (default 16); 0 = logistic regression'),
  steps: z
    .number({ error: 'steps must be a number of Adam steps' })
    .int('steps must be a whole number')
    .min(1, 'steps must be at least 1')
    .default(200)
    .describe('full-batch Adam steps (default 200)'),
  learningRate: z
    .number({ error: 'learningRate must be a number' })
    .positive('learningRate must be > 0')
    .default(0.01)
    .describe("Adam's learning rate (default 0.01)"),
  testFraction: z
    .number({ error: 'testFraction must be a number' })
    .gt(0, 'testFraction must be > 0')
    .lt(1, 'testFraction must be < 1')
    .default(0.5)
    .describe('share of the pooled samples held out to measure accuracy (default 0.5)'),
});

/** Options of the `c2st` metric. */
export type C2stMetricOptions = z.input<typeof c2stOptionsSchema>;

/**
 * The classifier two-sample test (Lopez-Paz & Oquab 2017, arXiv:1610.06545; see
 * `classifierTwoSampleTest`) of `samples` generated against `samples` real samples, in the feature
 * space of `features`, as a {@link Metric}: reports `accuracy` (held out; 0.5 = indistinguishable),
 * `p_value` (exact one-sided binomial under accuracy = 0.5) and `n_test`. Seeded by the run's
 * `metrics` stream, so deterministic per backend.
 */
export function c2stMetric(
  options: C2stMetricOptions = {},
  load: () => Promise<MnistClassifier> = () => loadMnistClassifier(),
): Metric {
  const o = c2stOptionsSchema.parse(options);
  const classifier = memoizedLoader(load);
  return {
    name: 'c2st',
    async compute(ctx) {
      const real = referenceSamples(ctx, o.samples, o.reference);
      let fake: tf.Tensor | undefined;
      try {
        fake = ctx.generate(o.samples);
        const e = await embedSamples(real, fake, o.features, classifier);
        const r = classifierTwoSampleTest(e.real, e.fake, {
          rng: ctx.rng,
          hidden: o.hidden,
          steps: o.steps,
          learningRate: o.learningRate,
          testFraction: o.testFraction,
        });
        return { accuracy: r.accuracy, p_value: r.pValue, n_test: r.testSize };
      } finally {
        tf.dispose([real, fake].filter((t): t is tf.Tensor => t !== undefined));
      }
    },
  };
}

/** The registered `c2st` metric component. */
export const c2stComponent = defineComponent({
  kind: 'metric',
  name: 'c2st',
  description:
    'Classifier two-sample test: held-out accuracy of a small MLP telling real from generated, with a binomial p-value (Lopez-Paz & Oquab 2017).',
  options: c2stOptionsSchema,
  create: (options) => c2stMetric(options),
});
