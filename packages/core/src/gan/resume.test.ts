import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const worker = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'resume-worker.ts');

function run(mode: string, steps: number, ckpt: string, out: string, variant = ''): Record<string, unknown> {
  execFileSync(
    process.execPath,
    ['--import', 'tsx', '--conditions=@ganforge/source', worker, mode, String(steps), ckpt, out, variant],
    {
      stdio: 'pipe',
    },
  );
  return JSON.parse(readFileSync(out, 'utf8'));
}

describe('exact resume', () => {
  it('2N steps == N steps, checkpoint, load in a fresh process, N more: bit for bit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gf-resume-'));
    const ckpt = join(dir, 'ckpt');
    const n = 25;
    const full = run('full', n, ckpt, join(dir, 'full.json'));
    run('first', n, ckpt, join(dir, 'first.json'));
    const resumed = run('second', n, ckpt, join(dir, 'second.json'));
    expect(full.step).toBe(2 * n);
    expect(resumed.step).toBe(2 * n);
    expect(resumed.losses).toEqual(full.losses);
    expect(resumed.generator).toEqual(full.generator);
    expect(resumed.discriminator).toEqual(full.discriminator);
    expect(resumed.optimizers).toEqual(full.optimizers);
    expect(Object.keys(full.optimizers as object).sort()).toEqual([
      'optimizer/discriminator',
      'optimizer/generator',
    ]);
    expect(resumed.sample).toEqual(full.sample);
  });

  it('with a generator EMA: the average resumes bit for bit too, and samples come from it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gf-resume-ema-'));
    const ckpt = join(dir, 'ckpt');
    const n = 10;
    const full = run('full', n, ckpt, join(dir, 'full.json'), 'ema');
    run('first', n, ckpt, join(dir, 'first.json'), 'ema');
    const resumed = run('second', n, ckpt, join(dir, 'second.json'), 'ema');
    expect(resumed.step).toBe(2 * n);
    expect(resumed.losses).toEqual(full.losses);
    expect(resumed.generator).toEqual(full.generator);
    expect(resumed.discriminator).toEqual(full.discriminator);
    expect(resumed.optimizers).toEqual(full.optimizers);
    expect(full.ema).not.toBeNull();
    expect(resumed.ema).toEqual(full.ema);
    expect(resumed.sample).toEqual(full.sample);
    expect(resumed.rawSample).toEqual(full.rawSample);
    expect(full.sample).not.toEqual(full.rawSample);
  });
});
