import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sweepReportCommand } from '../commands/sweep.js';
import { createReporter } from '../progress/reporter.js';
import type { SweepManifest } from './manifest.js';
import {
  aggregateRuns,
  collectRuns,
  formatReportTable,
  meanSd,
  reportColumns,
  reportCsv,
} from './report-table.js';

/** A sweep folder: lr ∈ {0.001, 0.003} × seeds {1, 2, 3}, with hand-picked final values; one run unfinished. */
function fakeSweep(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ganforge-report-'));
  const values: Record<string, [number, number]> = {
    '0.001-1': [1.0, 0.5],
    '0.001-2': [2.0, 0.7],
    '0.001-3': [3.0, 0.9],
    '0.003-1': [0.5, 0.25],
    '0.003-2': [1.5, 0.75],
  };
  const jobs = [0.001, 0.003].flatMap((lr) =>
    [1, 2, 3].map((seed) => ({ lr, seed, id: `h-lr=${lr}-seed=${seed}` })),
  );
  const manifest: SweepManifest = {
    format: 1,
    name: 'fake',
    sweepFile: '/x/fake.yaml',
    fields: ['optimizers.generator.lr'],
    jobs: jobs.map((j) => ({
      id: j.id,
      fields: { 'optimizers.generator.lr': j.lr },
      seed: j.seed,
      config: `configs/${j.id}.yaml`,
    })),
  };
  writeFileSync(join(dir, 'sweep.json'), JSON.stringify(manifest));
  for (const j of jobs) {
    const v = values[`${j.lr}-${j.seed}`];
    if (!v) continue;
    mkdirSync(join(dir, j.id));
    writeFileSync(
      join(dir, j.id, 'summary.json'),
      JSON.stringify({
        status: 'completed',
        startStep: 0,
        final: { g_loss: v[0], d_loss: 1.3 },
        metrics: { mode_coverage_modes: v[1] * 8 },
      }),
    );
  }
  return dir;
}

describe('ganforge sweep report', () => {
  it('mean and sample sd', () => {
    expect(meanSd([1, 2, 3])).toEqual({ mean: 2, sd: 1, n: 3 });
    expect(meanSd([4])).toEqual({ mean: 4, sd: 0, n: 1 });
  });

  it('groups runs by setting with mean ± sd over seeds, leaving out unfinished runs', () => {
    const dir = fakeSweep();
    const manifest = JSON.parse(readFileSync(join(dir, 'sweep.json'), 'utf8')) as SweepManifest;
    const runs = collectRuns(dir, manifest);
    expect(runs.filter((r) => r.status === 'missing').map((r) => r.id)).toEqual(['h-lr=0.003-seed=3']);
    const groups = aggregateRuns(runs);
    expect(groups.map((g) => [g.fields['optimizers.generator.lr'], g.seeds])).toEqual([
      [0.001, [1, 2, 3]],
      [0.003, [1, 2]],
    ]);
    expect(groups[0].stats.g_loss).toEqual({ mean: 2, sd: 1, n: 3 });
    expect(groups[1].stats.g_loss.mean).toBe(1);
    expect(groups[1].stats.g_loss.sd).toBeCloseTo(Math.SQRT1_2, 12);
    expect(groups[0].stats.mode_coverage_modes.mean).toBeCloseTo(5.6, 12);
    expect(groups[0].stats.d_loss).toEqual({ mean: 1.3, sd: 0, n: 3 });
    const columns = reportColumns(runs);
    expect(columns).toEqual(['g_loss', 'd_loss', 'mode_coverage_modes']);
    const table = formatReportTable(manifest.fields, groups, columns).split('\n');
    expect(table[0]).toMatch(/^optimizers\.generator\.lr\s+n\s+g_loss\s+d_loss\s+mode_coverage_modes$/);
    expect(table[2]).toMatch(/^0\.001\s+3\s+2 ± 1\s+1\.3 ± 0\s+5\.6 ± 1\.6$/);
    expect(table[3]).toMatch(/^0\.003\s+2\s+1 ± 0\.7071\s+1\.3 ± 0\s+4 ± 2\.828$/);
    const csv = reportCsv(manifest.fields, groups, columns).trim().split('\n');
    expect(csv[0]).toBe(
      'optimizers.generator.lr,n,seeds,g_loss_mean,g_loss_sd,d_loss_mean,d_loss_sd,mode_coverage_modes_mean,mode_coverage_modes_sd',
    );
    expect(csv[1]).toMatch(/^0\.001,3,1 2 3,2,1,1\.3,0,5\.6\d*,1\.6\d*$/);
  });

  it('takes the end-of-run mode coverage of mixture runs without a coverage metric', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ganforge-report-'));
    mkdirSync(join(dir, 'r'));
    writeFileSync(
      join(dir, 'r', 'summary.json'),
      JSON.stringify({
        status: 'completed',
        final: { g_loss: 0.7 },
        metrics: {},
        coverage: { modes: 7, totalModes: 8, highQuality: 0.9, reverseKl: null },
      }),
    );
    const manifest: SweepManifest = {
      format: 1,
      name: 'c',
      sweepFile: '',
      fields: [],
      jobs: [{ id: 'r', fields: {}, seed: 1, config: '' }],
    };
    expect(collectRuns(dir, manifest)[0].values).toEqual({
      g_loss: 0.7,
      coverage_modes: 7,
      coverage_high_quality: 0.9,
    });
  });

  it('prints the table and writes report.csv, report.json and a report.png comparison plot', async () => {
    const dir = fakeSweep();
    let out = '';
    let err = '';
    const reporter = createReporter('plain', {
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: (s: string) => (err += s) },
    });
    expect(await sweepReportCommand(dir, {}, reporter)).toBe(0);
    expect(err).toContain('1 of 6 runs have not completed (left out): h-lr=0.003-seed=3');
    expect(out).toMatch(/0\.001\s+3\s+2 ± 1/);
    const png = readFileSync(join(dir, 'report.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(5000);
    const json = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as {
      groups: unknown[];
      runs: unknown[];
    };
    expect(json.groups).toHaveLength(2);
    expect(json.runs).toHaveLength(6);
    expect(readFileSync(join(dir, 'report.csv'), 'utf8').split('\n')).toHaveLength(4);
  });
});
