import { ConfigError } from '@ganforge/core';

/**
 * The space in which the feature-space metrics (precision/recall, density/coverage, C2ST) compare
 * samples:
 * - `raw`: the flattened values, standardised per feature by the real set's mean and standard
 *   deviation (vectors, table rows, images other than 28×28 digits).
 * - `sequence`: windows `[T, C]` embedded by {@link sequenceEmbedding}, then standardised the same way.
 * - `mnist-classifier`: the 64 penultimate features of the shipped MNIST classifier, unscaled.
 * - `auto`: chosen from the sample shape by {@link resolveFeatureSpace}.
 */
export type FeatureSpace = 'auto' | 'raw' | 'sequence' | 'mnist-classifier';

/** The feature spaces {@link FeatureSpace} lists. */
export const FEATURE_SPACES = ['auto', 'raw', 'sequence', 'mnist-classifier'] as const;

/**
 * The feature space `auto` means for one sample shape: `mnist-classifier` for 28×28 digits
 * (`[28, 28, 1]`, `[28, 28]` or flattened `[784]`), `sequence` for other 2-D samples `[T, C]`
 * (sliding windows of a table: T time steps, C columns), `raw` for everything else. An explicit
 * choice is checked against the shape.
 */
export function resolveFeatureSpace(
  space: FeatureSpace,
  sampleShape: readonly number[],
): Exclude<FeatureSpace, 'auto'> {
  const size = sampleShape.reduce((a, b) => a * b, 1);
  const digit =
    size === 784 && (sampleShape.length === 1 || (sampleShape[0] === 28 && sampleShape[1] === 28));
  if (space === 'auto') return digit ? 'mnist-classifier' : sampleShape.length === 2 ? 'sequence' : 'raw';
  if (space === 'mnist-classifier' && !digit)
    throw new ConfigError(
      `features 'mnist-classifier' scores 28×28 digits, got samples of shape [${sampleShape}]: use 'raw'`,
      'features',
    );
  if (space === 'sequence' && sampleShape.length !== 2)
    throw new ConfigError(
      `features 'sequence' embeds windows of shape [steps, channels], got samples of shape [${sampleShape}]: use 'raw'`,
      'features',
    );
  return space;
}
