import { EXIT_CODES } from '../exit-codes.js';
import type { Reporter } from '../progress/reporter.js';
import { DEFAULT_QUEUE_NAME } from '../sweep/queue-jobs.js';
import { startQueueWorker } from '../sweep/queue-worker.js';
import { parseRedisUrl } from '../sweep/redis-url.js';

/** Options of `ganforge worker`. */
export interface WorkerCommandOptions {
  queue: string;
  queueName?: string;
  concurrency?: number;
  lockDuration?: number;
  stalledInterval?: number;
  maxStalled?: number;
}

/**
 * `ganforge worker --queue redis://HOST:PORT`: runs sweep jobs from the queue until SIGINT or
 * SIGTERM (then running jobs checkpoint and go back to the queue for another try).
 */
export async function workerCommand(options: WorkerCommandOptions, reporter: Reporter): Promise<number> {
  const connection = parseRedisUrl(options.queue);
  const worker = startQueueWorker({
    connection,
    queueName: options.queueName,
    concurrency: options.concurrency,
    lockDuration: options.lockDuration,
    stalledInterval: options.stalledInterval,
    maxStalledCount: options.maxStalled,
    reporter,
  });
  reporter.info(
    `worker ${worker.name} waiting for jobs on ${options.queue} (queue ${options.queueName ?? DEFAULT_QUEUE_NAME})`,
  );
  reporter.event('worker-start', { worker: worker.name, queue: options.queue });
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  reporter.info(`${signal}: stopping (running jobs write a checkpoint and are retried)`);
  await worker.close();
  return signal === 'SIGINT' ? EXIT_CODES.interrupted : EXIT_CODES.ok;
}
