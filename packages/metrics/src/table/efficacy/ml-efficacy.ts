import { ConfigError } from '@ganforge/core';
import type { PreparedTable, TableColumnSpec } from '../table-schema.js';
import { fitDecisionTree } from './decision-tree.js';
import { fitFeatureEncoder } from './feature-encoder.js';
import { fitLinearRegression } from './linear-regression.js';
import { accuracy, macroF1, rSquared } from './prediction-scores.js';

/** Options of {@link mlEfficacy}. */
export interface MlEfficacyOptions {
  /** The column to predict (default {@link defaultTarget}). */
  target?: string;
  /** The classification tree's depth at most (default 30). */
  maxDepth?: number;
}

/** Classification scores of one model on the real test rows. */
export interface ClassificationScores {
  readonly accuracy: number;
  readonly macroF1: number;
}

/** Rows each model saw: training rows (real and synthetic) and test rows with a target value. */
export interface EfficacyRows {
  readonly real: number;
  readonly synthetic: number;
  readonly test: number;
}

/** ML efficacy with a categorical or boolean target. */
export interface ClassificationEfficacy {
  readonly task: 'classification';
  readonly target: string;
  readonly model: 'decision-tree';
  readonly classes: readonly string[];
  /** Trained on synthetic rows, tested on the real holdout (TSTR). */
  readonly tstr: ClassificationScores;
  /** Trained on real rows, tested on the real holdout (TRTR): the reference. */
  readonly trtr: ClassificationScores;
  readonly rows: EfficacyRows;
}

/** ML efficacy with a numeric target. */
export interface RegressionEfficacy {
  readonly task: 'regression';
  readonly target: string;
  readonly model: 'linear-regression';
  readonly tstr: { readonly r2: number };
  readonly trtr: { readonly r2: number };
  readonly rows: EfficacyRows;
}

/** What {@link mlEfficacy} reports. */
export type MlEfficacy = ClassificationEfficacy | RegressionEfficacy;

/** The last categorical or boolean column, else the last column. */
export function defaultTarget(columns: readonly TableColumnSpec[]): string {
  const discrete = columns.filter((c) => c.type === 'categorical' || c.type === 'boolean');
  return (discrete.at(-1) ?? columns.at(-1)!).name;
}

/** Indices of the rows whose `column` is present. */
function rowsWithTarget(table: PreparedTable, column: number): Int32Array {
  const c = table.columns[column];
  const keep: number[] = [];
  for (let i = 0; i < table.rows; i++)
    if (c.kind === 'numeric' ? !Number.isNaN(c.values[i]) : c.keys[i] !== null) keep.push(i);
  return Int32Array.from(keep);
}

/** The rows `picked` of a prepared table. */
function pick(table: PreparedTable, picked: Int32Array): PreparedTable {
  return {
    rows: picked.length,
    columns: table.columns.map((c) =>
      c.kind === 'numeric'
        ? { ...c, values: Float64Array.from(picked, (i) => c.values[i]) }
        : { ...c, keys: Array.from(picked, (i) => c.keys[i]) },
    ),
  };
}

/**
 * Machine-learning efficacy, TSTR against TRTR (Esteban et al. 2017, arXiv:1706.02633; the
 * CTGAN benchmark, Xu et al. 2019, arXiv:1907.00503): a model trained on the synthetic rows and
 * one trained on the real training rows both predict `target` on the real holdout rows. A
 * categorical or boolean target uses a CART decision tree (SDMetrics'
 * MulticlassDecisionTreeClassifier: max_depth 30, balanced class weights) scored by accuracy and
 * macro-F1; a numeric target uses least-squares linear regression (SDMetrics' LinearRegression)
 * scored by R². Features: the other columns, standardized numbers (missing = the training
 * mean) and one-hot categories, fitted on each model's own training rows. Rows whose target is
 * missing are left out. TSTR close to TRTR = the synthetic rows carry the real rows' predictive
 * relations. Deterministic (no random draws).
 */
export function mlEfficacy(
  real: PreparedTable,
  synthetic: PreparedTable,
  holdout: PreparedTable,
  options: MlEfficacyOptions = {},
): MlEfficacy {
  const names = real.columns.map((c) => c.name);
  const target = options.target ?? defaultTarget(real.columns);
  const t = names.indexOf(target);
  if (t < 0) throw new ConfigError(`target: no column '${target}' (columns: ${names.join(', ')})`, 'target');
  const [train, synth, test] = [real, synthetic, holdout].map((table) =>
    pick(table, rowsWithTarget(table, t)),
  );
  const rows = { real: train.rows, synthetic: synth.rows, test: test.rows };
  const column = real.columns[t];
  if (column.kind === 'numeric') {
    const y = (table: PreparedTable) => (table.columns[t] as { values: Float64Array }).values;
    const r2 = (trainOn: PreparedTable) => {
      if (trainOn.rows === 0 || test.rows === 0) return Number.NaN;
      const encoder = fitFeatureEncoder(trainOn, t);
      const model = fitLinearRegression(encoder.encode(trainOn), y(trainOn));
      return rSquared(y(test), model.predict(encoder.encode(test)));
    };
    return {
      task: 'regression',
      target,
      model: 'linear-regression',
      tstr: { r2: r2(synth) },
      trtr: { r2: r2(train) },
      rows,
    };
  }
  const keysOf = (table: PreparedTable) => (table.columns[t] as { keys: readonly (string | null)[] }).keys;
  const classes = [...new Set([train, synth, test].flatMap((table) => keysOf(table) as string[]))].sort();
  const index = new Map(classes.map((c, i) => [c, i]));
  const labels = (table: PreparedTable) => Int32Array.from(keysOf(table), (k) => index.get(k!)!);
  const truth = labels(test);
  const scores = (trainOn: PreparedTable): ClassificationScores => {
    if (trainOn.rows === 0 || test.rows === 0) return { accuracy: Number.NaN, macroF1: Number.NaN };
    const encoder = fitFeatureEncoder(trainOn, t);
    const tree = fitDecisionTree(encoder.encode(trainOn), labels(trainOn), classes.length, {
      maxDepth: options.maxDepth,
    });
    const predicted = tree.predict(encoder.encode(test));
    return { accuracy: accuracy(truth, predicted), macroF1: macroF1(truth, predicted) };
  };
  return {
    task: 'classification',
    target,
    model: 'decision-tree',
    classes,
    tstr: scores(synth),
    trtr: scores(train),
    rows,
  };
}
