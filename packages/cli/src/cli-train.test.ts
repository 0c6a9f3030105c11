import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess, tinyRingConfig, type CliResult } from './test-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ganforge-cli-train-'));
const run = join(dir, 'run');
const png = (file: string) => PNG.sync.read(readFileSync(file));
let train: CliResult;

describe('ganforge train (subprocess, from source)', () => {
  beforeAll(async () => {
    const config = join(dir, 'ring.yaml');
    writeFileSync(
      config,
      tinyRingConfig(
        'steps: 60\ncheckpoint: { every: 30, keep: 2 }\nmetrics:\n  - { kind: mode-coverage, every: 30, samples: 500 }\n' +
          '  - { kind: precision-recall, every: 30, samples: 100 }\n',
      ),
    );
    train = await runCliProcess('train', config, '--out', run, '--sample-every', '20');
  });

  it('exits 0 and prints progress and a summary', () => {
    expect(train.stderr).not.toMatch(/error|warning/i);
    expect(train.code).toBe(0);
    expect(train.stdout).toMatch(
      /step 60\/60 .* steps\/s .*ETA .*G -?\d\.\d{3} .*D \d\.\d{3} .*D acc real\/fake \d\.\d\d\/\d\.\d\d/,
    );
    expect(train.stdout).toMatch(/done: 60 steps in \d+:\d\d .* on cpu/);
    expect(train.stdout).toMatch(/scatter\.png/);
  });

  it('writes metrics.jsonl rows every logEvery steps, with metrics at their cadence', () => {
    const rows = readFileSync(join(run, 'metrics.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, number>);
    expect(rows.map((r) => r.step)).toEqual([10, 20, 30, 40, 50, 60]);
    for (const r of rows) {
      for (const k of [
        'time',
        'g_loss',
        'd_loss',
        'd_loss_real',
        'd_loss_fake',
        'g_grad_norm',
        'd_grad_norm',
      ])
        expect(Number.isFinite(r[k]), k).toBe(true);
      expect(r.d_acc_real).toBeGreaterThanOrEqual(0);
      expect(r.d_acc_fake).toBeLessThanOrEqual(1);
    }
    expect(rows.filter((r) => 'mode_coverage_modes' in r).map((r) => r.step)).toEqual([30, 60]);
    const pr = rows.filter((r) => 'precision_recall_precision' in r);
    expect(pr.map((r) => r.step)).toEqual([30, 60]);
    for (const r of pr) expect(r.precision_recall_recall).toBeGreaterThanOrEqual(0);
  });

  it('writes config, resolved config, checkpoints, sample pictures, plots and summary', () => {
    expect(readFileSync(join(run, 'config.yaml'), 'utf8')).toMatch(/^# ganforge run config[\s\S]*kind: ring/);
    const resolved = JSON.parse(readFileSync(join(run, 'resolved-config.json'), 'utf8'));
    expect(resolved).toMatchObject({
      steps: 60,
      seed: 5,
      loss: { kind: 'non-saturating' },
      sources: { loss: 'core', steps: 'user', 'optimizers.generator.lr': 'user' },
    });
    expect(readdirSync(join(run, 'checkpoints')).sort()).toEqual(['step-000030', 'step-000060']);
    expect(readdirSync(join(run, 'samples')).sort()).toEqual([
      'step-000020.png',
      'step-000040.png',
      'step-000060.png',
    ]);
    for (const f of readdirSync(join(run, 'samples')))
      expect(png(join(run, 'samples', f)).width).toBeGreaterThan(840);
    const scatter = png(join(run, 'plots/scatter.png'));
    expect([scatter.width, scatter.height].every((s) => s > 840 && s < 1400)).toBe(true);
    for (const f of ['losses.png', 'accuracy.png', 'diagnostics.png', 'fidelity-diversity.png'])
      expect(png(join(run, 'plots', f)).width).toBeGreaterThan(1000);
    const summary = JSON.parse(readFileSync(join(run, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ status: 'completed', step: 60, steps: 60, startStep: 0, backend: 'cpu' });
    expect(summary.metrics.mode_coverage_modes).toBeGreaterThanOrEqual(0);
    expect(summary.coverage.totalModes).toBe(8);
  });

  it('refuses to overwrite a run without --force, and resume of a finished run does nothing', async () => {
    const again = await runCliProcess('train', join(dir, 'ring.yaml'), '--out', run);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`already holds a run: continue it with "ganforge resume ${run}"`);
    const resume = await runCliProcess('resume', run);
    expect(resume.code).toBe(0);
    expect(resume.stdout).toContain('the run is at step 60 of 60: nothing to do');
    expect(existsSync(join(run, 'checkpoints/step-000060'))).toBe(true);
  });

  it('resume skips a corrupt checkpoint and continues from the last good one', async () => {
    const newest = join(run, 'checkpoints/step-000060');
    const file = readdirSync(newest).find((f) => f.startsWith('generator-params'))!;
    writeFileSync(join(newest, file), Buffer.alloc(8));
    const r = await runCliProcess('resume', run, '--steps', '70');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`warning: skipping checkpoint ${newest}`);
    expect(r.stdout).toContain('(step 30)');
    const steps = readFileSync(join(run, 'metrics.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).step);
    expect(steps).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(JSON.parse(readFileSync(join(run, 'summary.json'), 'utf8'))).toMatchObject({
      step: 70,
      startStep: 30,
    });
  });
});
