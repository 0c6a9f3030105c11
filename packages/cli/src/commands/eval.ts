import type { ComponentBlock } from '@ganforge/core';
import type { Reporter } from '../progress/reporter.js';
import { buildMetrics, computeMetrics, defaultMetricBlocks } from '../run/build-metrics.js';
import { openRun } from '../run/open-run.js';

/** Options of `ganforge eval`. */
export interface EvalCommandOptions {
  checkpoint?: string;
  /** Metric kinds to compute instead of the config's. */
  metric?: string[];
}

/** A two-column text table. */
export function formatTable(rows: readonly [string, string][]): string {
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}

/**
 * `ganforge eval RUN_DIR`: computes the config's metrics (or `--metric` kinds; with neither, mode
 * coverage and MMD for mixtures, classifier scores for MNIST, MMD otherwise) on a checkpoint and
 * prints a table, or one JSON object with `--json`. Returns the exit code.
 */
export async function evalCommand(
  dir: string,
  options: EvalCommandOptions,
  reporter: Reporter,
): Promise<number> {
  const { gan, plugins, checkpoint } = await openRun(dir, options.checkpoint, reporter);
  try {
    const blocks: ComponentBlock[] = options.metric?.length
      ? options.metric.map((kind) => ({ kind }))
      : gan.config.metrics.length > 0
        ? gan.config.metrics
        : defaultMetricBlocks(gan);
    const started = performance.now();
    const values = await computeMetrics(gan, buildMetrics(gan, plugins, blocks));
    const seconds = (performance.now() - started) / 1000;
    if (reporter.mode === 'json') {
      process.stdout.write(
        JSON.stringify({ run: dir, checkpoint, step: gan.stepCount, metrics: values, seconds }) + '\n',
      );
    } else {
      reporter.info(`metrics of ${checkpoint} (step ${gan.stepCount}), ${seconds.toFixed(1)} s:`);
      reporter.info(
        formatTable(Object.entries(values).map(([k, v]) => [k, String(Number(v.toPrecision(5)))])),
      );
    }
    return 0;
  } finally {
    gan.dispose();
  }
}
