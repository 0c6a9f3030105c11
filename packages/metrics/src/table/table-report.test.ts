import { describe, expect, it } from 'vitest';
import type { TableColumnSpec, TableRecord } from './table-schema.js';
import { tableReport, type TableReportStage } from './table-report.js';

const columns: TableColumnSpec[] = [
  { name: 'age', type: 'integer' },
  { name: 'income', type: 'continuous' },
  { name: 'city', type: 'categorical' },
  { name: 'member', type: 'boolean' },
];

function table(n: number, offset: number): TableRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const k = (i * 7 + offset) % 13;
    return {
      age: 20 + k,
      income: 1000 + 50 * k + (i % 3),
      city: k < 6 ? 'Oslo' : 'Rome',
      member: i % 2 === 0,
    };
  });
}

describe('tableReport', () => {
  it('computes quality, efficacy and privacy from three in-memory tables', () => {
    const real = table(60, 0);
    const stages: TableReportStage[] = [];
    const report = tableReport(
      { columns, real, synthetic: real, holdout: table(30, 5) },
      { onProgress: (stage, done) => done === 0 && stages.push(stage) },
    );
    expect(Object.keys(report).sort()).toEqual(
      [
        'association',
        'columnPairTrends',
        'columnShapes',
        'efficacy',
        'privacy',
        'rows',
        'score',
        'scoreAllPairs',
        'seconds',
      ].sort(),
    );
    expect(stages).toEqual(['column-shapes', 'column-pair-trends', 'ml-efficacy', 'privacy']);
    expect(report.rows).toEqual({ real: 60, synthetic: 60, holdout: 30 });
    // The synthetic rows are the real rows: perfect quality, efficacy equal to TRTR, every row a copy.
    expect(report.score).toBeCloseTo(1, 12);
    expect(report.columnShapes.score).toBe(1);
    expect(report.columnPairTrends.score).toBeCloseTo(1, 12);
    expect(report.efficacy!.target).toBe('member'); // the last categorical or boolean column
    expect(report.efficacy!.tstr).toEqual(report.efficacy!.trtr);
    expect(report.privacy.synthetic).toEqual({ rows: 60, median: 0, exactCopies: 1 });
    expect(report.privacy.holdout!.rows).toBe(30);
    expect(report.association.columns).toEqual(['age', 'income', 'city', 'member']);
    const json = JSON.parse(JSON.stringify(report)) as { columnShapes: { columns: unknown[] } };
    expect(json.columnShapes.columns).toHaveLength(4);
  });

  it('leaves out efficacy without a holdout, and names the table of a bad cell', () => {
    const real = table(20, 0);
    const report = tableReport({ columns, real, synthetic: table(20, 3) });
    expect(report.efficacy).toBeUndefined();
    expect(report.privacy.holdout).toBeUndefined();
    expect(() =>
      tableReport({ columns, real, synthetic: [{ age: 1, income: 2, city: 'Oslo', member: 'no' }] }),
    ).toThrow("synthetic[0], column 'member': expected true or false");
    expect(() => tableReport({ columns: [...columns, columns[0]], real, synthetic: real })).toThrow(
      "the schema lists column 'age' twice",
    );
  });
});
