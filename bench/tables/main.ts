// bench/tables (issue #40 item 7): on every example table, CTGAN (`preset: ctgan`) against the
// Gaussian copula (`preset: gaussian-copula`), the plain MLP GAN (examples/configs/table-*.yaml
// as it is), independent marginals (./marginals.ts) and the real holdout rows, each scored by
// @ganforge/metrics' tableReport (SDMetrics-style quality, TSTR vs TRTR, DCR) against the same
// training and holdout rows (split seed fixed per table: ./tables.ts' SPLIT_SEED), with wall time.
//   npm run bench:tables -- [--tables penguins,weather,accounts] [--rows ctgan,copula,mlp,marginals]
//     [--no-holdout (the holdout row, written once per table unless this is given)]
//     [--seeds 3] [--first-seed 1] [--backend wasm-native]
//     [--ctgan-steps N | penguins=N,weather=N,… (default: CTGAN's 300 epochs, ctganReferenceSteps)]
//     [--mlp-steps N | penguins=N,… (default: the example config's steps)]
//     [--out FILE (default bench/results/tables/DATE-BACKEND.jsonl)]
// One JSON line per (table, row, seed) is appended to --out (the holdout row once per table, seed
// null); progress lines go to stdout too. `npm run bench:render` makes docs/benchmarks.md's table.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGan, Rng, selectBackend, type BackendName, type Callback } from '@ganforge/core';
import { dataPlugin, table as tableSource, type TableOptions } from '@ganforge/data/node';
import type { TableSource } from '@ganforge/data';
import { lossesPlugin } from '@ganforge/losses';
import { tableReport, type TableRecord } from '@ganforge/metrics';
import { modelsPlugin } from '@ganforge/models';
import { ctganPlugin } from '@ganforge/plugin-ctgan';
import { runTableRows, type RunTableRows } from '../../packages/cli/src/table/run-table-rows.js';
import { sampleTableRows } from '../../packages/cli/src/table/sample-table.js';
import { tableSourceOf } from '../../packages/cli/src/table/table-run.js';
import { fitIndependentMarginals, sampleIndependentMarginals } from './marginals.js';
import { reportFields } from './report-fields.js';
import {
  BENCH_ROWS,
  BENCH_TABLES,
  ctganReferenceSteps,
  readExampleConfig,
  rowConfig,
  SPLIT_SEED,
  type BenchRow,
  type BenchTable,
  type ExampleConfig,
} from './tables.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
/** Names from a comma list, each checked against `known`. */
function names<T extends string>(flag: string, fallback: string, known: readonly T[]): T[] {
  const list = arg(flag, fallback).split(',');
  for (const n of list)
    if (!known.includes(n as T)) throw new Error(`--${flag}: unknown '${n}': expected ${known.join(', ')}`);
  return list as T[];
}
/** `--flag N` (every table) or `--flag name=N,…` (per table); undefined where not given. */
function stepsFor(flag: string, tableName: string): number | undefined {
  const text = arg(flag, '');
  if (text === '') return undefined;
  const parse = (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`--${flag}: expected a positive integer, found '${v}'`);
    return n;
  };
  if (!text.includes('=')) return parse(text);
  const entry = text.split(',').find((e) => e.split('=')[0] === tableName);
  return entry === undefined ? undefined : parse(entry.split('=')[1]);
}

const tables = names('tables', 'penguins,weather,accounts', Object.keys(BENCH_TABLES));
const rows = names('rows', 'ctgan,copula,mlp,marginals', BENCH_ROWS);
if (!process.argv.includes('--no-holdout') && !rows.includes('holdout')) rows.push('holdout');
const seeds = Number(arg('seeds', '3'));
const firstSeed = Number(arg('first-seed', '1'));
if (!Number.isInteger(seeds) || seeds < 1 || !Number.isInteger(firstSeed))
  throw new Error(`--seeds and --first-seed: expected integers (seeds ≥ 1), found ${seeds} and ${firstSeed}`);
const backend = arg('backend', 'wasm-native');
const date = new Date().toISOString().slice(0, 10);
const out = resolve(arg('out', join(root, `bench/results/tables/${date}-${backend}.jsonl`)));
const configsDir = join(root, 'examples/configs');

mkdirSync(dirname(out), { recursive: true });
const emit = (line: Record<string, unknown>) => {
  const text = JSON.stringify(line);
  console.log(text);
  appendFileSync(out, `${text}\n`);
};
const seconds = (from: number, to = performance.now()) => +((to - from) / 1000).toFixed(3);

/** The real rows every row of a table is scored against, from a `table` source built with the split seed. */
interface Reference {
  readonly source: TableSource;
  readonly rows: RunTableRows;
}

function reference(example: ExampleConfig): Reference {
  const data = { ...example.config.data, seed: SPLIT_SEED } as { kind: string; [option: string]: unknown };
  const { kind, ...options } = data;
  if (kind !== 'table') throw new Error(`bench/tables: ${example.file}: data.kind is '${kind}', not 'table'`);
  const source = tableSource(options as TableOptions);
  const rows = runTableRows({ data }, source);
  if (rows.heldOut.length === 0)
    throw new Error(`bench/tables: ${example.file} holds no rows out (data.heldOut): TSTR and DCR need them`);
  return { source, rows };
}

