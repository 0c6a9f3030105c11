import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { finished, runCliProcess, sourceArgs, startNode } from '../test-helpers.js';
import { checkpointSteps, readSummary } from './job-state.js';
import type { JobSpec, SweepManifest } from './manifest.js';
import { DEFAULT_QUEUE_NAME, queueJobId } from './queue-jobs.js';
import { parseRedisUrl } from './redis-url.js';
import { attempts, hasRedis, startRedis, writeTinySweep } from './test-helpers.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the sweep in `out` has its manifest and its one job a checkpoint; returns the job's run folder. */
async function firstCheckpoint(out: string): Promise<{ run: string; id: string }> {
  for (let i = 0; i < 1200; i++) {
    if (existsSync(join(out, 'sweep.json'))) {
      const { jobs } = JSON.parse(readFileSync(join(out, 'sweep.json'), 'utf8')) as SweepManifest;
      const run = join(out, jobs[0].id);
      if (checkpointSteps(run).length > 0) return { run, id: jobs[0].id };
    }
    await sleep(50);
  }
  throw new RangeError(`no checkpoint in ${out}`);
}

describe('stopping a sweep (subprocesses, cpu)', () => {
  const stopRedis: (() => void)[] = [];
  afterAll(() => stopRedis.forEach((f) => f()));

  it('SIGINT to the embedded pool: its job writes a checkpoint, exits 130 and is counted as queued, not failed', async () => {
    const { dir } = writeTinySweep([1], 5000, 50);
    const sweep = join(dir, 'one.yaml');
    writeFileSync(sweep, 'name: one\nbase: base.yaml\nsampleEvery: 100000\n');
    const out = join(dir, 'out');
    const child = startNode(sourceArgs('sweep', sweep, '--out', out));
    const done = finished(child);
    const { run } = await firstCheckpoint(out);
    child.kill('SIGINT');
    const result = await done;
    expect(result.code, result.stderr).toBe(130);
    expect(result.stdout).toMatch(/sweep one: 0\/1 done, 0 running, 0 failed, 1 queued/);
    expect(attempts(run).at(-1)).toMatchObject({ event: 'end', exitCode: 130 });
    const summary = readSummary(run) as { status: string; step: number };
    expect(summary.status).toBe('interrupted');
    expect(checkpointSteps(run).at(-1)).toBe(summary.step);
  });

  it.skipIf(!hasRedis())(
    'SIGTERM to a worker: its job writes a checkpoint and goes back to the queue without using a try',
    async () => {
      const redis = await startRedis();
      stopRedis.push(() => redis.process.kill('SIGKILL'));
      const { dir } = writeTinySweep([1], 5000, 50);
      const sweep = join(dir, 'one.yaml');
      writeFileSync(sweep, 'name: one\nbase: base.yaml\nsampleEvery: 100000\n');
      const out = join(dir, 'out');
      const queued = await runCliProcess('sweep', sweep, '--queue', redis.url, '--out', out, '--no-wait');
      expect(queued.code, queued.stderr).toBe(0);
      const worker = startNode(sourceArgs('worker', '--queue', redis.url));
      const done = finished(worker);
      const { run, id } = await firstCheckpoint(out);
      worker.kill('SIGTERM');
      const result = await done;
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('SIGTERM: stopping');
      expect(attempts(run).at(-1)).toMatchObject({ event: 'end', exitCode: 130 });
      const queue = new Queue<JobSpec>(DEFAULT_QUEUE_NAME, { connection: parseRedisUrl(redis.url) });
      try {
        const job = (await queue.getJob(queueJobId({ id, runDir: run, configPath: '' })))!;
        expect(await job.getState()).toBe('waiting');
        expect(job.attemptsMade).toBe(0);
      } finally {
        await queue.close();
      }
    },
  );
});
