import * as tf from '@tensorflow/tfjs';
import {
  ConfigError,
  defineComponent,
  type DataSource,
  type Metric,
  type MetricContext,
} from '@ganforge/core';
import { z } from 'zod';
import { loadMnistClassifier, type MnistClassifier } from '../classifier/load-classifier.js';
import { classifierScore } from './classifier-score.js';
import { featureStatistics, frechetDistance } from './frechet-distance.js';

/** A data source that carries a held-out split (the `mnist` source of @ganforge/data does). */
export interface WithHeldOut {
  readonly heldOut: DataSource;
}

function hasHeldOut(data: DataSource): data is DataSource & WithHeldOut {
  const h = (data as Partial<WithHeldOut>).heldOut;
  return h !== undefined && typeof h.sampler === 'function';
}

/** Loads the shipped classifier once per metric instance. */
function lazyClassifier(load: () => Promise<MnistClassifier>): () => Promise<MnistClassifier> {
  let pending: Promise<MnistClassifier> | undefined;
  return () => (pending ??= load());
}

function checkMnistShaped(x: tf.Tensor, what: string): void {
  if (x.size !== x.shape[0] * 784) {
    tf.dispose(x);
    throw new ConfigError(
      `${what} scores 28×28 MNIST digits, got samples of shape [${x.shape.slice(1)}]`,
      `metrics.${what}`,
    );
  }
}

const samplesOption = z
  .number()
  .int()
  .min(2)
  .default(2000)
  .describe('N generated digits (default 2,000 = the held-out split); state N with the score');

/** zod schema of the `classifier-score` metric options. */
export const classifierScoreOptionsSchema = z.strictObject({ samples: samplesOption });

/** Options of the `classifier-score` metric. */
export type ClassifierScoreOptions = z.input<typeof classifierScoreOptionsSchema>;

/**
 * The Inception-style score of N generated digits under the shipped MNIST classifier (Salimans et
 * al. 2016, arXiv:1606.03498; see {@link classifierScore}) as a {@link Metric}: reports `score`
 * and `n`. For the 2,000 held-out real digits it is ≈ 9.5 (ceiling exp H(labels) ≈ 9.98).
 */
export function classifierScoreMetric(
  options: ClassifierScoreOptions = {},
  load: () => Promise<MnistClassifier> = () => loadMnistClassifier(),
): Metric {
  const o = classifierScoreOptionsSchema.parse(options);
  const classifier = lazyClassifier(load);
  return {
    name: 'classifier-score',
    async compute(ctx: MetricContext) {
      const c = await classifier();
      const x = ctx.generate(o.samples);
      checkMnistShaped(x, 'classifier-score');
      try {
        const { probabilities } = c.evaluate(x);
        return { score: classifierScore(probabilities, 10), n: o.samples };
      } finally {
        x.dispose();
      }
    },
  };
}

/** The registered `classifier-score` metric component. */
export const classifierScoreComponent = defineComponent({
  kind: 'metric',
  name: 'classifier-score',
  description:
    'Inception-style score exp E[KL(p(y|x) ‖ p(y))] of N generated MNIST digits under the shipped classifier.',
  options: classifierScoreOptionsSchema,
  create: (options) => classifierScoreMetric(options),
});

/** zod schema of the `frechet-distance` metric options. */
export const frechetDistanceOptionsSchema = z.strictObject({
  samples: samplesOption,
  reference: z
    .enum(['held-out', 'training'])
    .default('held-out')
    .describe(
      "real digits compared with: the data's held-out split when it has one (default), else the training data",
    ),
});

/** Options of the `frechet-distance` metric. */
export type FrechetDistanceOptions = z.input<typeof frechetDistanceOptionsSchema>;

/**
 * The Fréchet distance (Heusel et al. 2017, arXiv:1706.08500; see {@link frechetDistance}) between
 * the shipped classifier's 64 penultimate features of N generated digits and of N real digits
 * (the same N, drawn from the metric's stream: the held-out split when the data source has one),
 * as a {@link Metric}: reports `distance` and `n`.
 */
export function frechetDistanceMetric(
  options: FrechetDistanceOptions = {},
  load: () => Promise<MnistClassifier> = () => loadMnistClassifier(),
): Metric {
  const o = frechetDistanceOptionsSchema.parse(options);
  const classifier = lazyClassifier(load);
  return {
    name: 'frechet-distance',
    async compute(ctx: MetricContext) {
      const c = await classifier();
      const realSource = o.reference === 'held-out' && hasHeldOut(ctx.data) ? ctx.data.heldOut : ctx.data;
      const real = realSource.sampler(ctx.rng).next(o.samples);
      tf.dispose(real.labels);
      checkMnistShaped(real.x, 'frechet-distance');
      const fake = ctx.generate(o.samples);
      try {
        checkMnistShaped(fake, 'frechet-distance');
        const a = featureStatistics(c.evaluate(fake).features, 64);
        const b = featureStatistics(c.evaluate(real.x).features, 64);
        return { distance: frechetDistance(a, b), n: o.samples };
      } finally {
        tf.dispose([fake, real.x]);
      }
    },
  };
}

/** The registered `frechet-distance` metric component. */
export const frechetDistanceComponent = defineComponent({
  kind: 'metric',
  name: 'frechet-distance',
  description: 'Fréchet distance between classifier features of N generated and N real MNIST digits.',
  options: frechetDistanceOptionsSchema,
  create: (options) => frechetDistanceMetric(options),
});
