import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TrainingError, metricCallback, type Callback, type GanConfig, type GanPlugin } from '@ganforge/core';
import { checkpointCallback, checkpointName, createGan, metricsJsonlWriter } from '@ganforge/core/node';
import { EXIT_CODES } from '../exit-codes.js';
import { loadPlugins } from '../plugins/load-plugins.js';
import { samplePictures } from '../pictures/sample-pictures.js';
import type { Reporter } from '../progress/reporter.js';
import { plainLineEvery } from '../progress/format.js';
import { progressCallback } from '../progress/progress-callback.js';
import { buildMetrics, computeMetrics } from './build-metrics.js';
import { writeCurvePlots } from './final-plots.js';
import { loadLastGoodCheckpoint } from './last-good-checkpoint.js';
import { readMetricsRows, truncateMetrics, type RunFolder } from './run-folder.js';
import { finalPictureName, pick, reportSummary, type RunSummary } from './run-summary.js';

/** Options of {@link trainRun}. */
export interface TrainRunOptions {
  run: RunFolder;
  /** The run's config (command-line overrides applied, paths absolute). */
  config: GanConfig;
  /** Folder that plugin package names resolve from (the config's folder). */
  baseDir: string;
  /** The plugins, when the caller loaded them already (default: loaded from the config). */
  plugins?: GanPlugin[];
  /** Continue from the run's last good checkpoint. */
  resume: boolean;
  /** Sample picture cadence in steps (default: about ten pictures a run). */
  sampleEvery?: number;
  reporter: Reporter;
  /** Abort training from outside (tests); SIGINT does the same. */
  signal?: AbortSignal;
}

/**
 * Trains (or resumes) a run: builds the GAN with the standard and configured plugins, then fits
 * with metrics, metrics.jsonl, progress, sample pictures and checkpoints as callbacks. Ctrl-C
 * stops after the current step, writes a checkpoint and returns exit code 130; a diverged step
 * throws its TrainingError after saying where the last good checkpoint is. At the end: curve
 * plots, the final sample picture (scatter with mode coverage for mixtures) and `summary.json`.
 */
