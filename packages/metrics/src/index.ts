/**
 * @ganforge/metrics: sample-quality metrics for GANForge: PacGAN mode coverage, unbiased MMD² (median
 * heuristic and multi-scale), improved precision/recall, density/coverage, the classifier two-sample
 * test, the Inception-style score and Fréchet distance under a small MNIST classifier shipped with the
 * package, and table scores (SDMetrics-style column shapes and pair trends, ML efficacy, distance to
 * closest record) with `tableReport` over three in-memory tables. Browser-safe: the classifier's
 * weights are read with `fetch` (or, for `file:` URLs in Node, a dynamically imported `node:fs`).
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
export { permutationTestFromKernel } from './mmd/mmd.js';
export type { PermutationNull } from './mmd/mmd.js';
export {
  MULTI_SCALE_FACTORS,
  multiScaleKernelMatrix,
  mmd2MultiScale,
  mmdMultiScalePermutationTest,
} from './mmd/multi-scale.js';
export type {
  MultiScaleMmdOptions,
  MultiScaleMmdResult,
  MultiScaleMmdTestResult,
} from './mmd/multi-scale.js';
export {
  mmdMultiScaleMetric,
  mmdMultiScaleOptionsSchema,
  mmdMultiScaleComponent,
} from './mmd/mmd-multi-scale-metric.js';
export type { MmdMultiScaleMetricOptions } from './mmd/mmd-multi-scale-metric.js';
export { toFeatureMatrix } from './features/feature-matrix.js';
export type { FeatureMatrix, FeatureInput } from './features/feature-matrix.js';
export { FEATURE_SPACES, resolveFeatureSpace } from './features/feature-space.js';
export type { FeatureSpace } from './features/feature-space.js';
export { standardizeByReference } from './features/standardize.js';
export { sequenceEmbedding } from './features/sequence-embedding.js';
export { embedSamples } from './features/embed-samples.js';
export type { EmbeddedSamples } from './features/embed-samples.js';
export { referenceSamples } from './features/reference-samples.js';
export type { ReferenceSplit } from './features/reference-samples.js';
export { kNearestRadiiExact, kNearestRadiiBatched } from './knn/knn-radii.js';
export { manifoldStatisticsExact, manifoldStatisticsBatched } from './knn/manifold-statistics.js';
export type { ManifoldStatistics, KnnOptions, KnnBatchedOptions } from './knn/manifold-statistics.js';
export { precisionRecall, precisionRecallBatched } from './knn/precision-recall.js';
export type { PrecisionRecall } from './knn/precision-recall.js';
export { densityCoverage, densityCoverageBatched } from './knn/density-coverage.js';
export type { DensityCoverage } from './knn/density-coverage.js';
export {
  precisionRecallMetric,
  precisionRecallComponent,
  densityCoverageMetric,
  densityCoverageComponent,
  knnMetricOptionsSchema,
} from './knn/knn-metrics.js';
export type { KnnMetricOptions } from './knn/knn-metrics.js';
export { binomialUpperTail } from './c2st/binomial-tail.js';
export { classifierTwoSampleTest } from './c2st/classifier-two-sample-test.js';
export type { C2stOptions, C2stResult } from './c2st/classifier-two-sample-test.js';
export { c2stMetric, c2stOptionsSchema, c2stComponent } from './c2st/c2st-metric.js';
export type { C2stMetricOptions } from './c2st/c2st-metric.js';
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
export { checkSchema, datetimeMs, finiteMean, isNumericType, prepareTable } from './table/table-schema.js';
export type {
  TableColumnType,
  TableColumnSpec,
  TableCell,
  TableRecord,
  PreparedTable,
  ColumnValues,
  NumericValues,
  DiscreteValues,
} from './table/table-schema.js';
export {
  ksStatistic,
  ksComplement,
  tvComplement,
  frequencies,
  missingValueSimilarity,
} from './table/column-shape-scores.js';
export { columnShapes } from './table/column-shapes.js';
export type { ColumnShape, ColumnShapes } from './table/column-shapes.js';
export {
  pearson,
  correlationSimilarity,
  contingencySimilarity,
  cramersV,
  equalWidthEdges,
  binKeys,
} from './table/pair-scores.js';
export {
  columnPairTrends,
  associationMatrices,
  DEFAULT_CORRELATION_THRESHOLD,
  DEFAULT_ASSOCIATION_THRESHOLD,
} from './table/column-pair-trends.js';
export type {
  ColumnPairTrend,
  ColumnPairTrends,
  ColumnPairTrendsOptions,
  AssociationMatrices,
} from './table/column-pair-trends.js';
export { fitFeatureEncoder } from './table/efficacy/feature-encoder.js';
export type { FeatureEncoder, FeatureRows } from './table/efficacy/feature-encoder.js';
export { fitDecisionTree } from './table/efficacy/decision-tree.js';
export type { DecisionTree, DecisionTreeOptions } from './table/efficacy/decision-tree.js';
export { fitLinearRegression } from './table/efficacy/linear-regression.js';
export type { LinearModel } from './table/efficacy/linear-regression.js';
export { accuracy, macroF1, rSquared } from './table/efficacy/prediction-scores.js';
export { mlEfficacy, defaultTarget } from './table/efficacy/ml-efficacy.js';
export type {
  MlEfficacy,
  MlEfficacyOptions,
  ClassificationEfficacy,
  RegressionEfficacy,
  ClassificationScores,
  EfficacyRows,
} from './table/efficacy/ml-efficacy.js';
export { distanceToClosestRecord } from './table/privacy/closest-record.js';
export type { ClosestRecordOptions } from './table/privacy/closest-record.js';
export { dcrPrivacy, summarizeDcr, median } from './table/privacy/dcr-privacy.js';
export type { DcrPrivacy, DcrSummary } from './table/privacy/dcr-privacy.js';
export { tableReport } from './table/table-report.js';
export type {
  TableReport,
  TableReportInput,
  TableReportOptions,
  TableReportStage,
} from './table/table-report.js';
export { metricsPlugin, metricsComponents } from './plugin.js';
export { METRICS_VERSION } from './version.js';
