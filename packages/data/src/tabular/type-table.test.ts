import { ConfigError, DataError } from '@ganforge/core';
import { describe, expect, it } from 'vitest';
import { decimalsOf, parseBoolean, parseDatetime, parseInteger, parseNumber } from './cell-parsers.js';
import { describeCell, type NumericColumn, type TableOrigin } from './column-types.js';
import { inferColumnType, typeTable } from './type-table.js';

const origin: TableOrigin = { file: 'people.csv', lines: [2, 3, 5, 6] };

describe('cell parsers', () => {
  it('reads numbers, integers, booleans and ISO dates strictly', () => {
    expect(parseNumber('-2.5')).toBe(-2.5);
    expect(parseNumber('1e3')).toBe(1000);
    expect(parseNumber('.5')).toBe(0.5);
    for (const bad of ['0x10', 'Inf', '1,5', '1 2', '']) expect(parseNumber(bad)).toBeNaN();
    expect(parseInteger('-7')).toBe(-7);
    expect(parseInteger('4.0')).toBeNaN();
    expect(parseBoolean('YES')).toBe(true);
    expect(parseBoolean('False')).toBe(false);
    expect(parseBoolean('1')).toBeNull();
    expect(parseDatetime('2024-03-01')).toBe(Date.UTC(2024, 2, 1));
    expect(parseDatetime('2024-03-01 12:30')).toBe(Date.UTC(2024, 2, 1, 12, 30));
    expect(parseDatetime('2024-03-01T12:30:05.250Z')).toBe(Date.UTC(2024, 2, 1, 12, 30, 5, 250));
    expect(parseDatetime('2024-03-01T12:30+02:00')).toBe(Date.UTC(2024, 2, 1, 10, 30));
    expect(parseDatetime('2023-02-30')).toBeNaN();
    expect(parseDatetime('03/01/2024')).toBeNaN();
    expect(decimalsOf('3.250')).toBe(3);
    expect(decimalsOf('1e-3')).toBe(0);
  });

  it('infers the narrowest type every cell fits', () => {
    expect(inferColumnType(['true', 'No', 'yes'])).toBe('boolean');
    expect(inferColumnType(['1', '-2', '30'])).toBe('integer');
    expect(inferColumnType(['1', '2.5'])).toBe('continuous');
    expect(inferColumnType(['2024-01-01', '2024-02-01 10:00'])).toBe('datetime');
    expect(inferColumnType(['1', 'two'])).toBe('categorical');
  });

  it('names cells as row (header = row 1), line and column', () => {
    expect(describeCell(origin, 2, 'age')).toBe("'people.csv', row 4 (line 5), column 'age'");
    expect(describeCell({ file: 'x' }, 0)).toBe("'x', row 2");
  });
});

