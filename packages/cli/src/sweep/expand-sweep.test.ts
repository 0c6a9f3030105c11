import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@ganforge/core';
import { describe, expect, it } from 'vitest';
import { expandSweep } from './expand-sweep.js';
import { loadSweep, readSweepFile } from './read-sweep.js';

const BASE = {
  seed: 0,
  backend: 'cpu',
  data: { kind: 'csv', path: 'points.csv' },
  generator: { kind: 'mlp', hidden: [8] },
  discriminator: { kind: 'mlp', hidden: [8] },
  optimizers: { generator: { lr: 0.001 }, discriminator: { lr: 0.001 } },
  steps: 10,
};
const load = (sweep: Record<string, unknown>) =>
  loadSweep({ base: BASE, ...sweep }, '/sweeps/s.yaml', '/sweeps');
const issueOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return { message: (e as ConfigError).message, path: (e as ConfigError).issues[0].path };
  }
  throw new ConfigError('expected an error', '');
};

describe('sweep files', () => {
  it('a grid runs every combination × every seed, the first field slowest, with the values set in each config', () => {
    const plan = expandSweep(
      load({
        name: 'lr-grid',
        set: { steps: 50 },
        grid: {
          'optimizers.generator.lr': [0.001, 0.003],
          'loss.kind': ['non-saturating', 'hinge', 'least-squares'],
        },
        seeds: [1, 2],
      }),
    );
    expect(plan.name).toBe('lr-grid');
    expect(plan.jobs).toHaveLength(12);
    expect(plan.dropped).toBe(0);
    expect(plan.fields).toEqual(['optimizers.generator.lr', 'loss.kind']);
    expect(plan.jobs.slice(0, 3).map((j) => [j.fields['loss.kind'], j.seed])).toEqual([
      ['non-saturating', 1],
      ['non-saturating', 2],
      ['hinge', 1],
    ]);
    const last = plan.jobs[11];
    expect(last.config).toMatchObject({
      seed: 2,
      steps: 50,
      loss: { kind: 'least-squares' },
      optimizers: { generator: { lr: 0.003 }, discriminator: { lr: 0.001 } },
      data: { kind: 'csv', path: '/sweeps/points.csv' },
    });
    expect(BASE.optimizers.generator.lr).toBe(0.001);
    expect(new Set(plan.jobs.map((j) => j.id)).size).toBe(12);
  });

  it('maxRuns caps the jobs and counts those left out; no grid means the base config once per seed', () => {
    const capped = expandSweep(
      load({ grid: { 'optimizers.generator.lr': [1, 2, 3, 4] }, seeds: [1, 2, 3], maxRuns: 5 }),
    );
    expect(capped.jobs).toHaveLength(5);
    expect(capped.dropped).toBe(7);
    const seedsOnly = expandSweep(load({ seeds: [4, 5] }));
    expect(seedsOnly.jobs.map((j) => [j.seed, j.fields])).toEqual([
      [4, {}],
      [5, {}],
    ]);
    expect(expandSweep(load({})).jobs.map((j) => j.seed)).toEqual([0]);
  });

  it('a random search is seeded: the same draws every time, others with another seed, inside its ranges', () => {
    const random = (seed: number) => ({
      random: {
        samples: 20,
        seed,
        fields: {
          'optimizers.generator.lr': { min: 1e-4, max: 1e-2, log: true },
          batchSize: { min: 16, max: 128, integer: true },
          'loss.kind': { values: ['hinge', 'least-squares'] },
        },
      },
    });
    const a = expandSweep(load(random(7)));
    const b = expandSweep(load(random(7)));
    const c = expandSweep(load(random(8)));
    expect(a.jobs).toHaveLength(20);
    expect(a.jobs.map((j) => j.id)).toEqual(b.jobs.map((j) => j.id));
    expect(a.jobs.map((j) => j.fields['optimizers.generator.lr'])).not.toEqual(
      c.jobs.map((j) => j.fields['optimizers.generator.lr']),
    );
    const lrs = a.jobs.map((j) => j.fields['optimizers.generator.lr'] as number);
    expect(Math.min(...lrs)).toBeGreaterThanOrEqual(1e-4);
    expect(Math.max(...lrs)).toBeLessThanOrEqual(1e-2);
    // log-uniform: about half the draws below the geometric middle 1e-3
    expect(lrs.filter((x) => x < 1e-3).length).toBeGreaterThanOrEqual(5);
    expect(lrs.filter((x) => x < 1e-3).length).toBeLessThanOrEqual(15);
    expect(a.jobs.every((j) => Number.isInteger(j.fields.batchSize))).toBe(true);
    expect(new Set(a.jobs.map((j) => j.fields['loss.kind']))).toEqual(new Set(['hinge', 'least-squares']));
  });

  it('a bad field is a ConfigError naming its path in the sweep file', () => {
    expect(issueOf(() => load({ grid: { 'optimizers.generator.lr': 0.001 } }))).toMatchObject({
      path: 'grid["optimizers.generator.lr"]',
    });
    expect(issueOf(() => load({ seeds: [1, 'two'] })).path).toBe('seeds[1]');
    const unknown = issueOf(() => load({ grdi: { steps: [1] } }));
    expect(unknown.message).toContain('grdi');
    expect(issueOf(() => load({ random: { samples: 2, fields: { x: { min: 2, max: 1 } } } })).path).toBe(
      'random.fields.x',
    );
    expect(issueOf(() => load({ grid: { x: [1] }, random: { samples: 1, fields: {} } })).path).toBe('random');
    expect(issueOf(() => load({ maxRuns: 0 })).message).toMatch(/maxRuns: Too small/i);
  });

  it('reads a YAML sweep file whose base is a config path relative to it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ganforge-sweepfile-'));
    writeFileSync(
      join(dir, 'base.yaml'),
      'seed: 3\nbackend: cpu\ndata: { kind: csv, path: data/x.csv }\nsteps: 10\n',
    );
    writeFileSync(join(dir, 'grid.yaml'), 'base: base.yaml\ngrid:\n  batchSize: [32, 64]\n');
    const loaded = readSweepFile(join(dir, 'grid.yaml'));
    expect(loaded.name).toBe('grid');
    const plan = expandSweep(loaded);
    expect(plan.jobs.map((j) => [j.config.batchSize, j.seed])).toEqual([
      [32, 3],
      [64, 3],
    ]);
    expect(plan.jobs[0].config.data).toEqual({ kind: 'csv', path: join(dir, 'data/x.csv') });
    expect(issueOf(() => readSweepFile(join(dir, 'missing.yaml'))).message).toContain(
      'cannot read sweep file',
    );
  });
});
