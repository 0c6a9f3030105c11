import { createHash } from 'node:crypto';
import { dirname } from 'node:path';
import { Queue } from 'bullmq';
import type { JobSpec } from './manifest.js';
import type { RedisConnection } from './redis-url.js';
import type { SweepCounts } from './sweep-progress.js';

/** The BullMQ queue sweeps use unless `--queue-name` says otherwise. */
export const DEFAULT_QUEUE_NAME = 'ganforge-sweeps';

/**
 * The BullMQ job id of a sweep job: the job id prefixed by a hash of its sweep folder, so the
 * same sweep enqueued twice into one folder is one set of jobs (BullMQ ignores an add whose id
 * exists, finished or not) while two folders never share a job.
 */
export function queueJobId(spec: JobSpec): string {
  return `${createHash('sha256').update(dirname(spec.runDir)).digest('hex').slice(0, 8)}-${spec.id}`;
}

/** Options of {@link enqueueSweep}. */
export interface EnqueueOptions {
  connection: RedisConnection;
  queueName?: string;
  /** Tries per job before it fails (a stalled job, whose worker died, does not use one up). */
  attempts?: number;
}

/**
 * Adds a sweep's jobs to the queue (idempotent: jobs already there, waiting, running or done, are
 * left alone; failed ones are retried). Returns how many were added, retried or already there.
 */
export async function enqueueSweep(
  specs: JobSpec[],
  options: EnqueueOptions,
): Promise<{ added: number; retried: number; present: number }> {
  const queue = new Queue<JobSpec>(options.queueName ?? DEFAULT_QUEUE_NAME, {
    connection: options.connection,
  });
  try {
    let retried = 0;
    let present = 0;
    const fresh: JobSpec[] = [];
    for (const spec of specs) {
      const job = await queue.getJob(queueJobId(spec));
      if (!job) fresh.push(spec);
      else if ((await job.getState()) === 'failed') {
        await job.retry('failed');
        retried += 1;
      } else present += 1;
    }
    await queue.addBulk(
      fresh.map((spec) => ({
        name: spec.id,
        data: spec,
        opts: {
          jobId: queueJobId(spec),
          attempts: options.attempts ?? 2,
          backoff: { type: 'fixed', delay: 1000 },
          removeOnComplete: false,
          removeOnFail: false,
        },
      })),
    );
    return { added: fresh.length, retried, present };
  } finally {
    await queue.close();
  }
}

/** Options of {@link waitForSweep}. */
export interface WaitOptions {
  connection: RedisConnection;
  queueName?: string;
  /** Milliseconds between polls (default 500). */
  pollMs?: number;
  onProgress?: (counts: SweepCounts) => void;
  signal?: AbortSignal;
}

/**
 * Polls the queue until each of the sweep's jobs is completed or has failed for good; returns the
 * final counts and the ids of failed jobs.
 */
export async function waitForSweep(
  specs: JobSpec[],
  options: WaitOptions,
): Promise<{ counts: SweepCounts; failed: string[] }> {
  const queue = new Queue<JobSpec>(options.queueName ?? DEFAULT_QUEUE_NAME, {
    connection: options.connection,
  });
  try {
    for (;;) {
      const counts: SweepCounts = { total: specs.length, done: 0, running: 0, failed: 0, skipped: 0 };
      const failed: string[] = [];
      for (const spec of specs) {
        const state = await queue.getJobState(queueJobId(spec));
        if (state === 'completed') counts.done += 1;
        else if (state === 'active') counts.running += 1;
        else if (state === 'failed') {
          counts.failed += 1;
          failed.push(spec.id);
        }
      }
      options.onProgress?.(counts);
      if (counts.done + counts.failed === counts.total || options.signal?.aborted) return { counts, failed };
      await new Promise((r) => setTimeout(r, options.pollMs ?? 500));
    }
  } finally {
    await queue.close();
  }
}
