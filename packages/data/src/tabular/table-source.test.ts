import * as tf from '@tensorflow/tfjs';
import { DataError } from '@ganforge/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TableRow } from './column-types.js';
import { splitRows, tableSource } from './table-source.js';
import { typeTable } from './type-table.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const header = ['city', 'member', 'joined', 'kids', 'income', 'score'];
const cities = ['Oslo', 'Bergen', 'Tromsø'];
/** 40 rows of every type, with missing cells in city, member, joined and score. */
const records = Array.from({ length: 40 }, (_, i) => [
  i % 13 === 5 ? 'NA' : cities[i % 3],
  i % 11 === 4 ? '' : i % 2 ? 'yes' : 'no',
  i % 17 === 3 ? '?' : `2021-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`,
  String(i % 4 === 0 ? 0 : i % 3),
  (20 + ((i * 7.3) % 30)).toFixed(1),
  i % 9 === 2 ? 'NA' : String(500 + ((i * 37) % 300)),
]);
const typed = typeTable(header, records, { file: 'people.csv' });

/** A row as the user wrote it, in decoded form. */
function expected(r: string[]): TableRow {
  const miss = (c: string) => c === '' || c === 'NA' || c === '?';
  return {
    city: miss(r[0]) ? null : r[0],
    member: miss(r[1]) ? null : r[1] === 'yes',
    joined: miss(r[2]) ? null : r[2],
    kids: Number(r[3]),
    income: Number(r[4]),
    score: miss(r[5]) ? null : Number(r[5]),
  };
}

describe('tableSource', () => {
  it('encodes every row and decodes it back to the user’s values (all five types, missing cells)', () => {
    const source = tableSource(typed, { seed: 3 });
    expect(source.size).toBe(40);
    expect(source.sampleShape).toEqual([source.layout.width]);
    expect(source.layout.columns.map((c) => [c.column, c.type, c.transform])).toEqual([
      ['city', 'categorical', 'one-hot'],
      ['member', 'boolean', 'one-hot'],
      ['joined', 'datetime', 'mixed'],
      ['kids', 'integer', 'mixed'],
      ['income', 'continuous', 'mode-specific'],
      ['score', 'integer', 'mixed'],
    ]);
    // spans tile the row: each starts where the previous ended
    let at = 0;
    for (const span of source.layout.spans) {
      expect(span.start).toBe(at);
      at += span.width;
    }
    expect(at).toBe(source.layout.width);
    expect(source.decode(source.values)).toEqual(records.map(expected));
  });

  it('decodes a tensor, and every one-hot group decodes to a seen category', () => {
    const source = tableSource(typed, { seed: 3 });
    const noise = tf.randomUniform([25, source.layout.width], -1, 1, 'float32', 5);
    const rows = source.decode(noise);
    noise.dispose();
    for (const row of rows) {
      expect([...cities, null]).toContain(row.city);
      expect([true, false, null]).toContain(row.member);
      expect([0, 1, 2]).toContain(row.kids);
      expect(row.income as number).toBeGreaterThanOrEqual(20);
      expect(row.income as number).toBeLessThanOrEqual(49.9);
      expect(Number.isInteger(row.score) || row.score === null).toBe(true);
      expect(row.joined === null || /^2021-0\d-\d\d$/.test(row.joined as string)).toBe(true);
    }
  });

  it('a seeded held-out split: transforms fitted on the training rows, both parts decode', () => {
    const split = splitRows(40, 0.25, 9);
    expect(split.heldOut).toHaveLength(10);
    expect([...split.train, ...split.heldOut].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 40 }, (_, i) => i),
    );
    const source = tableSource(typed, { seed: 9, heldOut: 0.25 });
    expect(source.size).toBe(30);
    expect(Array.from(source.heldOut!.rowIndices)).toEqual(Array.from(split.heldOut));
    expect(source.heldOut!.decode(source.heldOut!.values)).toEqual(
      Array.from(split.heldOut, (r) => expected(records[r])),
    );
    expect(tableSource(typed, { seed: 9, heldOut: 0.25 }).values).toEqual(source.values);
    expect(() => tableSource(typed, { heldOut: 0.001 })).toThrow(
      /data\.heldOut: 0\.001 of 40 rows leaves nothing held out/,
    );
  });

  it('encode(rows) round-trips decoded rows; an unknown category or a wrong value names row and column', () => {
    const source = tableSource(typed);
    const rows = source.decode(source.values.subarray(0, 3 * source.layout.width));
    expect(source.decode(source.encode(rows))).toEqual(rows);
    expect(() => source.encode([rows[0], { ...rows[1], city: 'Paris' }])).toThrow(
      new DataError("rows[1], column 'city': unknown category 'Paris' (known: Bergen, Oslo, Tromsø)"),
    );
    expect(() => source.encode([{ ...rows[0], kids: 1.5 }])).toThrow(
      "rows[0], column 'kids': 1.5 is not a value of type integer",
    );
    expect(() => source.encode([{ ...rows[0], joined: 'yesterday' }])).toThrow(
      /column 'joined': "yesterday" is not a value of type datetime/,
    );
  });

  it('config mistakes are ConfigErrors at data.columns.NAME.transform', () => {
    expect(() => tableSource(typed, { columns: { score: { transform: 'mode-specific' } } })).toThrow(
      "data.columns.score.transform: column 'score' has 5 missing cells and 'mode-specific' has no slot for them; use 'mixed' (missing becomes a category of its own)",
    );
    expect(() => tableSource(typed, { columns: { city: { transform: 'min-max' } } })).toThrow(
      /data\.columns\.city\.transform: 'min-max' encodes numbers and column 'city' is categorical/,
    );
    expect(() => tableSource(typed, { columns: { income: { transform: 'one-hot' } } })).toThrow(
      /set type: categorical to one-hot encode/,
    );
    const minMax = tableSource(typed, { columns: { income: { transform: 'min-max' } } });
    expect(minMax.layout.columns[4]).toMatchObject({ transform: 'min-max', width: 1 });
  });
});
