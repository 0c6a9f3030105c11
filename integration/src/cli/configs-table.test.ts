import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '@ganforge/cli';
import { table, type TableOptions } from '@ganforge/data/node';
import { describe, expect, it } from 'vitest';
import { generateAccounts } from '../../../examples/configs/data/tables/generate-accounts.js';
import { CONFIGS, smokeTrain } from './smoke-helpers.js';

// Every table example config trains a few steps through the CLI, samples from its checkpoint, and
// the samples decode into rows through the source's transforms.
describe('examples/configs: tables (a few steps each)', () => {
  for (const [name, columns] of [
    [
      'table-penguins.yaml',
      [
        'species',
        'island',
        'bill_length_mm',
        'bill_depth_mm',
        'flipper_length_mm',
        'body_mass_g',
        'sex',
        'year',
      ],
    ],
    ['table-weather.yaml', ['date', 'precipitation', 'temp_max', 'temp_min', 'wind', 'weather']],
    ['table-accounts.yaml', ['region', 'age', 'income', 'has_card', 'debt', 'opened', 'score']],
  ] as const) {
    it(name, async () => {
      const { run } = await smokeTrain(name);
      const csv = join(run, 'samples.csv');
      expect(await runCli(['sample', run, '-n', '5', '--out', csv])).toBe(0);
      const { data } = JSON.parse(readFileSync(join(run, 'resolved-config.json'), 'utf8')) as {
        data: TableOptions & { kind: string };
      };
      const { kind, ...options } = data;
      expect(kind).toBe('table');
      const source = table(options);
      // `ganforge sample` writes the encoded rows (the CLI does not decode tables yet); decode them here
      const values = readFileSync(csv, 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .flatMap((l) => l.split(',').map(Number));
      expect(values).toHaveLength(5 * source.layout.width);
      const rows = source.decode(values);
      expect(rows).toHaveLength(5);
      for (const row of rows) expect(Object.keys(row)).toEqual(columns);
    });
  }

  it('data/tables/accounts.csv is what generate-accounts.ts writes (seeded)', () => {
    expect(generateAccounts()).toBe(readFileSync(join(CONFIGS, 'data/tables/accounts.csv'), 'utf8'));
  });
});
