import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataError, Rng } from '@ganforge/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { slidingWindows } from '../table/sliding-windows.js';
import { csv, readNormalization, windows } from './csv-sources.js';
import { exportCsv } from './export-samples.js';
import { readNumericCsv } from './read-csv.js';

const dir = mkdtempSync(join(tmpdir(), 'ganforge-csv-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const table = file('table.csv', 'price,volume,kind\n10,100,b\n20,300,a\n30,200,b\n40,400,a\n');

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('CSV tables', () => {
  it('reads numeric columns and a label column (classes = sorted distinct values)', () => {
    const t = readNumericCsv(table, { labelColumn: 'kind' });
    expect(t.columns).toEqual(['price', 'volume']);
    expect(Array.from(t.values)).toEqual([10, 100, 20, 300, 30, 200, 40, 400]);
    expect(t.classNames).toEqual(['a', 'b']);
    expect(Array.from(t.labels!)).toEqual([1, 0, 1, 0]);
  });

  it('normalizes to [−1, 1] per column, saves the statistics and export inverts them exactly', () => {
    const statsPath = join(dir, 'run', 'normalization.json');
    const source = csv({ path: table, labelColumn: 'kind', saveNormalization: statsPath });
    expect(source.sampleShape).toEqual([2]);
    expect(source.numClasses).toBe(2);
    // price: offset 25, scale 15 → 10 ↦ −1, 40 ↦ 1; volume: offset 250, scale 150
    expect(Array.from(source.values)).toEqual([-1, -1, -1 / 3, 1 / 3, 1 / 3, -1 / 3, 1, 1].map(Math.fround));
    const stats = readNormalization(statsPath);
    expect(stats).toEqual({
      method: 'minmax',
      columns: ['price', 'volume'],
      offset: [25, 250],
      scale: [15, 150],
    });
    const batch = source.sampler(new Rng(1)).next(4);
    const out = join(dir, 'export', 'rows.csv');
    expect(exportCsv(out, batch.x, { normalization: stats })).toBe(4);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('price,volume');
    expect(lines.slice(1).sort()).toEqual(['10,100', '20,300', '30,200', '40,400']);
    tf.dispose([batch.x, batch.labels!]);
    // reuse saved statistics on new data: 55 ↦ (55 − 25)/15 = 2
    const more = file('more.csv', 'price,volume\n55,250\n');
    expect(Array.from(csv({ path: more, normalization: { file: statsPath } }).values)).toEqual([2, 0]);
  });

  it('standard normalization uses the mean and population sd', () => {
    const s = csv({ path: table, columns: ['price'], normalization: 'standard' });
    // mean 25, sd √125 = 11.18
    expect(s.normalization.offset[0]).toBe(25);
    expect(s.normalization.scale[0]).toBeCloseTo(Math.sqrt(125), 10);
  });

  it('bad input names file, row, line and column', () => {
    expect(() => csv({ path: join(dir, 'missing.csv') })).toThrow(
      /cannot read data file '.*missing\.csv': no such file/,
    );
    expect(() => csv({ path: file('empty.csv', '') })).toThrow(/empty\.csv': the file is empty/);
    expect(() => csv({ path: file('header-only.csv', 'a,b\n') })).toThrow(/no data rows/);
    const nonNumeric = file('non-numeric.csv', 'a,b\n1,2\n3,abc\n');
    expect(() => csv({ path: nonNumeric })).toThrow(DataError);
    expect(() => csv({ path: nonNumeric })).toThrow(
      /non-numeric\.csv', row 2 \(line 3\), column 'b': 'abc' is not a number/,
    );
    expect(() => csv({ path: file('blank-cell.csv', 'a,b\n1,\n') })).toThrow(
      /row 1 \(line 2\), column 'b': empty cell/,
    );
    expect(() => csv({ path: file('ragged.csv', 'a,b\n1,2\n3,4,5\n') })).toThrow(
      /ragged\.csv', row 2 \(line 3\): 3 fields, the header has 2/,
    );
    expect(() => csv({ path: file('short.csv', 'a,b\n1\n') })).toThrow(
      /row 1 \(line 2\): 1 fields, the header has 2/,
    );
    expect(() => csv({ path: table, columns: ['price', 'cost'] })).toThrow(
      /no column 'cost' \(columns: price, volume, kind\)/,
    );
    expect(() =>
      readNormalization(file('bad-stats.json', '{"columns":["a"],"offset":[],"scale":[1]}')),
    ).toThrow(/not normalization statistics/);
  });
});

describe('sliding windows over a time series', () => {
  it('cuts ⌊(rows − window)/stride⌋ + 1 windows of consecutive rows', () => {
    // 5 rows × 2 columns: row t = (t, 10t)
    const series = [0, 0, 1, 10, 2, 20, 3, 30, 4, 40];
    expect(Array.from(slidingWindows(series, 2, 3, 1))).toEqual([
      0, 0, 1, 10, 2, 20, 1, 10, 2, 20, 3, 30, 2, 20, 3, 30, 4, 40,
    ]);
    expect(slidingWindows(series, 2, 2, 2)).toHaveLength(2 * 2 * 2);
    expect(() => slidingWindows(series, 2, 6, 1)).toThrow(/window of 6 rows does not fit a series of 5 rows/);
  });

  it('a windows source from CSV: samples [window, columns], export per step in the data’s units', () => {
    const rows = Array.from({ length: 30 }, (_, t) => `${t},${100 + 2 * t}`).join('\n');
    const path = file('series.csv', `day,rate\n${rows}\n`);
    const source = windows({ path, window: 5, stride: 5 });
    expect(source.sampleShape).toEqual([5, 2]);
    expect(source.size).toBe(6);
    const batch = source.sampler(new Rng(2)).next(2);
    const out = join(dir, 'windows.csv');
    expect(exportCsv(out, batch.x, { normalization: source.normalization })).toBe(10);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('sample,step,day,rate');
    // every exported step satisfies rate = 100 + 2·day and consecutive steps are consecutive days
    const parsed = lines.slice(1).map((l) => l.split(',').map(Number));
    for (const [, , day, rate] of parsed) expect(rate).toBeCloseTo(100 + 2 * day, 4);
    for (let i = 1; i < 5; i++) expect(parsed[i][2] - parsed[i - 1][2]).toBeCloseTo(1, 4);
    tf.dispose(batch.x);
  });
});