export async function trainRun(options: TrainRunOptions): Promise<number> {
  const { run, reporter } = options;
  const plugins = options.plugins ?? (await loadPlugins(options.config.plugins, options.baseDir));
  const gan = await createGan(options.config, { plugins, log: (m) => reporter.info(m) });
  const controller = new AbortController();
  const abort = () => controller.abort();
  options.signal?.addEventListener('abort', abort);
  let interrupts = 0;
  const onSigint = () => {
    interrupts += 1;
    if (interrupts > 1) process.exit(EXIT_CODES.interrupted);
    reporter.endProgress();
    reporter.info(
      'interrupted: finishing this step and writing a checkpoint (Ctrl-C again to quit without one)',
    );
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  try {
    let startStep = 0;
    if (options.resume) {
      const from = await loadLastGoodCheckpoint(gan, run.checkpoints, reporter);
      startStep = from.step;
      truncateMetrics(run.metrics, startStep);
      reporter.info(
        `resuming ${run.root} from ${relative(process.cwd(), from.dir) || from.dir} (step ${startStep})`,
      );
    } else {
      writeFileSync(run.resolvedConfig, JSON.stringify(gan.config, null, 2) + '\n');
    }
    const total = gan.config.steps;
    if (gan.stepCount >= total) {
      reporter.info(
        `the run is at step ${gan.stepCount} of ${total}: nothing to do (pass --steps N to train further)`,
      );
      return EXIT_CODES.ok;
    }
    reporter.info(`training on ${gan.backend}: steps ${gan.stepCount} → ${total}, run folder ${run.root}`);
    reporter.event('start', {
      run: run.root,
      backend: gan.backend,
      step: gan.stepCount,
      steps: total,
      seed: gan.config.seed,
    });

    const metrics = buildMetrics(gan, plugins, gan.config.metrics);
    const pictures = samplePictures(gan);
    const sampleEvery = options.sampleEvery ?? plainLineEvery(total, 1) * 2;
    const started = performance.now();
    let finalMetrics: Record<string, number> = {};

    const cadenceMetrics: Callback[] = metrics
      .filter((m) => m.every > 0)
      .map((m) =>
        metricCallback({
          metric: m.metric,
          every: m.every,
          context: gan.metricContext(),
          onValues: (values, step) => reporter.event('metrics', { step, ...values }),
        }),
      );
    const endMetrics: Callback = {
      name: 'final-metrics',
      async onStepEnd(logs) {
        if (logs.step !== total) return;
        const pending = metrics.filter((m) => m.every === 0 || total % m.every !== 0);
        Object.assign(logs, await computeMetrics(gan, pending));
        finalMetrics = Object.fromEntries(
          Object.entries(logs).filter(([k]) =>
            metrics.some((m) => k.startsWith(`${m.metric.name.replace(/-/g, '_')}_`)),
          ),
        );
      },
    };
    const progress = progressCallback(reporter, total, gan.config.logEvery, gan.stepCount);
    const samples: Callback = {
      name: 'sample-pictures',
      async onStepEnd(logs) {
        if (logs.step % sampleEvery !== 0 || logs.step === total) return;
        const file = join(run.samples, `${checkpointName(logs.step)}.png`);
        writeFileSync(file, await pictures.render(`step ${logs.step}`));
        reporter.event('sample', { step: logs.step, file });
      },
    };
    const callbacks = [
      ...cadenceMetrics,
      endMetrics,
      metricsJsonlWriter(run.metrics, { every: gan.config.logEvery }),
      progress,
      samples,
      checkpointCallback(gan, {
        root: run.checkpoints,
        every: gan.config.checkpoint.every,
        keep: gan.config.checkpoint.keep,
      }),
    ];

    try {
      await gan.fit({ callbacks, keepHistory: false, signal: controller.signal });
    } catch (error) {
      reporter.endProgress();
      if (error instanceof TrainingError) {
        // What the monitor and sweeps read: the run stopped on NaN/Inf, and where.
        writeFileSync(
          run.summary,
          JSON.stringify(
            { status: 'diverged', step: error.step ?? gan.stepCount, steps: total, error: error.message },
            null,
            2,
          ) + '\n',
        );
        reporter.warn(
          `training diverged${error.step !== undefined ? ` at step ${error.step}` : ''}: the last good checkpoint is kept in ${run.checkpoints}; edit ${run.config} (e.g. lower the learning rates), then: ganforge resume ${run.root}`,
        );
      }
      throw error;
    }
    reporter.endProgress();
    const seconds = (performance.now() - started) / 1000;
    const done = gan.stepCount - startStep;
    const summary: RunSummary = {
      status: controller.signal.aborted ? 'interrupted' : 'completed',
      step: gan.stepCount,
      steps: total,
      startStep,
      backend: gan.backend,
      backendPackage: gan.backendChoice?.package,
      seconds,
      stepsPerSecond: done / Math.max(seconds, 1e-9),
      final: pick(progress.lastLogs(), [
        'g_loss',
        'd_loss',
        'd_loss_real',
        'd_loss_fake',
        'd_acc_real',
        'd_acc_fake',
        'augment_p',
      ]),
      metrics: finalMetrics,
      ...(gan.config.ema ? { ema: gan.config.ema } : {}),
      ...(gan.config.augment ? { augment: gan.config.augment } : {}),
      files: [],
    };

    if (controller.signal.aborted) {
      writeFileSync(run.summary, JSON.stringify(summary, null, 2) + '\n');
      const saved = gan.stepCount > 0 ? join(run.checkpoints, checkpointName(gan.stepCount)) : undefined;
      reporter.event('interrupted', { step: gan.stepCount, checkpoint: saved });
      reporter.info(
        saved
          ? `stopped at step ${gan.stepCount} of ${total}; checkpoint written to ${saved}.\nResume with: ganforge resume ${run.root}`
          : `stopped before the first step; nothing to resume. Start again with: ganforge train`,
      );
      pictures.dispose();
      return EXIT_CODES.interrupted;
    }

    const m = finalMetrics;
    const known =
      m.mode_coverage_modes !== undefined
        ? {
            modes: m.mode_coverage_modes,
            highQuality: m.mode_coverage_high_quality,
            reverseKl: m.mode_coverage_reverse_kl,
          }
        : undefined;
    const finalPicture = await pictures.renderFinal(`step ${gan.stepCount}`, known);
    pictures.dispose();
    const picturePath = join(run.plots, finalPictureName(pictures.view));
    writeFileSync(picturePath, finalPicture.png);
    writeFileSync(join(run.samples, `${checkpointName(gan.stepCount)}.png`), finalPicture.png);
    summary.coverage = finalPicture.coverage;
    summary.files = [
      picturePath,
      ...(await writeCurvePlots(readMetricsRows(run.metrics), run.plots, {
        augmentTarget: typeof gan.config.augment?.target === 'number' ? gan.config.augment.target : undefined,
      })),
      run.metrics,
      join(run.checkpoints, checkpointName(gan.stepCount)),
    ];
    writeFileSync(run.summary, JSON.stringify(summary, null, 2) + '\n');
    reporter.event('end', { ...summary });
    reportSummary(summary, reporter);
    return EXIT_CODES.ok;
  } finally {
    process.off('SIGINT', onSigint);
    options.signal?.removeEventListener('abort', abort);
    gan.dispose();
  }
}