/** Scores `synthetic` against the reference's training and holdout rows. */
function score(ref: Reference, synthetic: readonly TableRecord[], target: string) {
  return reportFields(
    tableReport(
      { columns: ref.source.schema, real: ref.rows.train, synthetic, holdout: ref.rows.heldOut },
      { target },
    ),
  );
}

/** Progress on stdout about ten times per run. */
function progress(label: string, steps: number, started: number): Callback {
  const every = Math.max(1, Math.round(steps / 10));
  return {
    name: 'bench-tables-progress',
    onStepEnd: (_logs, ctx) => {
      if (ctx.step % every !== 0 && ctx.step !== steps) return;
      const s = (performance.now() - started) / 1000;
      console.log(
        `bench/tables: ${label}: step ${ctx.step}/${steps}, ${s.toFixed(1)} s (${((1000 * s) / ctx.step).toFixed(0)} ms/step)`,
      );
    },
  };
}

/** Trains a GAN row, samples as many rows as the training rows and decodes them with the run's codec. */
async function trainAndSample(
  row: 'ctgan' | 'copula' | 'mlp',
  table: BenchTable,
  example: ExampleConfig,
  ref: Reference,
  seed: number,
) {
  const n = ref.rows.train.length;
  const steps =
    row === 'ctgan'
      ? (stepsFor('ctgan-steps', table.name) ?? ctganReferenceSteps(n))
      : row === 'mlp'
        ? stepsFor('mlp-steps', table.name)
        : undefined;
  const started = performance.now();
  const gan = await createGan(rowConfig(row, example, { seed, backend, steps }), {
    plugins: [lossesPlugin(), modelsPlugin(), dataPlugin(), ctganPlugin()],
    selectBackend: false,
  });
  try {
    const built = performance.now();
    const total = gan.config.steps;
    const label = `${table.name} ${row} seed ${seed}`;
    await gan.fit({ keepHistory: false, callbacks: [progress(label, total, built)] });
    const fitted = performance.now();
    const source = tableSourceOf(gan.data)!;
    const same = (a: Int32Array | undefined, b: Int32Array | undefined) =>
      a !== undefined && b !== undefined && a.length === b.length && a.every((v, i) => v === b[i]);
    if (
      !same(source.rowIndices, ref.source.rowIndices) ||
      !same(source.heldOut?.rowIndices, ref.source.heldOut?.rowIndices)
    )
      throw new Error(`bench/tables: ${label} trained on another split than the reference's`);
    const weights = gan.ema ? 'ema' : 'raw';
    const synthetic = sampleTableRows(gan, source, { n, seed, weights }).rows;
    const sampled = performance.now();
    return {
      steps: total,
      synthetic,
      fit_seconds: seconds(started, fitted),
      build_seconds: seconds(started, built),
      sample_seconds: seconds(fitted, sampled),
    };
  } finally {
    gan.dispose();
  }
}

/** The independent-marginals row: "fit" = keeping each column's training cells. */
function marginals(ref: Reference, seed: number) {
  const started = performance.now();
  const model = fitIndependentMarginals(
    ref.rows.train,
    ref.source.schema.map((c) => c.name),
  );
  const fitted = performance.now();
  const synthetic = sampleIndependentMarginals(
    model,
    ref.rows.train.length,
    new Rng(seed, 'bench-marginals'),
  );
  return {
    steps: 0,
    synthetic,
    fit_seconds: seconds(started, fitted),
    build_seconds: 0,
    sample_seconds: seconds(fitted),
  };
}

await selectBackend(backend as BackendName);
console.log(
  `bench/tables: ${tables.join(', ')} × ${rows.join(', ')} × seeds ${firstSeed}…${firstSeed + seeds - 1} on ${backend} → ${out}`,
);
for (const name of tables) {
  const table = BENCH_TABLES[name];
  const example = readExampleConfig(configsDir, table);
  const ref = reference(example);
  const common = {
    bench: 'tables',
    date,
    backend,
    table: name,
    config: `examples/configs/${table.config}`,
    split_seed: SPLIT_SEED,
    train_rows: ref.rows.train.length,
    holdout_rows: ref.rows.heldOut.length,
    target: table.target,
  };
  if (rows.includes('holdout')) {
    const started = performance.now();
    const fields = score(ref, ref.rows.heldOut, table.target);
    // The holdout rows are also the efficacy test rows: a tree trained on them scores itself.
    emit({
      ...common,
      row: 'holdout',
      seed: null,
      steps: 0,
      synthetic_rows: ref.rows.heldOut.length,
      fit_seconds: null,
      build_seconds: null,
      sample_seconds: null,
      ...fields,
      tstr_accuracy: null,
      tstr_macro_f1: null,
      total_seconds: seconds(started),
    });
  }
  for (let seed = firstSeed; seed < firstSeed + seeds; seed++) {
    for (const row of rows.filter((r): r is Exclude<BenchRow, 'holdout'> => r !== 'holdout')) {
      const started = performance.now();
      console.log(`bench/tables: ${name} ${row} seed ${seed}…`);
      const run =
        row === 'marginals' ? marginals(ref, seed) : await trainAndSample(row, table, example, ref, seed);
      const { synthetic, ...times } = run;
      emit({
        ...common,
        row,
        seed,
        synthetic_rows: synthetic.length,
        ...times,
        ...score(ref, synthetic, table.target),
        total_seconds: seconds(started),
      });
    }
  }
}
console.log(`bench/tables: results appended to ${out}; render the docs' tables with npm run bench:render`);
