import type { ModeCoverageOptions } from './coverage/mode-coverage-metric.js';
import type { C2stMetricOptions } from './c2st/c2st-metric.js';
import type { KnnMetricOptions } from './knn/knn-metrics.js';
import type { MmdMetricOptions } from './mmd/mmd-metric.js';
import type { MmdMultiScaleMetricOptions } from './mmd/mmd-multi-scale-metric.js';
import type { ClassifierScoreOptions, FrechetDistanceOptions } from './scores/classifier-metrics.js';

// Importing @ganforge/metrics makes these config blocks type-checked (DESIGN.md: declaration merging).
declare module '@ganforge/core' {
  interface MetricOptionsMap {
    'mode-coverage': ModeCoverageOptions;
    mmd: MmdMetricOptions;
    'mmd-multi-scale': MmdMultiScaleMetricOptions;
    'precision-recall': KnnMetricOptions;
    'density-coverage': KnnMetricOptions;
    c2st: C2stMetricOptions;
    'classifier-score': ClassifierScoreOptions;
    'frechet-distance': FrechetDistanceOptions;
  }
}
