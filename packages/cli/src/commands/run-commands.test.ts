import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../run-cli.js';
import { tinyRingConfig } from '../test-helpers.js';

// sample and eval in this process (runCli), on a 30-step run trained here.
const dir = mkdtempSync(join(tmpdir(), 'ganforge-commands-'));
const run = join(dir, 'run');

function captureStdout(): { text: () => string } {
  let text = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += chunk.toString();
    return true;
  });
  return { text: () => text };
}

describe('ganforge sample and eval', () => {
  beforeAll(async () => {
    writeFileSync(
      join(dir, 'ring.yaml'),
      tinyRingConfig(
        'steps: 30\ncheckpoint: { every: 15, keep: 2 }\nmetrics:\n  - { kind: mode-coverage, every: 0, samples: 500 }\n',
      ),
    );
    const out = captureStdout();
    const code = await runCli(['train', join(dir, 'ring.yaml'), '--out', run]);
    vi.restoreAllMocks();
    expect(code, out.text()).toBe(0);
  });
  afterEach(() => vi.restoreAllMocks());

  it('sample writes CSV rows in data units, the same for the same seed', async () => {
    captureStdout();
    const csv = join(dir, 'samples.csv');
    expect(await runCli(['sample', run, '-n', '100', '--out', csv])).toBe(0);
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('x,y');
    expect(lines).toHaveLength(101);
    expect(lines[1].split(',').map(Number).every(Number.isFinite)).toBe(true);
    expect(await runCli(['sample', run, '-n', '100', '--out', join(dir, 'again.csv')])).toBe(0);
    expect(readFileSync(join(dir, 'again.csv'), 'utf8')).toBe(readFileSync(csv, 'utf8'));
    expect(await runCli(['sample', run, '-n', '100', '--seed', '9', '--out', join(dir, 'other.csv')])).toBe(
      0,
    );
    expect(readFileSync(join(dir, 'other.csv'), 'utf8')).not.toBe(readFileSync(csv, 'utf8'));
  });

  it('sample writes a PNG plot from a chosen checkpoint, and refuses other file types with exit 2', async () => {
    const out = captureStdout();
    const png = join(dir, 'samples.png');
    expect(await runCli(['sample', run, '-n', '200', '--out', png, '--checkpoint', '15'])).toBe(0);
    expect(out.text()).toContain('step-000015');
    expect(PNG.sync.read(readFileSync(png)).width).toBeGreaterThan(840);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await runCli(['sample', run, '-n', '5', '--out', join(dir, 'x.txt')])).toBe(2);
    expect(String(stderr.mock.calls[0][0])).toContain('--out: expected a file ending in .png or .csv');
  });

  it('eval --json computes the configured metrics on the last checkpoint', async () => {
    const out = captureStdout();
    expect(await runCli(['eval', run, '--json'])).toBe(0);
    const line = out
      .text()
      .split('\n')
      .find((l) => l.includes('"metrics"'))!;
    const result = JSON.parse(line) as { step: number; metrics: Record<string, number> };
    expect(result.step).toBe(30);
    expect(Object.keys(result.metrics).sort()).toEqual([
      'mode_coverage_high_quality',
      'mode_coverage_modes',
      'mode_coverage_reverse_kl',
    ]);
    expect(result.metrics.mode_coverage_modes).toBeGreaterThanOrEqual(0);
    expect(result.metrics.mode_coverage_modes).toBeLessThanOrEqual(8);
  });

  it('eval prints a table of --metric kinds', async () => {
    const out = captureStdout();
    expect(await runCli(['eval', run, '--metric', 'mmd', '--checkpoint', '15'])).toBe(0);
    expect(out.text()).toMatch(/metrics of .*step-000015 \(step 15\)/);
    expect(out.text()).toMatch(/mmd_\w+ +-?\d/);
  });
});
