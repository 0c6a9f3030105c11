import { describe, expect, it } from 'vitest';
import { prepareTable, type TableColumnSpec } from '../table-schema.js';
import { distanceToClosestRecord } from './closest-record.js';
import { dcrPrivacy, median } from './dcr-privacy.js';

const schema: TableColumnSpec[] = [
  { name: 'num', type: 'continuous' },
  { name: 'cat', type: 'categorical' },
];
const train = prepareTable(
  schema,
  [
    { num: 0, cat: 'a' },
    { num: 10, cat: 'b' },
  ],
  'train',
);
const synthetic = prepareTable(
  schema,
  [
    { num: 0, cat: 'a' }, // an exact copy: 0
    { num: 5, cat: 'a' }, // row 1: (.5 + 0)/2 = .25; row 2: (.5 + 1)/2 → .25
    { num: 20, cat: 'c' }, // |20 − 0|/10 capped at 1, + 1; row 2: 1 + 1 → 1
    { num: null, cat: 'b' }, // missing vs a number: 1; row 2: (1 + 0)/2 → .5
  ],
  'synthetic',
);

describe('distance to closest record', () => {
  it('matches hand-computed distances (range-scaled numbers capped at 1, 0/1 categories, mean over columns)', () => {
    expect(Array.from(distanceToClosestRecord(synthetic, train))).toEqual([0, 0.25, 1, 0.5]);
  });

  it('counts missing = missing as equal and a constant training column as 0/1', () => {
    const constant = prepareTable(
      schema,
      [
        { num: 3, cat: null },
        { num: 3, cat: 'a' },
      ],
      'train',
    );
    const queries = prepareTable(
      schema,
      [
        { num: 3, cat: null },
        { num: 4, cat: 'a' },
        { num: null, cat: 'z' },
      ],
      'queries',
    );
    expect(Array.from(distanceToClosestRecord(queries, constant))).toEqual([0, 0.5, 1]);
  });

  it('gives the same values in chunks of one row, and reports progress per chunk', () => {
    const calls: number[] = [];
    const chunked = distanceToClosestRecord(synthetic, train, {
      chunk: 1,
      onProgress: (done) => calls.push(done),
    });
    expect(Array.from(chunked)).toEqual([0, 0.25, 1, 0.5]);
    expect(calls).toEqual([1, 2, 3, 4]);
  });
});

describe('dcrPrivacy', () => {
  it('reports the median DCR and exact-copy share of synthetic rows beside the holdout rows', () => {
    const holdout = prepareTable(
      schema,
      [
        { num: 2, cat: 'a' }, // .1
        { num: 9, cat: 'b' }, // .05
      ],
      'holdout',
    );
    const result = dcrPrivacy(train, synthetic, holdout);
    expect(result.synthetic).toEqual({ rows: 4, median: (0.25 + 0.5) / 2, exactCopies: 0.25 });
    expect(result.holdout!.rows).toBe(2);
    expect(result.holdout!.median).toBeCloseTo(0.075, 15);
    expect(result.holdout!.exactCopies).toBe(0);
    expect(dcrPrivacy(train, synthetic).holdout).toBeUndefined();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([])).toBeNaN();
  });
});
