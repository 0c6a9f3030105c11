import { DataError } from '@ganforge/core';
import { describe, expect, it } from 'vitest';
import { ksComplement, ksStatistic, missingValueSimilarity, tvComplement } from './column-shape-scores.js';
import { columnShapes } from './column-shapes.js';
import { datetimeMs, prepareTable, type TableColumnSpec } from './table-schema.js';

describe('KSComplement', () => {
  it('is 1 for identical values, 0 for disjoint ranges, 1 − D in between', () => {
    expect(ksComplement([1, 2, 3, 4], [4, 3, 2, 1])).toBe(1);
    expect(ksComplement([1, 2], [3, 4])).toBe(0);
    // CDFs at 1…6: real .25 .5 .75 1 1 1, synthetic 0 0 .25 .5 .75 1 → D = 0.5.
    expect(ksStatistic([1, 2, 3, 4], [3, 4, 5, 6])).toBe(0.5);
    expect(ksComplement([1, 2, 3, 4], [3, 4, 5, 6])).toBe(0.5);
  });

  it('steps both CDFs at a tie and drops missing values', () => {
    // At 1: 2/3 vs 1/3; at 2: 1 vs 1 → D = 1/3 (scipy's ks_2samp gives the same).
    expect(ksStatistic([1, 1, 2], [1, 2, 2])).toBeCloseTo(1 / 3, 15);
    expect(ksComplement([1, Number.NaN, 2], [2, 1])).toBe(1);
    expect(ksComplement([Number.NaN], [1])).toBeNaN();
  });
});

describe('TVComplement', () => {
  it('is 1 − ½ Σ|p − q|: identical 1, disjoint 0, one category dropped 0.75', () => {
    expect(tvComplement(['a', 'b', 'b'], ['b', 'a', 'b'])).toBe(1);
    expect(tvComplement(['a', 'a'], ['b', 'c'])).toBe(0);
    // real a .5, b .25, c .25; synthetic (c dropped) a .5, b .5 → ½(0 + .25 + .25) = .25.
    expect(tvComplement(['a', 'a', 'b', 'c'], ['a', 'a', 'b', 'b'])).toBe(0.75);
  });

  it("drops missing cells (SDMetrics' dropna), which MissingValueSimilarity reports instead", () => {
    expect(tvComplement(['a', null, 'b'], ['a', 'b'])).toBe(1);
    expect(missingValueSimilarity(1 / 3, 0)).toBeCloseTo(2 / 3, 15);
    expect(tvComplement([null], ['a'])).toBeNaN();
  });
});

const schema: TableColumnSpec[] = [
  { name: 'age', type: 'integer' },
  { name: 'city', type: 'categorical' },
  { name: 'member', type: 'boolean' },
  { name: 'joined', type: 'datetime' },
];

describe('columnShapes', () => {
  it('averages KSComplement and TVComplement over the columns, with missing shares', () => {
    const real = prepareTable(
      schema,
      [
        { age: 20, city: 'Oslo', member: true, joined: '2024-01-01' },
        { age: 30, city: 'Rome', member: false, joined: '2024-01-02' },
        { age: 40, city: 'Oslo', member: true, joined: '2024-01-03' },
        { age: null, city: 'Lima', member: null, joined: '2024-01-04' },
      ],
      'real',
    );
    const synthetic = prepareTable(
      schema,
      [
        { age: 20, city: 'Oslo', member: true, joined: '2024-01-01' },
        { age: 30, city: 'Oslo', member: false, joined: '2024-01-02' },
        { age: 40, city: 'Rome', member: true, joined: '2024-01-03' },
        { age: 50, city: 'Rome', member: false, joined: '2024-01-04' },
      ],
      'synthetic',
    );
    const shapes = columnShapes(real, synthetic);
    const byColumn = Object.fromEntries(shapes.columns.map((c) => [c.column, c]));
    // age: real {20,30,40}, synthetic {20,30,40,50}: D = max(1/3 − 1/4, 2/3 − 2/4, 1 − 3/4) = 1/4.
    expect(byColumn.age.score).toBeCloseTo(0.75, 15);
    expect(byColumn.age.metric).toBe('KSComplement');
    expect(byColumn.age.missingReal).toBe(0.25);
    expect(byColumn.age.missingSimilarity).toBe(0.75);
    // city: real Oslo .5 Rome .25 Lima .25, synthetic Oslo .5 Rome .5 → TV .25.
    expect(byColumn.city.score).toBe(0.75);
    expect(byColumn.city.metric).toBe('TVComplement');
    // member (missing dropped): real true 2/3 false 1/3; synthetic .5 .5 → TV 1/6.
    expect(byColumn.member.score).toBeCloseTo(5 / 6, 15);
    expect(byColumn.joined.score).toBe(1);
    expect(shapes.score).toBeCloseTo((0.75 + 0.75 + 5 / 6 + 1) / 4, 15);
  });

  it('identical tables score 1 in every column', () => {
    const rows = [
      { age: 1, city: 'a', member: true, joined: '2024-05-01T10:00' },
      { age: 2, city: 'b', member: false, joined: null },
    ];
    const t = prepareTable(schema, rows, 'real');
    expect(columnShapes(t, t).score).toBe(1);
  });
});

describe('prepareTable', () => {
  it('reads ISO dates and zone-less date-times as UTC', () => {
    expect(datetimeMs('2024-03-01')).toBe(Date.UTC(2024, 2, 1));
    expect(datetimeMs('2024-03-01 12:30')).toBe(Date.UTC(2024, 2, 1, 12, 30));
    expect(datetimeMs('2024-03-01T12:30:00+02:00')).toBe(Date.UTC(2024, 2, 1, 10, 30));
    expect(datetimeMs('March 1')).toBeNaN();
  });

  it('names the table, row and column of a bad or absent cell', () => {
    const bad = () =>
      prepareTable(
        schema,
        [
          { age: 1, city: 'a', member: true, joined: '2024-01-01' },
          { age: 'old', city: 'a', member: true, joined: '2024-01-01' },
        ],
        'real',
      );
    expect(bad).toThrow(DataError);
    expect(bad).toThrow(`real[1], column 'age': expected a number (or null for missing), found "old"`);
    expect(() =>
      prepareTable(schema, [{ age: 1, city: 'a', member: 'yes', joined: null }], 'holdout'),
    ).toThrow(`holdout[0], column 'member': expected true or false`);
    expect(() => prepareTable(schema, [{ age: 1, city: 'a', member: true }], 'synthetic')).toThrow(
      "synthetic[0]: no column 'joined' (use null for a missing cell)",
    );
    expect(() => prepareTable(schema, [], 'real')).toThrow('real: no rows');
  });
});
