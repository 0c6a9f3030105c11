import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { EXIT_CODES } from '../exit-codes.js';
import type { Reporter } from '../progress/reporter.js';
import { expandSweep } from '../sweep/expand-sweep.js';
import { runLocalPool } from '../sweep/local-pool.js';
import { writeSweepPlan, type JobSpec } from '../sweep/manifest.js';
import { readSweepFile } from '../sweep/read-sweep.js';
import { sweepProgress } from '../sweep/sweep-progress.js';
import { validateJobs } from '../sweep/validate-jobs.js';

/** Options of `ganforge sweep`. */
export interface SweepCommandOptions {
  /** The sweep folder (default `sweeps/<name>`). */
  out?: string;
  /** Jobs at once on the embedded pool (default: the number of cores). */
  concurrency?: number;
  /** A Redis URL: enqueue the jobs in BullMQ for `ganforge worker` instead of running them here. */
  queue?: string;
  queueName?: string;
  /** With `--queue`: wait until every job completed (default true; `--no-wait`). */
  wait?: boolean;
  /** Tries per job on the queue. */
  attempts?: number;
  /** List the jobs and write nothing. */
  dryRun?: boolean;
}

/**
 * `ganforge sweep SWEEP.yaml`: expands the sweep, validates every job's config, writes the sweep
 * folder (`sweep.json`, `configs/`) and runs the jobs on the embedded pool, or enqueues them on a
 * Redis queue for `ganforge worker`. Finished jobs are never rerun. Returns the exit code.
 */
export async function sweepCommand(
  file: string,
  options: SweepCommandOptions,
  reporter: Reporter,
): Promise<number> {
  const loaded = readSweepFile(file);
  const plan = expandSweep(loaded);
  if (plan.dropped > 0)
    reporter.warn(
      `the sweep has ${plan.jobs.length + plan.dropped} runs: running the first ${plan.jobs.length} (maxRuns), ${plan.dropped} left out`,
    );
  await validateJobs(plan, resolve(file, '..'));
  const out = resolve(options.out ?? join('sweeps', plan.name));
  if (options.dryRun) {
    for (const job of plan.jobs) reporter.info(join(relative(process.cwd(), out) || out, job.id));
    reporter.event('plan', {
      out,
      jobs: plan.jobs.map((j) => ({ id: j.id, fields: j.fields, seed: j.seed })),
    });
    return EXIT_CODES.ok;
  }
  const specs = writeSweepPlan(out, plan, loaded.file);
  reporter.info(
    `sweep ${plan.name}: ${specs.length} jobs (${plan.fields.join(', ') || 'no fields'} × seeds ${plan.seeds.join(', ')}) in ${out}`,
  );
  reporter.event('sweep', { name: plan.name, out, jobs: specs.map((s) => s.id) });
  const failed = options.queue
    ? await viaQueue(specs, options, reporter, plan.name)
    : await viaPool(specs, options, reporter, plan.name);
  if (typeof failed === 'number') return failed;
  if (failed.length > 0) {
    reporter.warn(
      `${failed.length} job(s) failed: ${failed.map((id) => join(out, id, 'job.log')).join(', ')}`,
    );
    return EXIT_CODES.internal;
  }
  reporter.info(
    `all ${specs.length} jobs finished. Table and plot: ganforge sweep report ${relative(process.cwd(), out) || out}`,
  );
  return EXIT_CODES.ok;
}

/** The failed jobs' ids, or an exit code when the sweep did not run to its end here. */
type Ending = string[] | number;

