import { describe, expect, it } from 'vitest';
import { associationMatrices, columnPairTrends } from './column-pair-trends.js';
import {
  binKeys,
  contingencySimilarity,
  correlationSimilarity,
  cramersV,
  equalWidthEdges,
  pearson,
} from './pair-scores.js';
import { prepareTable, type TableColumnSpec, type TableRecord } from './table-schema.js';

describe('pair scores', () => {
  it('Pearson r and CorrelationSimilarity = 1 − |Δr|/2', () => {
    expect(pearson([1, 2, 3, 4], [2, 4, 6, 8])).toBeCloseTo(1, 15);
    expect(pearson([1, 2, 3, 4], [8, 6, 4, 2])).toBeCloseTo(-1, 15);
    expect(pearson([1, 2, Number.NaN, 4], [1, 2, 100, 4])).toBeCloseTo(1, 15);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(correlationSimilarity(1, -1)).toBe(0);
    expect(correlationSimilarity(0.5, 0.2)).toBeCloseTo(0.85, 15);
  });

  it('ContingencySimilarity = 1 − TVD of the joint tables, missing a level of its own', () => {
    const a = ['a', 'a', 'b', 'b'];
    const b = ['x', 'x', 'y', 'y'];
    expect(contingencySimilarity(a, b, a, b)).toBe(1);
    expect(contingencySimilarity(a, b, ['a', 'a', 'b', 'b'], ['y', 'y', 'x', 'x'])).toBe(0);
    // real ax .5 by .5; synthetic ax .5 by .25 ay .25 → ½(0 + .25 + .25) = .25.
    expect(contingencySimilarity(a, b, ['a', 'a', 'b', 'a'], ['x', 'x', 'y', 'y'])).toBe(0.75);
    // (a, missing) and (a, x) are different cells: ½(.5 + .5) = .5.
    expect(contingencySimilarity(['a', 'b'], [null, 'x'], ['a', 'b'], ['x', 'x'])).toBe(0.5);
  });

  it("Cramér's V: 1 for a perfect association, 0 for independence, 0.5 for [[3,1],[1,3]]", () => {
    expect(cramersV(['a', 'a', 'b', 'b'], ['x', 'x', 'y', 'y'])).toBeCloseTo(1, 15);
    expect(cramersV(['a', 'a', 'b', 'b'], ['x', 'y', 'x', 'y'])).toBe(0);
    // E = 2 in every cell, χ² = 4 · 1²/2 = 2, V = √(2 / (8 · 1)) = 0.5 (scipy: 0.5).
    const a = ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b'];
    const b = ['x', 'x', 'x', 'y', 'x', 'y', 'y', 'y'];
    expect(cramersV(a, b)).toBeCloseTo(0.5, 15);
    expect(cramersV(['a', 'a'], ['x', 'y'])).toBeNaN();
  });

  it('bins numbers into 10 equal-width bins of the real range with open outer bins', () => {
    const edges = equalWidthEdges(Float64Array.from({ length: 11 }, (_, i) => i));
    expect(Array.from(edges)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(binKeys([0, 0.5, 1, 9.99, 10, -5, 20, Number.NaN], edges)).toEqual([
      '1',
      '1',
      '2',
      '10',
      '10',
      '1',
      '10',
      null,
    ]);
    expect(Array.from(equalWidthEdges([3, 3], 2))).toEqual([2.5, 3, 3.5]);
  });
});

const schema: TableColumnSpec[] = [
  { name: 'x', type: 'continuous' },
  { name: 'y', type: 'continuous' },
  { name: 'z', type: 'integer' },
  { name: 'c', type: 'categorical' },
  { name: 'd', type: 'categorical' },
];
const rows = (cols: Record<string, (number | string)[]>): TableRecord[] =>
  Array.from({ length: 8 }, (_, i) => Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, v[i]])));
