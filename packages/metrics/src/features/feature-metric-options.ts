import { z } from 'zod';
import type { MnistClassifier } from '../classifier/load-classifier.js';
import { FEATURE_SPACES } from './feature-space.js';

/** zod fields shared by the feature-space metrics (`precision-recall`, `density-coverage`, `c2st`). */
export const featureMetricFields = {
  samples: z
    .number({ error: 'samples must be a number of samples per set' })
    .int('samples must be a whole number')
    .min(10, 'samples must be at least 10 per set')
    .default(1000)
    .describe('generated and real samples compared, n each (default 1,000); state n with the values'),
  features: z
    .enum(FEATURE_SPACES, { error: `features must be one of ${FEATURE_SPACES.join(', ')}` })
    .default('auto')
    .describe(
      "feature space: 'raw' standardised values, 'sequence' window embedding, 'mnist-classifier' features; 'auto' (default) picks by sample shape",
    ),
  reference: z
    .enum(['held-out', 'training'], { error: "reference must be 'held-out' or 'training'" })
    .default('held-out')
    .describe("real samples: the data's held-out split when it has one (default), else the training data"),
};

/** Loads the shipped classifier at most once per metric instance, and only when a run needs it. */
export function memoizedLoader(load: () => Promise<MnistClassifier>): () => Promise<MnistClassifier> {
  let pending: Promise<MnistClassifier> | undefined;
  return () => (pending ??= load());
}
