import type * as tf from '@tensorflow/tfjs';
import { ConfigError } from '@ganforge/core';
import type { MnistClassifier } from '../classifier/load-classifier.js';
import { checkSameDimension, toFeatureMatrix, type FeatureMatrix } from './feature-matrix.js';
import { resolveFeatureSpace, type FeatureSpace } from './feature-space.js';
import { sequenceEmbedding } from './sequence-embedding.js';
import { standardizeByReference } from './standardize.js';

/** Real and generated feature vectors in one space. */
export interface EmbeddedSamples {
  real: FeatureMatrix;
  fake: FeatureMatrix;
  /** The space used (`auto` resolved). */
  space: Exclude<FeatureSpace, 'auto'>;
}

/**
 * Real samples `[n, …]` and generated samples `[m, …]` as feature vectors in `space` (see
 * {@link FeatureSpace}; `auto` picks by sample shape with `resolveFeatureSpace`): `raw` and
 * `sequence` features are standardised by the real set's mean and standard deviation
 * ({@link standardizeByReference}); `mnist-classifier` features (the classifier's 64 ReLU
 * activations) are used as they are, like the Inception/VGG features of the papers. The tensors
 * stay owned by the caller.
 */
export async function embedSamples(
  real: tf.Tensor,
  fake: tf.Tensor,
  space: FeatureSpace,
  loadClassifier: () => Promise<MnistClassifier>,
): Promise<EmbeddedSamples> {
  const shape = real.shape.slice(1);
  if (shape.join() !== fake.shape.slice(1).join())
    throw new ConfigError(
      `real samples [${shape}] and generated samples [${fake.shape.slice(1)}] cannot be compared`,
      'samples',
    );
  const resolved = resolveFeatureSpace(space, shape);
  if (resolved === 'mnist-classifier') {
    const c = await loadClassifier();
    const features = (x: tf.Tensor): FeatureMatrix =>
      toFeatureMatrix({ values: c.evaluate(x).features, dim: 64 });
    return { real: features(real), fake: features(fake), space: resolved };
  }
  let x = toFeatureMatrix(real, 'real samples');
  let y = toFeatureMatrix(fake, 'generated samples');
  checkSameDimension(x, y);
  if (resolved === 'sequence') {
    x = sequenceEmbedding(x, shape[0], shape[1]);
    y = sequenceEmbedding(y, shape[0], shape[1]);
  }
  return { ...standardizeByReference(x, y), space: resolved };
}