const x = [1, 2, 3, 4, 5, 6, 7, 8];
const realRows = rows({
  x,
  y: x.map((v) => 2 * v),
  z: [1, -1, 1, -1, -1, 1, -1, 1],
  c: ['lo', 'lo', 'lo', 'lo', 'hi', 'hi', 'hi', 'hi'],
  d: ['p', 'q', 'p', 'q', 'p', 'q', 'p', 'q'],
});
const synthRows = rows({
  x,
  y: x.map((v) => 18 - 2 * v),
  z: [1, 1, 1, 1, -1, -1, -1, -1],
  c: ['lo', 'lo', 'lo', 'lo', 'hi', 'hi', 'hi', 'lo'],
  d: ['p', 'p', 'p', 'p', 'p', 'p', 'p', 'p'],
});

describe('columnPairTrends', () => {
  const real = prepareTable(schema, realRows, 'real');
  const synthetic = prepareTable(schema, synthRows, 'synthetic');
  const trends = columnPairTrends(real, synthetic);
  const pair = (a: string, b: string) => trends.pairs.find((p) => p.columns[0] === a && p.columns[1] === b)!;

  it('scores numeric pairs by correlation and the others by contingency (numbers binned by real edges)', () => {
    expect(trends.pairs).toHaveLength(10);
    expect(pair('x', 'y').metric).toBe('CorrelationSimilarity');
    expect(pair('x', 'y').score).toBeCloseTo(0, 12); // r = 1 vs −1
    expect(pair('x', 'z').real).toBeCloseTo(0, 15);
    // r_synth(x, z) = −√(48/63) = −0.87287…, score 1 − 0.87287/2.
    expect(pair('x', 'z').synthetic).toBeCloseTo(-Math.sqrt(48 / 63), 12);
    expect(pair('x', 'z').score).toBeCloseTo(1 - Math.sqrt(48 / 63) / 2, 12);
    // Each x is alone in its bin; synthetic c flips one row of 8: ½(1/8 + 1/8).
    expect(pair('x', 'c').metric).toBe('ContingencySimilarity');
    expect(pair('x', 'c').score).toBe(0.875);
    expect(pair('x', 'd').score).toBe(0.5);
    // y is reversed in the synthetic rows, so its bins pair with the other half of c: 7 of 8 rows move.
    expect(pair('y', 'c').score).toBe(0.125);
    expect(pair('z', 'c').score).toBe(0.625);
    expect(pair('c', 'd').score).toBe(0.5);
  });

  it('selects the strong pairs: |r_real| > 0.5 for numeric pairs, V_real > 0.3 for the others', () => {
    const strong = trends.pairs.filter((p) => p.strong).map((p) => p.columns.join('-'));
    expect(strong).toEqual(['x-y', 'x-c', 'x-d', 'y-c', 'y-d']);
    expect(pair('z', 'c').real).toBe(0); // balanced: independent in the real rows
    expect(pair('x', 'z').strong).toBe(false);
    expect(trends.strongPairs).toBe(5);
    expect(trends.strongScore).toBeCloseTo((0 + 0.875 + 0.5 + 0.125 + 0.5) / 5, 12);
    const all = [
      0,
      1 - Math.sqrt(48 / 63) / 2,
      0.875,
      0.5,
      1 - Math.sqrt(48 / 63) / 2,
      0.125,
      0.5,
      0.625,
      0.5,
      0.5,
    ];
    expect(trends.score).toBeCloseTo(all.reduce((a, b) => a + b) / 10, 12);
    const stricter = columnPairTrends(real, synthetic, { correlationThreshold: 1, associationThreshold: 1 });
    expect(stricter.strongPairs).toBe(0);
    expect(stricter.strongScore).toBeNaN();
  });

  it('gives symmetric association matrices with 1 on the diagonal', () => {
    const m = associationMatrices(
      schema.map((c) => c.name),
      trends,
    );
    expect(m.real[0][0]).toBe(1);
    expect(m.real[0][1]).toBeCloseTo(1, 12);
    expect(m.synthetic[1][0]).toBeCloseTo(-1, 12);
    expect(m.real[3][2]).toBe(m.real[2][3]);
  });

  it('identical tables score 1 on every pair', () => {
    const same = columnPairTrends(real, real);
    expect(same.score).toBeCloseTo(1, 12);
    expect(same.strongScore).toBeCloseTo(1, 12);
  });
});
