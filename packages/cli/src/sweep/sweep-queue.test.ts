import { type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  finished,
  jsonLines,
  runCliProcess,
  sourceArgs,
  startNode,
  type CliResult,
} from '../test-helpers.js';
import { checkpointSteps, readSummary } from './job-state.js';
import type { SweepManifest } from './manifest.js';
import { attempts, hasRedis, startRedis, writeTinySweep } from './test-helpers.js';

if (!hasRedis())
  console.log(
    'sweep-queue.test: skipped: /usr/bin/redis-server is absent (apt-get install redis-server; .ci/run does it as root)',
  );

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const STEPS = 100;

describe.skipIf(!hasRedis())(
  'ganforge sweep --queue + ganforge worker (redis-server on loopback, cpu)',
  () => {
    let redis: Awaited<ReturnType<typeof startRedis>>;
    const children: ChildProcess[] = [];
    beforeAll(async () => {
      redis = await startRedis();
    });
    afterAll(() => {
      for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
      redis?.process.kill('SIGKILL');
    });

    it('6 jobs, 2 workers, one SIGKILLed mid-job: every job completes once, the killed one resumes from its checkpoint; the embedded pool gives the same results', async () => {
      const started = performance.now();
      const { dir, sweep } = writeTinySweep([1, 2, 3], STEPS, 20);
      const out = join(dir, 'queue');
      const sweeper = startNode(sourceArgs('sweep', sweep, '--queue', redis.url, '--out', out));
      children.push(sweeper);
      const sweepDone = finished(sweeper);
      const workerArgs = [
        'worker',
        '--queue',
        redis.url,
        '--lock-duration',
        '2000',
        '--stalled-interval',
        '1000',
      ];
      const workers = [
        startNode(sourceArgs(...workerArgs, '--json')),
        startNode(sourceArgs(...workerArgs, '--json')),
      ];
      children.push(...workers);
      const workerDone = workers.map((w) => finished(w));

      // Wait until worker 0's second job has a checkpoint and no summary, then SIGKILL worker 0
      // (its second, so that both workers share the sweep before one dies).
      while (!existsSync(join(out, 'sweep.json'))) await sleep(100);
      const manifest = JSON.parse(readFileSync(join(out, 'sweep.json'), 'utf8')) as SweepManifest;
      expect(manifest.jobs).toHaveLength(6);
      const victim = `:${workers[0].pid}`;
      let killed: { id: string; step: number } | undefined;
      for (let i = 0; i < 2400 && !killed; i++) {
        for (const job of manifest.jobs) {
          const run = join(out, job.id);
          const last = attempts(run).at(-1);
          const steps = checkpointSteps(run);
          if (
            last?.event === 'start' &&
            last.worker.endsWith(victim) &&
            steps.length > 0 &&
            steps.at(-1)! < STEPS &&
            !readSummary(run)
          ) {
            workers[0].kill('SIGKILL');
            killed = { id: job.id, step: steps.at(-1)! };
            break;
          }
        }
        await sleep(50);
      }
      expect(killed, 'worker 0 never had a job with a checkpoint').toBeDefined();
      const killedAt = performance.now();
      // The same sweep on the embedded pool, one job at a time on the core the dead worker left.
      const poolRun = runCliProcess('sweep', sweep, '--out', join(dir, 'pool'), '--concurrency', '1');

      const result: CliResult = await sweepDone;
      const queueSeconds = (performance.now() - started) / 1000;
      const afterKill = (performance.now() - killedAt) / 1000;
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('6 added');
      expect(result.stdout).toMatch(/sweep tiny: 6\/6 done, 0 running, 0 failed/);
      expect((await workerDone[0]).signal).toBe('SIGKILL');

      const starts = manifest.jobs.filter((j) =>
        attempts(join(out, j.id)).some((a) => a.event === 'start' && a.worker.endsWith(victim)),
      ).length;
      for (const job of starts >= 2 ? manifest.jobs : []) {
        const run = join(out, job.id);
        const log = attempts(run);
        const ends = log.filter((a) => a.event === 'end');
        // Trained exactly once to the end: one successful end, one start from step 0.
        expect(
          ends.filter((a) => a.exitCode === 0),
          job.id,
        ).toHaveLength(1);
        expect(
          log.filter((a) => a.event === 'start' && a.mode === 'train'),
          job.id,
        ).toHaveLength(1);
        expect(readSummary(run), job.id).toMatchObject({ status: 'completed', step: STEPS });
        if (job.id !== killed!.id) {
          expect(
            log.filter((a) => a.event === 'start'),
            job.id,
          ).toHaveLength(1);
          expect(readSummary(run)!.startStep).toBe(0);
        }
      }
      const kLog = attempts(join(out, killed!.id));
      const resumed = kLog.filter((a) => a.event === 'start' && a.mode === 'resume');
      expect(resumed).toHaveLength(1);
      expect(resumed[0].worker.endsWith(`:${workers[1].pid}`)).toBe(true);
      expect(resumed[0].fromStep).toBeGreaterThanOrEqual(killed!.step);
      expect(resumed[0].fromStep).toBeGreaterThan(0);
      const kSummary = readSummary(join(out, killed!.id))!;
      expect(kSummary.startStep).toBe(resumed[0].fromStep);
      const workerEvents = jsonLines(
        (
          await (async () => {
            workers[1].kill('SIGTERM');
            return workerDone[1];
          })()
        ).stdout,
      );
      expect(workerEvents.filter((e) => e.event === 'job-end').length).toBeGreaterThanOrEqual(3);

      // Enqueuing the same sweep again adds nothing and reruns nothing.
      const again = await runCliProcess('sweep', sweep, '--queue', redis.url, '--out', out, '--no-wait');
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toContain('0 added, 0 failed before and retried, 6 already there');

      // The same sweep on the embedded pool: equal final values per job (cpu, same seeds).
      const pool = await poolRun;
      const poolSeconds = (performance.now() - killedAt) / 1000;
      expect(pool.code, pool.stderr).toBe(0);
      for (const job of manifest.jobs) {
        const a = readSummary(join(out, job.id)) as { final: Record<string, number> };
        const b = readSummary(join(dir, 'pool', job.id)) as {
          final: Record<string, number>;
          startStep: number;
        };
        expect(b.startStep).toBe(0);
        expect(Object.keys(a.final).length).toBeGreaterThanOrEqual(4);
        expect(b.final, job.id).toEqual(a.final);
      }
      console.log(
        `sweep-queue: killed ${killed!.id} at checkpoint step ${killed!.step}, resumed from ${resumed[0].fromStep}; queue sweep ${queueSeconds.toFixed(1)} s (${afterKill.toFixed(1)} s after the kill), pool (alongside, from the kill) ${poolSeconds.toFixed(1)} s`,
      );
    }, 240_000);
  },
);
