import type { JobSpec } from './manifest.js';
import { runJob, type JobOutcome } from './run-job.js';
import type { SweepCounts } from './sweep-progress.js';

/** Options of {@link runLocalPool}. */
export interface LocalPoolOptions {
  /** Jobs run at once (each in its own process). */
  concurrency: number;
  /** Called whenever a job starts or ends. */
  onProgress?: (counts: SweepCounts) => void;
  /** Called when a job ends. */
  onJobEnd?: (outcome: JobOutcome) => void;
  /** Stops starting jobs and interrupts running ones (they checkpoint and can be resumed). */
  signal?: AbortSignal;
  /** Environment of the training processes. */
  env?: Record<string, string>;
}

/**
 * The embedded pool: runs a sweep's jobs on this machine, `concurrency` child processes at a
 * time, in the order given. Finished jobs are skipped and started ones resumed (see runJob), so
 * running a sweep again after a crash or Ctrl-C continues it. Returns every job's outcome.
 */
export async function runLocalPool(jobs: JobSpec[], options: LocalPoolOptions): Promise<JobOutcome[]> {
  const counts: SweepCounts = { total: jobs.length, done: 0, running: 0, failed: 0, skipped: 0 };
  const outcomes: JobOutcome[] = [];
  let next = 0;
  options.onProgress?.({ ...counts });
  const lane = async () => {
    while (next < jobs.length && !options.signal?.aborted) {
      const job = jobs[next++];
      counts.running += 1;
      options.onProgress?.({ ...counts });
      const outcome = await runJob(job, {
        env: options.env,
        signal: options.signal,
        worker: `local:${process.pid}`,
      });
      counts.running -= 1;
      // A job interrupted by Ctrl-C has a checkpoint and counts as queued again, not failed.
      const interrupted = outcome.status === 'failed' && options.signal?.aborted;
      if (outcome.status === 'failed' && !interrupted) counts.failed += 1;
      else if (!interrupted) counts.done += 1;
      if (outcome.status === 'skipped') counts.skipped += 1;
      outcomes.push(outcome);
      options.onJobEnd?.(outcome);
      options.onProgress?.({ ...counts });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, jobs.length)) }, lane));
  return outcomes;
}
