import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliProcess } from '../test-helpers.js';
import { readSummary } from './job-state.js';
import type { SweepManifest } from './manifest.js';
import { attempts, writeTinySweep } from './test-helpers.js';

describe('ganforge sweep on the embedded pool (subprocesses, cpu)', () => {
  it('runs each job once into its own run folder, skips finished jobs, resumes or restarts unfinished ones to the same results', async () => {
    const { dir, sweep } = writeTinySweep([1], 60, 20);
    const out = join(dir, 'out');
    const first = await runCliProcess('sweep', sweep, '--out', out, '--concurrency', '2');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('sweep tiny: 2 jobs (optimizers.generator.lr × seeds 1)');
    expect(first.stdout).toContain('running on the embedded pool, 2 at a time');
    expect(first.stdout).toMatch(/sweep tiny: 2\/2 done, 0 running, 0 failed, 0 queued/);
    expect(first.stdout).toContain(`ganforge sweep report`);
    const manifest = JSON.parse(readFileSync(join(out, 'sweep.json'), 'utf8')) as SweepManifest;
    expect(manifest.jobs.map((j) => j.id)).toEqual([
      expect.stringMatching(/^[0-9a-f]{12}-lr=0\.001-seed=1$/),
      expect.stringMatching(/^[0-9a-f]{12}-lr=0\.003-seed=1$/),
    ]);
    const [a, b] = manifest.jobs.map((j) => join(out, j.id));
    const finals = [a, b].map((run) => (readSummary(run) as { final: Record<string, number> }).final);
    expect(finals[0]).not.toEqual(finals[1]);
    for (const run of [a, b]) {
      expect(readSummary(run)).toMatchObject({ status: 'completed', step: 60, startStep: 0 });
      expect(attempts(run).map((x) => [x.event, x.mode ?? x.exitCode])).toEqual([
        ['start', 'train'],
        ['end', 0],
      ]);
    }

    // a: killed after its final checkpoint, before summary.json; b: killed before its first checkpoint.
    rmSync(join(a, 'summary.json'));
    rmSync(join(b, 'summary.json'));
    rmSync(join(b, 'checkpoints'), { recursive: true });
    writeFileSync(join(b, 'metrics.jsonl'), '{"step":10}\n{"ste');
    const second = await runCliProcess('sweep', sweep, '--out', out, '--concurrency', '2');
    expect(second.code, second.stderr).toBe(0);
    expect(attempts(a).at(-2)).toMatchObject({ event: 'start', mode: 'resume', fromStep: 40 });
    expect(readSummary(a)).toMatchObject({ status: 'completed', step: 60, startStep: 40, final: finals[0] });
    expect(attempts(b).at(-2)).toMatchObject({ event: 'start', mode: 'train', fromStep: 0 });
    expect(readSummary(b)).toMatchObject({ status: 'completed', step: 60, startStep: 0, final: finals[1] });

    const third = await runCliProcess('sweep', sweep, '--out', out);
    expect(third.code, third.stderr).toBe(0);
    expect(third.stdout).toMatch(/sweep tiny: 2\/2 done \(2 skipped\)/);
    for (const run of [a, b]) expect(attempts(run).at(-1)!.event).toBe('skip');
    expect(attempts(a).filter((x) => x.event === 'start')).toHaveLength(2);
  });

  it('refuses a sweep whose job config is invalid, naming the job and the field, before writing anything', async () => {
    const { dir } = writeTinySweep([1]);
    writeFileSync(join(dir, 'bad.yaml'), 'base: base.yaml\ngrid:\n  loss.kind: [hinge, nope]\n');
    const bad = await runCliProcess('sweep', join(dir, 'bad.yaml'), '--out', join(dir, 'bad-out'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /loss\.kind: sweep job [0-9a-f]{12}-kind=nope-seed=0 \(loss\.kind=nope\): loss "nope" is not registered/,
    );
    expect(() => readFileSync(join(dir, 'bad-out', 'sweep.json'))).toThrow();
  });
});
