import { describe, expect, it } from 'vitest';
import { prepareTable, type TableColumnSpec, type TableRecord } from '../table-schema.js';
import { fitDecisionTree } from './decision-tree.js';
import { fitFeatureEncoder } from './feature-encoder.js';
import { fitLinearRegression } from './linear-regression.js';
import { defaultTarget, mlEfficacy } from './ml-efficacy.js';
import { accuracy, macroF1, rSquared } from './prediction-scores.js';

/** A deterministic stream in [0, 1) (Park–Miller), so the toy tables need no RNG. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

describe('prediction scores', () => {
  it('accuracy, macro-F1 and R² match hand-computed values', () => {
    // class 0: P 1, R .5, F1 2/3; class 1: P 2/3, R 1, F1 .8 → macro (2/3 + .8)/2.
    expect(accuracy([0, 0, 1, 1], [0, 1, 1, 1])).toBe(0.75);
    expect(macroF1([0, 0, 1, 1], [0, 1, 1, 1])).toBeCloseTo((2 / 3 + 0.8) / 2, 15);
    // A class only predicted (2) counts with F1 0: (1 + 0 + 0)/3 with class 1 never predicted.
    expect(macroF1([0, 1], [0, 2])).toBeCloseTo(1 / 3, 15);
    expect(rSquared([1, 2, 3], [1, 2, 3])).toBe(1);
    expect(rSquared([1, 2, 3], [2, 2, 2])).toBe(0);
  });
});

describe('the decision tree and the linear model', () => {
  it('learns XOR at depth 2 (a split that does not lower the Gini impurity is still taken)', () => {
    const points = [
      [0, 0, 0],
      [0, 1, 1],
      [1, 0, 1],
      [1, 1, 0],
    ];
    const rows = [...points, ...points];
    const x = { values: Float64Array.from(rows.flatMap((r) => r.slice(0, 2))), rows: 8, width: 2 };
    const y = Int32Array.from(rows.map((r) => r[2]));
    const tree = fitDecisionTree(x, y, 2);
    expect(tree.depth).toBe(2);
    expect(tree.nodes).toBe(7);
    expect(Array.from(tree.predict(x))).toEqual(Array.from(y));
    expect(fitDecisionTree(x, y, 2, { maxDepth: 1 }).depth).toBe(1);
  });

  it('linear regression recovers y = 2a − 3b + 1', () => {
    const next = lcg(7);
    const values = Float64Array.from({ length: 40 }, () => next() * 10);
    const x = { values, rows: 20, width: 2 };
    const y = Float64Array.from({ length: 20 }, (_, i) => 2 * values[2 * i] - 3 * values[2 * i + 1] + 1);
    const model = fitLinearRegression(x, y);
    expect(model.coefficients[0]).toBeCloseTo(2, 6);
    expect(model.coefficients[1]).toBeCloseTo(-3, 6);
    expect(rSquared(y, model.predict(x))).toBeCloseTo(1, 10);
  });

  it('one-hot encodes categories seen in training, missing as a category, unseen as no slot', () => {
    const schema: TableColumnSpec[] = [
      { name: 'n', type: 'continuous' },
      { name: 'c', type: 'categorical' },
    ];
    const train = prepareTable(
      schema,
      [
        { n: 1, c: 'b' },
        { n: 3, c: null },
        { n: null, c: 'a' },
      ],
      'train',
    );
    const encoder = fitFeatureEncoder(train, -1);
    expect(encoder.names).toEqual(['n', 'c=a', 'c=b', 'c=<missing>']);
    const test = prepareTable(schema, [{ n: 2, c: 'zzz' }], 'test');
    // n: mean 2, sd 1 (population) → 0; 'zzz' sets no slot.
    expect(Array.from(encoder.encode(test).values)).toEqual([0, 0, 0, 0]);
    expect(Array.from(encoder.encode(train).values)).toEqual([-1, 0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 0]);
  });
});

const schema: TableColumnSpec[] = [
  { name: 'x', type: 'continuous' },
  { name: 'noise', type: 'categorical' },
  { name: 'amount', type: 'continuous' },
  { name: 'label', type: 'categorical' },
];

/** Rows whose label is the sign of x (a gap around 0), with a noise category and amount = 3x + 1. */
function separable(n: number, seed: number): TableRecord[] {
  const next = lcg(seed);
  return Array.from({ length: n }, () => {
    const sign = next() < 0.5 ? -1 : 1;
    const x = sign * (0.5 + next());
    return { x, noise: next() < 0.5 ? 'u' : 'v', amount: 3 * x + 1, label: sign < 0 ? 'neg' : 'pos' };
  });
}

describe('mlEfficacy (TSTR vs TRTR)', () => {
  const real = prepareTable(schema, separable(200, 1), 'real');
  const holdout = prepareTable(schema, separable(100, 2), 'holdout');
  // Synthetic rows with the labels shuffled: the features no longer tell the label.
  const next = lcg(3);
  const shuffledRows = separable(200, 1);
  const labels = shuffledRows.map((r) => r.label);
  for (let i = labels.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [labels[i], labels[j]] = [labels[j], labels[i]];
  }
  const shuffled = prepareTable(
    schema,
    shuffledRows.map((r, i) => ({ ...r, label: labels[i] })),
    'synthetic',
  );

  it('defaults to the last categorical column and classifies with a decision tree', () => {
    expect(defaultTarget(schema)).toBe('label');
    const result = mlEfficacy(real, shuffled, holdout);
    expect(result.task).toBe('classification');
    if (result.task !== 'classification') return;
    expect(result.model).toBe('decision-tree');
    expect(result.classes).toEqual(['neg', 'pos']);
    expect(result.rows).toEqual({ real: 200, synthetic: 200, test: 100 });
    expect(result.trtr.accuracy).toBe(1);
    expect(result.trtr.macroF1).toBe(1);
    expect(result.tstr.accuracy).toBeLessThan(0.7);
    expect(result.tstr.macroF1).toBeLessThan(0.7);
  });

  it('is deterministic and scores a copy of the real rows like TRTR', () => {
    expect(mlEfficacy(real, shuffled, holdout)).toEqual(mlEfficacy(real, shuffled, holdout));
    const copy = mlEfficacy(real, real, holdout);
    expect(copy.tstr).toEqual(copy.trtr);
  });

  it('regresses a numeric target and reports R²', () => {
    const result = mlEfficacy(real, shuffled, holdout, { target: 'amount' });
    expect(result.task).toBe('regression');
    if (result.task !== 'regression') return;
    expect(result.trtr.r2).toBeCloseTo(1, 8);
    expect(result.tstr.r2).toBeCloseTo(1, 8); // amount = 3x + 1 survives the shuffled labels
  });

  it('names the columns when the target is unknown', () => {
    expect(() => mlEfficacy(real, shuffled, holdout, { target: 'nope' })).toThrow(
      "target: no column 'nope' (columns: x, noise, amount, label)",
    );
  });
});
