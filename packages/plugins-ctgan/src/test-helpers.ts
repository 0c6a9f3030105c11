import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Rng } from '@ganforge/core';
import {
  tableSource,
  typeTable,
  type ColumnLayout,
  type OutputSpan,
  type TableLayout,
  type TableSource,
} from '@ganforge/data';

/** The header of {@link tinyTableRecords}. */
export const TINY_HEADER = ['color', 'member', 'amount', 'size'];

/**
 * `rows` seeded rows of a small mixed-type table: color (categorical red 60 %, green 30 %,
 * blue 10 %), member (yes/no, boolean), amount (zero-inflated: 0 on 40 % of the rows, else
 * 10–60 with two decimals: a mixed column), size (continuous, around 2 for red, 5 for green, 9
 * for blue).
 */
export function tinyTableRecords(rows = 200, seed = 5): string[][] {
  const rng = new Rng(seed, 'tiny-table');
  return Array.from({ length: rows }, () => {
    const u = rng.next();
    const color = u < 0.6 ? 'red' : u < 0.9 ? 'green' : 'blue';
    const member = rng.next() < 0.5 ? 'yes' : 'no';
    const amount = rng.next() < 0.4 ? '0' : (10 + 50 * rng.next()).toFixed(2);
    const centre = color === 'red' ? 2 : color === 'green' ? 5 : 9;
    const size = (centre + 0.5 * rng.normal()).toFixed(3);
    return [color, member, amount, size];
  });
}

/** The tiny table as a table source (transforms fitted with `seed`). */
export function tinyTableSource(rows = 200, seed = 5): TableSource {
  return tableSource(typeTable(TINY_HEADER, tinyTableRecords(rows, seed), { file: 'tiny.csv' }), { seed });
}

/** Writes the tiny table as `tiny.csv` in `dir` and returns its path. */
export function writeTinyTableCsv(dir: string, rows = 200, seed = 5): string {
  const path = join(dir, 'tiny.csv');
  const lines = [TINY_HEADER, ...tinyTableRecords(rows, seed)].map((r) => r.join(','));
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/**
 * A hand-made layout of width 9: a min-max column `a` [0], categorical `b` (x, y, missing)
 * [1–3], mode-specific `c` (α [4], two modes [5–6]), boolean `d` (false, true) [7–8].
 */
export function handLayout(): TableLayout {
  const spans: OutputSpan[] = [
    { kind: 'continuous', column: 'a', start: 0, width: 1, activation: 'tanh', role: 'scaled' },
    {
      kind: 'one-hot',
      column: 'b',
      start: 1,
      width: 3,
      activation: 'softmax',
      role: 'category',
      labels: ['x', 'y', '<missing>'],
    },
    { kind: 'continuous', column: 'c', start: 4, width: 1, activation: 'tanh', role: 'mode-offset' },
    {
      kind: 'one-hot',
      column: 'c',
      start: 5,
      width: 2,
      activation: 'softmax',
      role: 'mode',
      labels: ['mode 0', 'mode 1'],
    },
    {
      kind: 'one-hot',
      column: 'd',
      start: 7,
      width: 2,
      activation: 'softmax',
      role: 'category',
      labels: ['false', 'true'],
    },
  ];
  const column = (name: string, type: ColumnLayout['type'], transform: ColumnLayout['transform']) => {
    const own = spans.filter((s) => s.column === name);
    const width = own.reduce((a, s) => a + s.width, 0);
    return { column: name, type, transform, start: own[0].start, width, spans: own };
  };
  return {
    width: 9,
    columns: [
      column('a', 'continuous', 'min-max'),
      column('b', 'categorical', 'one-hot'),
      column('c', 'continuous', 'mode-specific'),
      column('d', 'boolean', 'one-hot'),
    ],
    spans,
  };
}

/**
 * Encoded rows of {@link handLayout}: row r has b = r mod 3, c's mode = r mod 2, d = 1 when
 * r mod 5 = 0 (so 10 rows: b counts 4, 3, 3; d counts 8, 2); a = α = r/10.
 */
export function handRows(rows = 10): Float32Array {
  const v = new Float32Array(rows * 9);
  for (let r = 0; r < rows; r++) {
    v[r * 9] = r / 10;
    v[r * 9 + 1 + (r % 3)] = 1;
    v[r * 9 + 4] = r / 10;
    v[r * 9 + 5 + (r % 2)] = 1;
    v[r * 9 + 7 + (r % 5 === 0 ? 1 : 0)] = 1;
  }
  return v;
}
