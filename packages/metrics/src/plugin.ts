import { GAN_COMPONENT, type AnyComponentDefinition, type GanPlugin } from '@ganforge/core';
import { modeCoverageComponent } from './coverage/mode-coverage-metric.js';
import { c2stComponent } from './c2st/c2st-metric.js';
import { densityCoverageComponent, precisionRecallComponent } from './knn/knn-metrics.js';
import { mmdComponent } from './mmd/mmd-metric.js';
import { mmdMultiScaleComponent } from './mmd/mmd-multi-scale-metric.js';
import { classifierScoreComponent, frechetDistanceComponent } from './scores/classifier-metrics.js';
import { METRICS_VERSION } from './version.js';

/** Every metric component of @ganforge/metrics. */
export function metricsComponents(): AnyComponentDefinition[] {
  return [
    modeCoverageComponent,
    mmdComponent,
    mmdMultiScaleComponent,
    precisionRecallComponent,
    densityCoverageComponent,
    c2stComponent,
    classifierScoreComponent,
    frechetDistanceComponent,
  ];
}

/**
 * The @ganforge/metrics plugin: registers the metric components by name, for a run config's
 * `metrics` blocks (computed by core's `metricCallback` at their cadence, into metrics.jsonl).
 *
 * ```ts
 * const gan = createGan(config, { plugins: [lossesPlugin(), modelsPlugin(), dataPlugin(), metricsPlugin()] });
 * ```
 */
export function metricsPlugin(): GanPlugin {
  return {
    name: '@ganforge/metrics',
    version: METRICS_VERSION,
    register(container) {
      for (const definition of metricsComponents())
        container.register(GAN_COMPONENT, { useValue: definition });
    },
  };
}
