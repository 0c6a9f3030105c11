import type { Metric } from '../registry/component.js';
import type { Callback, StepLogs } from '../types/trainer.js';

/** Options of {@link metricCallback}. */
export interface MetricCallbackOptions {
  metric: Metric;
  /** Cadence in steps. */
  every: number;
  /** What the metric's `compute` receives (generation and real data); built by the caller. */
  context: Parameters<Metric['compute']>[0];
  /** Receives the values, keyed `<metric>_<name>`, and the step. */
  onValues?(values: Record<string, number>, step: number): void | Promise<void>;
}

/**
 * Computes a metric every `every` steps and merges its values into that step's StepLogs (so the
 * metrics.jsonl writer records them). The context must draw from the run's `metrics` stream, never
 * a training stream, so a metric's cadence does not change the training run.
 */
export function metricCallback(options: MetricCallbackOptions): Callback {
  return {
    name: `metric-${options.metric.name}`,
    async onStepEnd(logs: StepLogs) {
      if (logs.step % options.every !== 0) return;
      const values = await options.metric.compute(options.context);
      const named: Record<string, number> = {};
      for (const [k, v] of Object.entries(values))
        named[`${options.metric.name.replace(/-/g, '_')}_${k}`] = v;
      Object.assign(logs, named);
      await options.onValues?.(named, logs.step);
    },
  };
}
