import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../run-cli.js';
import { tinyRingConfig } from '../test-helpers.js';

// A run with a generator EMA: the summary says so, and sample/eval use the average unless
// --raw-weights. Trained here, in this process (runCli), for 20 steps.
const dir = mkdtempSync(join(tmpdir(), 'ganforge-ema-'));
const run = join(dir, 'run');

function captureStdout(): { text: () => string } {
  let text = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += chunk.toString();
    return true;
  });
  return { text: () => text };
}

describe('a run with ema', () => {
  beforeAll(async () => {
    writeFileSync(join(dir, 'ring.yaml'), tinyRingConfig('steps: 20\nema: { decay: 0.9, startStep: 5 }\n'));
    const out = captureStdout();
    const code = await runCli(['train', join(dir, 'ring.yaml'), '--out', run]);
    vi.restoreAllMocks();
    expect(code, out.text()).toBe(0);
    expect(out.text()).toContain("samples and metrics use the generator's EMA weights (decay 0.9");
  });
  afterEach(() => vi.restoreAllMocks());

  it('summary.json records the EMA settings', () => {
    const summary = JSON.parse(readFileSync(join(run, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ status: 'completed', step: 20, ema: { decay: 0.9, startStep: 5 } });
  });

  it('sample uses the average, --raw-weights the trained weights', async () => {
    const out = captureStdout();
    const ema = join(dir, 'ema.csv');
    const raw = join(dir, 'raw.csv');
    expect(await runCli(['sample', run, '-n', '50', '--out', ema])).toBe(0);
    expect(await runCli(['sample', run, '-n', '50', '--out', raw, '--raw-weights'])).toBe(0);
    expect(out.text()).toContain('(EMA weights)');
    expect(out.text()).toContain('(raw weights)');
    expect(readFileSync(ema, 'utf8')).not.toBe(readFileSync(raw, 'utf8'));
  });

  it('eval --json says which weights it scored', async () => {
    const out = captureStdout();
    expect(await runCli(['eval', run, '--metric', 'mmd', '--json'])).toBe(0);
    expect(await runCli(['eval', run, '--metric', 'mmd', '--json', '--raw-weights'])).toBe(0);
    const results = out
      .text()
      .split('\n')
      .filter((l) => l.includes('"metrics"'))
      .map((l) => JSON.parse(l) as { weights: string; metrics: Record<string, number> });
    expect(results.map((r) => r.weights)).toEqual(['ema', 'raw']);
    expect(results[0].metrics).not.toEqual(results[1].metrics);
  });
});
