/**
 * @ganforge/metrics: sample-quality metrics for GANForge. Browser-safe.
 * @packageDocumentation
 */
import './options-map.js';

export { modeCoverage } from './coverage/mode-coverage.js';
export type { ModeCoverage } from './coverage/mode-coverage.js';
export { modeCoverageMetric, modeCoverageOptionsSchema, modeCoverageComponent, isKnownMixture } from './coverage/mode-coverage-metric.js';
export type { ModeCoverageOptions, KnownMixture } from './coverage/mode-coverage-metric.js';
export { pooledSquaredDistances, medianBandwidth, gaussianKernelMatrix } from './mmd/kernel-matrix.js';
export type { SquaredDistances } from './mmd/kernel-matrix.js';
export { mmd2, mmd2FromKernel, mmdPermutationTest } from './mmd/mmd.js';
export type { MmdOptions, MmdResult, MmdTestResult } from './mmd/mmd.js';
export { mmdMetric, mmdOptionsSchema, mmdComponent } from './mmd/mmd-metric.js';
export type { MmdMetricOptions } from './mmd/mmd-metric.js';
export { metricsPlugin, metricsComponents } from './plugin.js';
export { METRICS_VERSION } from './version.js';
