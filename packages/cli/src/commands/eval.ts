import type { ComponentBlock } from '@ganforge/core';
import type { Reporter } from '../progress/reporter.js';
import { buildMetrics, computeMetrics, defaultMetricBlocks } from '../run/build-metrics.js';
import { openRun } from '../run/open-run.js';

/** Options of `ganforge eval`. */
export interface EvalCommandOptions {
  checkpoint?: string;
  /** Metric kinds to compute instead of the config's. */
  metric?: string[];
  /** Score the raw generator weights instead of the EMA average (runs with an `ema` block). */
  rawWeights?: boolean;
}

/** A two-column text table. */
export function formatTable(rows: readonly [string, string][]): string {
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}

/**
 * `ganforge eval RUN_DIR`: computes the config's metrics (or `--metric` kinds; with neither, mode
 * coverage and MMD for mixtures, classifier scores for MNIST, MMD otherwise) on a checkpoint and
 * prints a table, or one JSON object with `--json`. A run with an `ema` block is scored on its
 * averaged generator unless `--raw-weights`. Returns the exit code.
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
    const weights = gan.ema && !options.rawWeights ? 'ema' : 'raw';
    const values = await computeMetrics(gan, buildMetrics(gan, plugins, blocks), { weights });
    const seconds = (performance.now() - started) / 1000;
    if (reporter.mode === 'json') {
      process.stdout.write(
        JSON.stringify({ run: dir, checkpoint, step: gan.stepCount, weights, metrics: values, seconds }) +
          '\n',
      );
    } else {
      const which = weights === 'ema' ? ', EMA weights' : gan.ema ? ', raw weights' : '';
      reporter.info(`metrics of ${checkpoint} (step ${gan.stepCount}${which}), ${seconds.toFixed(1)} s:`);
      reporter.info(
        formatTable(Object.entries(values).map(([k, v]) => [k, String(Number(v.toPrecision(5)))])),
      );
    }
    return 0;
  } finally {
    gan.dispose();
  }
}
