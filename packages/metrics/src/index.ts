/**
 * @ganforge/metrics: sample-quality metrics for GANForge: PacGAN mode coverage, unbiased MMD², and
 * the Inception-style score and Fréchet distance under a small MNIST classifier shipped with the
 * package. Browser-safe: the classifier's weights are read with `fetch` (or, for `file:` URLs in
 * Node, a dynamically imported `node:fs`).
 * @packageDocumentation
 */
import './options-map.js';

export { modeCoverage } from './coverage/mode-coverage.js';
export type { ModeCoverage } from './coverage/mode-coverage.js';
export {
  modeCoverageMetric,
  modeCoverageOptionsSchema,
  modeCoverageComponent,
  isKnownMixture,
} from './coverage/mode-coverage-metric.js';
export type { ModeCoverageOptions, KnownMixture } from './coverage/mode-coverage-metric.js';
export { pooledSquaredDistances, medianBandwidth, gaussianKernelMatrix } from './mmd/kernel-matrix.js';
export type { SquaredDistances } from './mmd/kernel-matrix.js';
export { mmd2, mmd2FromKernel, mmdPermutationTest } from './mmd/mmd.js';
export type { MmdOptions, MmdResult, MmdTestResult } from './mmd/mmd.js';
export { mmdMetric, mmdOptionsSchema, mmdComponent } from './mmd/mmd-metric.js';
export type { MmdMetricOptions } from './mmd/mmd-metric.js';
export {
  MNIST_CLASSIFIER_SHAPES,
  MNIST_FEATURE_SIZE,
  mnistClassifierForward,
  initMnistClassifier,
} from './classifier/mnist-classifier.js';
export type { ClassifierParams, ClassifierOutput } from './classifier/mnist-classifier.js';
export { loadMnistClassifier, mnistClassifierFromParams } from './classifier/load-classifier.js';
export type { MnistClassifier } from './classifier/load-classifier.js';
export { encodeWeights, decodeWeights } from './classifier/weights-file.js';
export { mnistClassifierUrl } from './mnist-classifier-url.js';
export { symmetricEigen, sqrtmSymmetric } from './linalg/symmetric-eigen.js';
export type { SymmetricEigen } from './linalg/symmetric-eigen.js';
export { classifierScore, classifierScoreCeiling } from './scores/classifier-score.js';
export { featureStatistics, frechetDistance } from './scores/frechet-distance.js';
export type { FeatureStatistics } from './scores/frechet-distance.js';
export {
  classifierScoreMetric,
  classifierScoreOptionsSchema,
  classifierScoreComponent,
  frechetDistanceMetric,
  frechetDistanceOptionsSchema,
  frechetDistanceComponent,
} from './scores/classifier-metrics.js';
export type {
  ClassifierScoreOptions,
  FrechetDistanceOptions,
  WithHeldOut,
} from './scores/classifier-metrics.js';
export { metricsPlugin, metricsComponents } from './plugin.js';
export { METRICS_VERSION } from './version.js';
