import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '@ganforge/cli';
import { describe, expect, it } from 'vitest';
import { pngSize, smokeTrain } from './smoke-helpers.js';

describe('examples/configs/time-series.yaml (a few steps)', () => {
  it('trains on 24-hour windows of the CSV and samples them back in the data units', async () => {
    const { run } = await smokeTrain('time-series.yaml', 4);
    const [w, h] = pngSize(join(run, 'plots/windows.png'));
    expect(w).toBeGreaterThan(1000);
    expect(h).toBeGreaterThan(400);
    const csv = join(run, 'days.csv');
    expect(await runCli(['sample', run, '-n', '3', '--out', csv])).toBe(0);
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('sample,step,temperature,load');
    expect(lines).toHaveLength(1 + 3 * 24);
    expect(lines[24 + 1].startsWith('1,0,')).toBe(true);
    // De-normalized: the values lie near the data's range (°C about 0…25, load about 30…90), not in [−1, 1].
    const loads = lines.slice(1).map((l) => Number(l.split(',')[3]));
    expect(Math.min(...loads)).toBeGreaterThan(10);
    expect(Math.max(...loads)).toBeLessThan(120);
  });
});
