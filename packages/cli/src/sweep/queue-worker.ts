import { hostname } from 'node:os';
import { WaitingError, Worker, type Job } from 'bullmq';
import { GanForgeError } from '@ganforge/core';
import type { Reporter } from '../progress/reporter.js';
import type { JobSpec } from './manifest.js';
import { DEFAULT_QUEUE_NAME } from './queue-jobs.js';
import type { RedisConnection } from './redis-url.js';
import { runJob, type JobOutcome } from './run-job.js';

/** Options of {@link startQueueWorker}. */
export interface QueueWorkerOptions {
  connection: RedisConnection;
  queueName?: string;
  /** Jobs this worker runs at once (default 1). */
  concurrency?: number;
  /**
   * Milliseconds a job's lock lasts without renewal (default 30,000): a worker killed mid-job
   * lets its job go to another worker this long after its last renewal.
   */
  lockDuration?: number;
  /** Milliseconds between checks for stalled jobs (default: lockDuration). */
  stalledInterval?: number;
  /** Times a job may stall (its worker died) before it fails (default 5). */
  maxStalledCount?: number;
  reporter: Reporter;
}

/** A running worker: `close()` stops taking jobs and interrupts the running ones (they checkpoint). */
export interface QueueWorker {
  readonly name: string;
  close(): Promise<void>;
}

/** A sweep job that ran and did not complete. */
export class SweepJobError extends GanForgeError {
  constructor(message: string) {
    super(message, 'TRAINING_FAILED');
  }
}

/**
 * Starts a BullMQ worker that runs sweep jobs, each in a child process (see runJob): a job whose
 * run folder has finished completes at once without training, one with a checkpoint resumes from
 * the last good one. A worker that dies mid-job (even by SIGKILL) holds the job's lock until it
 * expires; then another worker's stalled-job check puts it back in the queue and it resumes.
 */
export function startQueueWorker(options: QueueWorkerOptions): QueueWorker {
  const name = `${hostname()}:${process.pid}`;
  const { reporter } = options;
  const stop = new AbortController();
  const lockDuration = options.lockDuration ?? 30_000;
  const processor = async (job: Job<JobSpec>, token?: string): Promise<JobOutcome> => {
    reporter.info(`${name}: job ${job.data.id} (try ${job.attemptsMade + 1})`);
    reporter.event('job-start', { worker: name, id: job.data.id, attempt: job.attemptsMade + 1 });
    const outcome = await runJob(job.data, { worker: name, signal: stop.signal });
    reporter.event('job-end', { worker: name, ...outcome });
    if (outcome.status === 'failed' && stop.signal.aborted) {
      // Stopped by this worker's SIGINT/SIGTERM after a checkpoint: back to the queue, no try used.
      await job.moveToWait(token);
      throw new WaitingError();
    }
    if (outcome.status === 'failed')
      throw new SweepJobError(
        `job ${outcome.id} stopped with exit code ${outcome.exitCode}: see ${outcome.log}`,
      );
    reporter.info(
      `${name}: job ${job.data.id} ${outcome.status === 'skipped' ? 'had finished already' : `completed (${outcome.mode} from step ${outcome.fromStep})`}`,
    );
    return outcome;
  };
  const worker = new Worker<JobSpec, JobOutcome>(options.queueName ?? DEFAULT_QUEUE_NAME, processor, {
    connection: options.connection,
    concurrency: options.concurrency ?? 1,
    lockDuration,
    stalledInterval: options.stalledInterval ?? lockDuration,
    maxStalledCount: options.maxStalledCount ?? 5,
    autorun: true,
  });
  worker.on('failed', (job, error) => reporter.warn(`${name}: job ${job?.data.id}: ${error.message}`));
  worker.on('error', (error) => reporter.warn(`${name}: ${error.message}`));
  return {
    name,
    async close() {
      stop.abort();
      await worker.close();
    },
  };
}
