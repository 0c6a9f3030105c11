import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '@ganforge/cli';
import { describe, expect, it } from 'vitest';
import { CONFIGS, pngSize } from './smoke-helpers.js';

describe('ganforge sample --labels on a conditional run (cgan-mnist.yaml, 2 steps)', () => {
  it('writes a PNG grid of the requested digit and a CSV with a label column', async () => {
    const run = join(mkdtempSync(join(tmpdir(), 'ganforge-labels-')), 'run');
    expect(await runCli(['train', join(CONFIGS, 'cgan-mnist.yaml'), '--out', run, '--steps', '2'])).toBe(0);
    const png = join(run, 'sevens.png');
    expect(await runCli(['sample', run, '-n', '16', '--labels', '7', '--out', png])).toBe(0);
    expect(pngSize(png)).toEqual([4 * 58 + 2, 4 * 58 + 2]);
    const csv = join(run, 'digits.csv');
    expect(await runCli(['sample', run, '-n', '5', '--labels', '1,2', '--out', csv])).toBe(0);
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0].split(',').slice(0, 3)).toEqual(['label', 'p0', 'p1']);
    expect(lines[0].split(',')).toHaveLength(785);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['1', '2', '1', '2', '1']);
    expect(await runCli(['sample', run, '-n', '5', '--labels', '12', '--out', csv])).toBe(2);
  });
});
