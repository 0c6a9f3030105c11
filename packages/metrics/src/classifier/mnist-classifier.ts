import * as tf from '@tensorflow/tfjs';
import { ConfigError, type Rng } from '@ganforge/core';

/** Parameter shapes of the MNIST classifier, by structural path. */
export const MNIST_CLASSIFIER_SHAPES: Readonly<Record<string, readonly number[]>> = {
  'conv1/kernel': [3, 3, 1, 16],
  'conv1/bias': [16],
  'conv2/kernel': [3, 3, 16, 32],
  'conv2/bias': [32],
  'conv3/kernel': [3, 3, 32, 32],
  'conv3/bias': [32],
  'dense1/kernel': [512, 64],
  'dense1/bias': [64],
  'dense2/kernel': [64, 10],
  'dense2/bias': [10],
};

/** Size of the penultimate feature vector (the Fréchet distance's space). */
export const MNIST_FEATURE_SIZE = 64;

/** The classifier's parameters, keyed by structural path. */
export type ClassifierParams = Record<string, tf.Tensor>;

/** What the classifier computes for a batch. */
export interface ClassifierOutput {
  /** Class logits `[n, 10]`. */
  logits: tf.Tensor2D;
  /** Penultimate activations `[n, 64]` (after ReLU). */
  features: tf.Tensor2D;
}

/**
 * The small CNN GANForge scores MNIST samples with (NHWC, 'same' padding, 47k parameters):
 * conv 3×3 (16) → ReLU → max-pool 2 → conv 3×3 (32) → ReLU → max-pool 2 → conv 3×3/2 (32) → ReLU →
 * flatten (4·4·32 = 512) → dense 64 → ReLU (the features) → dense 10 (the logits).
 * Input: digits in [−1, 1], `[n, 28, 28, 1]` or `[n, 784]`. `dropout` (training only) drops
 * flattened conv activations with that rate, using masks drawn from `rng`.
 */
export function mnistClassifierForward(
  params: ClassifierParams,
  x: tf.Tensor,
  dropout?: { rate: number; rng: Rng },
): ClassifierOutput {
  if (x.size % 784 !== 0)
    throw new ConfigError(`the MNIST classifier takes 28×28 digits, got shape [${x.shape}]`, 'samples');
  return tf.tidy(() => {
    const n = x.size / 784;
    const images = x.reshape([n, 28, 28, 1]).toFloat() as tf.Tensor4D;
    const conv = (h: tf.Tensor, layer: string, stride: number): tf.Tensor4D =>
      tf.relu(
        tf.add(
          tf.conv2d(h as tf.Tensor4D, params[`${layer}/kernel`] as tf.Tensor4D, stride, 'same'),
          params[`${layer}/bias`],
        ),
      );
    const h1 = tf.maxPool(conv(images, 'conv1', 1), 2, 2, 'same');
    const h2 = tf.maxPool(conv(h1, 'conv2', 1), 2, 2, 'same');
    const h3 = conv(h2, 'conv3', 2);
    let flat = h3.reshape([n, 512]);
    if (dropout !== undefined && dropout.rate > 0) {
      const keep = dropout.rng.uniformTensor([n, 512]).greaterEqual(dropout.rate).toFloat();
      flat = tf.mul(flat, keep).div(1 - dropout.rate);
    }
    const features = tf.relu(
      tf.add(tf.matMul(flat, params['dense1/kernel']), params['dense1/bias']),
    ) as tf.Tensor2D;
    const logits = tf.add(tf.matMul(features, params['dense2/kernel']), params['dense2/bias']) as tf.Tensor2D;
    return { logits, features };
  });
}

/** He-normal initial parameters drawn from `rng` (biases 0). */
export function initMnistClassifier(rng: Rng): ClassifierParams {
  const params: ClassifierParams = {};
  for (const [path, shape] of Object.entries(MNIST_CLASSIFIER_SHAPES)) {
    if (path.endsWith('bias')) params[path] = tf.zeros(shape as number[]);
    else {
      const fanIn = shape.slice(0, -1).reduce((a, b) => a * b, 1);
      params[path] = rng.normalTensor(shape as number[], 0, Math.sqrt(2 / fanIn));
    }
  }
  return params;
}
