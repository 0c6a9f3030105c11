import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '@ganforge/cli';
import { describe, expect, it } from 'vitest';
import { generateAccounts } from '../../../examples/configs/data/tables/generate-accounts.js';
import { CONFIGS, smokeTrain } from './smoke-helpers.js';

// Every table example config trains a few steps through the CLI (the copula fits in its one
// step), and `ganforge sample` writes rows in the table's own columns: the original header,
// categories within the seen set, integers as integers.
const PENGUINS = [
  'species',
  'island',
  'bill_length_mm',
  'bill_depth_mm',
  'flipper_length_mm',
  'body_mass_g',
  'sex',
  'year',
];
const WEATHER = ['date', 'precipitation', 'temp_max', 'temp_min', 'wind', 'weather'];
const ACCOUNTS = ['region', 'age', 'income', 'has_card', 'debt', 'opened', 'score'];

/** Cells of a CSV whose cells hold no commas (quotes stripped). */
function cells(text: string): string[][] {
  return text
    .trim()
    .split('\n')
    .map((l) => l.split(',').map((c) => c.replace(/^"(.*)"$/, '$1')));
}

function expectRowsLike(
  csv: string,
  file: string,
  columns: readonly string[],
  categorical: readonly string[],
) {
  const [header, ...rows] = cells(readFileSync(csv, 'utf8'));
  expect(header).toEqual(columns);
  expect(rows).toHaveLength(5);
  const [realHeader, ...real] = cells(readFileSync(join(CONFIGS, 'data/tables', file), 'utf8'));
  for (const column of categorical) {
    const i = realHeader.indexOf(column);
    const seen = new Set(real.map((r) => r[i]));
    for (const row of rows) expect(seen, `${column} = ${row[i]}`).toContain(row[i]);
  }
}

describe('examples/configs: tables (a few steps each)', () => {
  for (const [name, file, columns, categorical] of [
    ['table-penguins.yaml', 'penguins.csv', PENGUINS, ['species', 'island']],
    ['table-weather.yaml', 'seattle-weather.csv', WEATHER, ['weather']],
    ['table-accounts.yaml', 'accounts.csv', ACCOUNTS, ['region']],
    ['ctgan-penguins.yaml', 'penguins.csv', PENGUINS, ['species', 'island', 'year']],
    ['ctgan-accounts.yaml', 'accounts.csv', ACCOUNTS, ['region']],
    ['ctgan-weather.yaml', 'seattle-weather.csv', WEATHER, ['weather']],
  ] as const) {
    it(name, async () => {
      const { run } = await smokeTrain(name, 2);
      const csv = join(run, 'samples.csv');
      expect(await runCli(['sample', run, '-n', '5', '--out', csv])).toBe(0);
      expectRowsLike(csv, file, columns, categorical);
    });
  }

  it('copula-penguins.yaml: the one-line Gaussian copula fits in one step and samples rows', async () => {
    const run = join(mkdtempSync(join(tmpdir(), 'ganforge-smoke-copula-')), 'run');
    expect(await runCli(['train', join(CONFIGS, 'copula-penguins.yaml'), '--out', run])).toBe(0);
    expect(existsSync(join(run, 'checkpoints/step-000001'))).toBe(true);
    const csv = join(run, 'samples.csv');
    expect(await runCli(['sample', run, '-n', '5', '--out', csv])).toBe(0);
    expectRowsLike(csv, 'penguins.csv', PENGUINS, ['species', 'island', 'year']);
  });

  it('data/tables/accounts.csv is what generate-accounts.ts writes (seeded)', () => {
    expect(generateAccounts()).toBe(readFileSync(join(CONFIGS, 'data/tables/accounts.csv'), 'utf8'));
  });
});