async function viaPool(
  specs: JobSpec[],
  o: SweepCommandOptions,
  reporter: Reporter,
  name: string,
): Promise<Ending> {
  const concurrency = o.concurrency ?? availableParallelism();
  reporter.info(`running on the embedded pool, ${concurrency} at a time`);
  const controller = new AbortController();
  const onSigint = () => {
    reporter.info('interrupted: running jobs write a checkpoint; run the same command again to continue');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  try {
    const outcomes = await runLocalPool(specs, {
      concurrency,
      signal: controller.signal,
      onProgress: sweepProgress(reporter, name),
      onJobEnd: (outcome) => reporter.event('job-end', { ...outcome }),
    });
    if (controller.signal.aborted) return EXIT_CODES.interrupted;
    return outcomes.filter((x) => x.status === 'failed').map((x) => x.id);
  } finally {
    process.off('SIGINT', onSigint);
  }
}

async function viaQueue(
  specs: JobSpec[],
  o: SweepCommandOptions,
  reporter: Reporter,
  name: string,
): Promise<Ending> {
  const { parseRedisUrl } = await import('../sweep/redis-url.js');
  const { enqueueSweep, waitForSweep } = await import('../sweep/queue-jobs.js');
  const connection = parseRedisUrl(o.queue!);
  const added = await enqueueSweep(specs, { connection, queueName: o.queueName, attempts: o.attempts });
  reporter.info(
    `queued on ${o.queue}: ${added.added} added, ${added.retried} failed before and retried, ${added.present} already there. Start workers with: ganforge worker --queue ${o.queue}`,
  );
  reporter.event('queued', { ...added });
  if (o.wait === false) return EXIT_CODES.ok;
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.on('SIGINT', onSigint);
  try {
    const { failed } = await waitForSweep(specs, {
      connection,
      queueName: o.queueName,
      signal: controller.signal,
      onProgress: sweepProgress(reporter, name),
    });
    if (controller.signal.aborted) {
      reporter.info('stopped waiting; the jobs stay queued for the workers');
      return EXIT_CODES.interrupted;
    }
    return failed;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

/** Options of `ganforge sweep report`. */
export interface SweepReportOptions {
  /** Columns to compare in the plot (default: the final metrics, else g_loss and d_loss). */
  metric?: string[];
}

/**
 * `ganforge sweep report DIR`: prints a table of the sweep's settings with mean ± sd over seeds of
 * each run's final losses and metrics, and writes `report.csv`, `report.json` and `report.png`.
 */
export async function sweepReportCommand(
  dir: string,
  options: SweepReportOptions,
  reporter: Reporter,
): Promise<number> {
  const { writeFileSync } = await import('node:fs');
  const { readManifest } = await import('../sweep/manifest.js');
  const r = await import('../sweep/report-table.js');
  const root = resolve(dir);
  const manifest = readManifest(root);
  const runs = r.collectRuns(root, manifest);
  const groups = r.aggregateRuns(runs);
  const columns = r.reportColumns(runs);
  const missing = runs.filter((x) => x.status !== 'completed');
  if (missing.length > 0)
    reporter.warn(
      `${missing.length} of ${runs.length} runs have not completed (left out): ${missing.map((x) => x.id).join(', ')}`,
    );
  reporter.info(r.formatReportTable(manifest.fields, groups, columns));
  const files = [join(root, 'report.csv'), join(root, 'report.json')];
  writeFileSync(files[0], r.reportCsv(manifest.fields, groups, columns));
  writeFileSync(
    files[1],
    JSON.stringify({ name: manifest.name, fields: manifest.fields, columns, groups, runs }, null, 2) + '\n',
  );
  const metricColumns = columns.filter(
    (c) => !/^(g_loss|d_loss|d_loss_real|d_loss_fake|d_acc_real|d_acc_fake)$/.test(c),
  );
  const plotted = (
    options.metric ?? (metricColumns.length > 0 ? metricColumns : ['g_loss', 'd_loss'])
  ).filter((c) => columns.includes(c));
  if (groups.length > 0 && plotted.length > 0) {
    const { renderVegaLitePng } = await import('../plot/render-png.js');
    const { sweepComparisonSpec } = await import('../sweep/report-plot.js');
    files.push(join(root, 'report.png'));
    writeFileSync(
      files[2],
      await renderVegaLitePng(sweepComparisonSpec(`sweep ${manifest.name}`, groups, plotted)),
    );
  }
  reporter.event('report', { groups, columns, files });
  reporter.info(`wrote ${files.map((f) => relative(process.cwd(), f) || f).join(', ')}`);
  return EXIT_CODES.ok;
}