describe('typeTable', () => {
  const header = ['age', 'city', 'member', 'joined', 'height'];
  const records = [
    ['34', 'Oslo', 'yes', '2021-01-05', '1.80'],
    ['NA', '', 'no', '2022-07-01', '1.652'],
    ['51', 'Bergen', '?', '2020-12-31', 'NA'],
    ['27', 'Oslo', 'yes', 'NA', '1.7'],
  ];

  it('types every column, counts missing cells and keeps the decimals', () => {
    const t = typeTable(header, records, origin);
    expect(t.rows).toBe(4);
    expect(t.columns.map((c) => [c.name, c.type, c.missing])).toEqual([
      ['age', 'integer', 1],
      ['city', 'categorical', 1],
      ['member', 'boolean', 1],
      ['joined', 'datetime', 1],
      ['height', 'continuous', 1],
    ]);
    const [age, city, member, joined, height] = t.columns;
    expect(Array.from((age as NumericColumn).values)).toEqual([34, Number.NaN, 51, 27]);
    expect(city).toMatchObject({ values: ['Oslo', null, 'Bergen', 'Oslo'], categories: ['Bergen', 'Oslo'] });
    expect(member).toMatchObject({ values: [true, false, null, true], tokens: { true: 'yes', false: 'no' } });
    expect(joined).toMatchObject({ dateOnly: true });
    expect((joined as NumericColumn).values[0]).toBe(Date.UTC(2021, 0, 5));
    expect(height).toMatchObject({ decimals: 3 });
  });

  it('applies overrides and custom missing tokens', () => {
    const t = typeTable(header, records, origin, {
      columns: { age: { type: 'categorical' }, height: { type: 'continuous' } },
      missing: ['NA', '?'],
      exclude: ['joined'],
    });
    expect(t.columns.map((c) => c.name)).toEqual(['age', 'city', 'member', 'height']);
    expect(t.columns[0]).toMatchObject({ type: 'categorical', categories: ['27', '34', '51'], missing: 1 });
    // '' is a category now, not missing
    expect(t.columns[1]).toMatchObject({ categories: ['', 'Bergen', 'Oslo'], missing: 0 });
  });

  it('an override the cells contradict is a ConfigError naming the field, file, row, line and cell', () => {
    const run = () => typeTable(header, records, origin, { columns: { city: { type: 'integer' } } });
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(
      "data.columns.city: the override says integer, but 'people.csv', row 2 (line 2) holds 'Oslo', which is not an integer (the cells look categorical)",
    );
    expect(() => typeTable(header, records, origin, { columns: { height: { type: 'integer' } } })).toThrow(
      /data\.columns\.height: the override says integer, but 'people\.csv', row 2 \(line 2\) holds '1\.80'/,
    );
    expect(() => typeTable(header, records, origin, { columns: { age: { type: 'boolean' } } })).toThrow(
      /'34', which is not a boolean/,
    );
  });

  it('listed categories fix the order; a cell outside them names its row and column', () => {
    const t = typeTable(header, records, origin, { columns: { city: { categories: ['Oslo', 'Bergen'] } } });
    expect(t.columns[1]).toMatchObject({ type: 'categorical', categories: ['Oslo', 'Bergen'] });
    expect(() => typeTable(header, records, origin, { columns: { city: { categories: ['Oslo'] } } })).toThrow(
      "'people.csv', row 4 (line 5), column 'city': unknown category 'Bergen' (the config lists Oslo)",
    );
  });

  it('bad tables: ragged row, all-missing column, unknown or duplicate names, too many categories', () => {
    expect(() => typeTable(header, [...records.slice(0, 2), ['1', '2']], origin)).toThrow(
      "'people.csv', row 4 (line 5): 2 fields, the header has 5",
    );
    const allMissing = records.map((r) => [...r.slice(0, 4), 'NA']);
    expect(() => typeTable(header, allMissing, origin)).toThrow(DataError);
    expect(() => typeTable(header, allMissing, origin)).toThrow(
      "'people.csv', rows 2–5, column 'height': every cell is missing ('', 'NA', '?'); leave it out with exclude: [height]",
    );
    expect(() => typeTable(header, records, origin, { columns: { agee: { type: 'integer' } } })).toThrow(
      "data.columns.agee: no column 'agee' in 'people.csv' (columns: age, city, member, joined, height)",
    );
    expect(() => typeTable(header, records, origin, { exclude: ['nope'] })).toThrow(
      /data\.exclude: no column 'nope'/,
    );
    expect(() => typeTable(['a', 'a'], [['1', '2']], origin)).toThrow(/names column 'a' twice/);
    expect(() => typeTable(header, [], origin)).toThrow(/no data rows/);
    const ids = Array.from({ length: 5 }, (_, i) => [`id-${i}`]);
    expect(() => typeTable(['id'], ids, { file: 'ids.csv' }, { maxCategories: 4 })).toThrow(
      "'ids.csv', column 'id': 5 distinct values in 5 rows look like identifiers or free text, not categories (maxCategories 4)",
    );
  });
});
