import type { ModeCoverageOptions } from './coverage/mode-coverage-metric.js';
import type { MmdMetricOptions } from './mmd/mmd-metric.js';
import type { ClassifierScoreOptions, FrechetDistanceOptions } from './scores/classifier-metrics.js';

// Importing @ganforge/metrics makes these config blocks type-checked (DESIGN.md: declaration merging).
declare module '@ganforge/core' {
  interface MetricOptionsMap {
    'mode-coverage': ModeCoverageOptions;
    mmd: MmdMetricOptions;
    'classifier-score': ClassifierScoreOptions;
    'frechet-distance': FrechetDistanceOptions;
  }
}
