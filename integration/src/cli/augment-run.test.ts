import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '@ganforge/cli';
import { describe, expect, it } from 'vitest';

// ADA through the command line: `ganforge train` loads @ganforge/plugin-augment from the config,
// logs augment_p and augment_rt to metrics.jsonl, writes plots/augment.png and says in
// summary.json that augmentation was on.
describe('ganforge train with adaptive augmentation', () => {
  it('logs p and r_t every step, plots them and records the augment block', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ganforge-ada-'));
    const config = join(dir, 'ada.yaml');
    writeFileSync(
      config,
      [
        'seed: 2',
        'backend: cpu',
        'data: { kind: mnist, split: train }',
        'loss: { kind: non-saturating }',
        'generator: { kind: mlp, hidden: [16], outputActivation: tanh }',
        'discriminator: { kind: mlp, hidden: [16] }',
        'latentDim: 8',
        'batchSize: 8',
        'steps: 6',
        'logEvery: 1',
        'augment: { kind: ada, interval: 1, rampImages: 80, target: 0.6 }',
        "plugins: ['@ganforge/plugin-augment']",
      ].join('\n'),
    );
    const run = join(dir, 'run');
    expect(await runCli(['train', config, '--out', run, '--sample-every', '3'])).toBe(0);
    const rows = readFileSync(join(run, 'metrics.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, number>);
    expect(rows.map((r) => r.step)).toEqual([1, 2, 3, 4, 5, 6]);
    // Δp = 8 · 1 / 80 = 0.1 per D update.
    for (const r of rows) {
      expect(Math.round(r.augment_p * 10) / 10).toBeCloseTo(r.augment_p, 5);
      expect(Math.abs(r.augment_rt)).toBeLessThanOrEqual(1);
    }
    expect(existsSync(join(run, 'plots/augment.png'))).toBe(true);
    const summary = JSON.parse(readFileSync(join(run, 'summary.json'), 'utf8')) as Record<string, unknown>;
    expect(summary.augment).toMatchObject({ kind: 'ada', target: 0.6, interval: 1 });
    expect(summary.files).toContain(join(run, 'plots/augment.png'));
    expect(typeof (summary.final as Record<string, number>).augment_p).toBe('number');
  });
});
