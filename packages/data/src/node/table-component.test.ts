import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, createGan, DataError } from '@ganforge/core';
import { expectNoTensorLeak, testingPlugin } from '@ganforge/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TableSource } from '../tabular/table-source.js';
import { dataPlugin } from './node-plugin.js';
import { readCsvCells } from './read-table-csv.js';
import { table } from './table-component.js';

const dir = mkdtempSync(join(tmpdir(), 'ganforge-table-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const TABLES = new URL('../../../../examples/configs/data/tables/', import.meta.url).pathname;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('reading CSV cells', () => {
  it('quoted fields, escaped quotes, a field over two lines, a BOM and blank lines; the line of each row', () => {
    const path = file(
      'quoted.csv',
      '\uFEFFname,note\n"Smith, J.","said ""hi"""\n\n"Lee","two\nlines"\nKim,ok\n',
    );
    const cells = readCsvCells(path);
    expect(cells.header).toEqual(['name', 'note']);
    expect(cells.records).toEqual([
      ['Smith, J.', 'said "hi"'],
      ['Lee', 'two\nlines'],
      ['Kim', 'ok'],
    ]);
    expect(Array.from(cells.lines)).toEqual([2, 4, 6]);
    expect(readCsvCells(file('semi.csv', 'a;b\n1;2\n'), ';').records).toEqual([['1', '2']]);
    expect(() => readCsvCells(file('open-quote.csv', 'a,b\n"1,2\n'))).toThrow(
      /open-quote\.csv': cannot parse CSV/,
    );
    expect(() => readCsvCells(file('empty.csv', ''))).toThrow(/empty\.csv': the file is empty/);
  });
});

describe('the table source from a CSV file', () => {
  const people = file(
    'people.csv',
    'age,city,member\n34,Oslo,yes\n?,"Bergen",no\n51,,yes\n27,Oslo,NA\n45,Oslo,no\n',
  );

  it('types the cells with the configured missing tokens and round-trips every row', () => {
    const source = table({ path: people });
    expect(source.schema.map((c) => c.type)).toEqual(['integer', 'categorical', 'boolean']);
    expect(source.decode(source.values)).toEqual([
      { age: 34, city: 'Oslo', member: true },
      { age: null, city: 'Bergen', member: false },
      { age: 51, city: null, member: true },
      { age: 27, city: 'Oslo', member: null },
      { age: 45, city: 'Oslo', member: false },
    ]);
    // with only '?' missing, '' and 'NA' are categories and 'member' is no longer boolean
    const strict = table({ path: people, missing: ['?'] });
    expect(strict.schema.map((c) => c.type)).toEqual(['integer', 'categorical', 'categorical']);
  });

  it('errors name file, row (header = row 1), line and column', () => {
    const ragged = file('ragged.csv', 'a,b\n1,2\n\n3,4,5\n');
    expect(() => table({ path: ragged })).toThrow(DataError);
    expect(() => table({ path: ragged })).toThrow(`'${ragged}', row 3 (line 4): 3 fields, the header has 2`);
    expect(() => table({ path: people, columns: { city: { type: 'continuous' } } })).toThrow(ConfigError);
    expect(() => table({ path: people, columns: { city: { type: 'continuous' } } })).toThrow(
      `data.columns.city: the override says continuous, but '${people}', row 2 (line 2) holds 'Oslo', which is not a number (the cells look categorical)`,
    );
    const blank = file('blank.csv', 'a,b\n1,\n2,NA\n');
    expect(() => table({ path: blank })).toThrow(
      `'${blank}', rows 2–3, column 'b': every cell is missing ('', 'NA', '?'); leave it out with exclude: [b]`,
    );
    expect(table({ path: blank, exclude: ['b'] }).sampleShape).toEqual([2]); // masses 1 and 2, no α
    expect(() => table({ path: people, columns: { city: { categories: ['Oslo'] } } })).toThrow(
      `'${people}', row 3 (line 3), column 'city': unknown category 'Bergen' (the config lists Oslo)`,
    );
  });
});

describe('the example tables', () => {
  it('penguins.csv (CC0): missing values in five columns come back as missing, every row round-trips', () => {
    const source = table({ path: join(TABLES, 'penguins.csv') });
    expect(source.size).toBe(344);
    const kinds = Object.fromEntries(
      source.layout.columns.map((c) => [c.column, `${c.type}/${c.transform}`]),
    );
    expect(kinds).toEqual({
      species: 'categorical/one-hot',
      island: 'categorical/one-hot',
      bill_length_mm: 'continuous/mixed',
      bill_depth_mm: 'continuous/mixed',
      flipper_length_mm: 'integer/mixed',
      body_mass_g: 'integer/mixed',
      sex: 'categorical/one-hot',
      year: 'integer/mixed',
    });
    const cells = readCsvCells(join(TABLES, 'penguins.csv'));
    const rows = source.decode(source.values);
    cells.records.forEach((record, i) => {
      const back = cells.header.map((name) => rows[i][name] ?? 'NA').map(String);
      expect(back).toEqual(record.map((c) => (/^\d+\.0$/.test(c) ? String(Number(c)) : c)));
    });
    expect(rows.filter((r) => r.sex === null)).toHaveLength(11);
  });

  it('seattle-weather.csv (NOAA): the zero-inflated precipitation keeps its mass at 0, dates stay dates', () => {
    const source = table({ path: join(TABLES, 'seattle-weather.csv') });
    const precipitation = source.layout.columns.find((c) => c.column === 'precipitation')!;
    expect(precipitation.transform).toBe('mixed');
    expect(precipitation.spans[1]).toMatchObject({ role: 'mixed', labels: expect.arrayContaining(['=0']) });
    const rows = source.decode(source.values);
    expect(rows.filter((r) => r.precipitation === 0)).toHaveLength(838);
    expect(rows[0]).toEqual({
      date: '2012-01-01',
      precipitation: 0,
      temp_max: 12.8,
      temp_min: 5,
      wind: 4.7,
      weather: 'drizzle',
    });
    expect(rows.at(-1)!.date).toBe('2015-12-31');
  });
});

describe('the table component inside a GAN', () => {
  it('trains 50 steps with finite losses and no tensor leak; samples decode into valid rows', async () => {
    const path = join(TABLES, 'accounts.csv');
    const gan = await createGan(
      {
        seed: 2,
        backend: 'cpu',
        data: { kind: 'table', path, heldOut: 0.1 },
        generator: { kind: 'tiny-mlp', hidden: [32] },
        discriminator: { kind: 'tiny-mlp', hidden: [32] },
        loss: { kind: 'testing-non-saturating' },
        latentDim: 8,
        batchSize: 32,
        steps: 50,
      },
      { plugins: [testingPlugin(), dataPlugin()] },
    );
    const source = gan.data as TableSource;
    expect(source.sampleShape).toEqual([source.layout.width]);
    expect(source.heldOut!.size).toBe(150);
    const losses: number[] = [];
    await expectNoTensorLeak(
      () => {
        const logs = gan.step();
        losses.push(logs.g_loss, logs.d_loss_real, logs.d_loss_fake);
      },
      { checkpoints: [10, 30, 50] },
    );
    expect(losses).toHaveLength(150);
    expect(losses.every(Number.isFinite)).toBe(true);
    const x = gan.sample({ n: 200 });
    const rows = source.decode(x);
    x.dispose();
    expect(rows).toHaveLength(200);
    for (const r of rows) {
      expect(['east', 'north', 'south', 'west']).toContain(r.region);
      expect(Number.isInteger(r.age)).toBe(true);
      expect(r.age as number).toBeGreaterThanOrEqual(18);
      expect(r.age as number).toBeLessThanOrEqual(80);
      expect(typeof r.has_card).toBe('boolean');
      expect(r.debt as number).toBeGreaterThanOrEqual(0);
      expect(Number((r.income as number).toFixed(1))).toBe(r.income);
      expect(r.opened as string).toMatch(/^202[0-2]-\d\d-\d\d$/);
      expect(r.score === null || (Number.isInteger(r.score) && (r.score as number) >= 300)).toBe(true);
    }
    gan.dispose();
  });
});
