// The data sets and rows of bench/tables: which example config gives each table's data block (and
// the plain MLP GAN), the ML-efficacy target, CTGAN's budget, and each row's config.
import { isDeepStrictEqual } from 'node:util';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { GanConfig, PresetNetworksConfig } from '@ganforge/core';
import { readConfigFile } from '../../packages/cli/src/config/load-config.js';

/** One benchmark table: its example config (the `mlp` row as it is) and the column TSTR predicts. */
export interface BenchTable {
  readonly name: string;
  /** `examples/configs/<config>`: its `data` block is every row's; the file itself is the `mlp` row. */
  readonly config: string;
  /** The ML-efficacy target (a categorical or boolean column). */
  readonly target: string;
}

/**
 * The tables. Targets: penguins' species and weather's weather type are the tables' own labels;
 * accounts' `has_card` is the one discrete column that generate-accounts.ts draws from the other
 * columns (Bernoulli(σ(−1 + 0.05 (income − 35)))), and it in turn drives debt and score; `region`,
 * the other discrete column, is drawn first from fixed shares and depends on nothing.
 */
export const BENCH_TABLES: Readonly<Record<string, BenchTable>> = {
  penguins: { name: 'penguins', config: 'table-penguins.yaml', target: 'species' },
  weather: { name: 'weather', config: 'table-weather.yaml', target: 'weather' },
  accounts: { name: 'accounts', config: 'table-accounts.yaml', target: 'has_card' },
};

/** The rows, in the order they run and render. `holdout` is the real holdout rows scored as synthetic. */
export const BENCH_ROWS = ['ctgan', 'copula', 'mlp', 'marginals', 'holdout'] as const;
export type BenchRow = (typeof BENCH_ROWS)[number];

/**
 * The `table` source's split seed (`data.seed`), the same for every row and training seed of a
 * table, so all are scored on the same training and holdout rows: the example configs' default, 0
 * (`ganforge split FILE --holdout SHARE --seed 0` writes the same rows). It also seeds the
 * transforms' mixture fits and mode draws, which are therefore the same in every run of a table;
 * the training seed (`seed`) drives initialization, batches, noise and CTGAN's condition draws.
 */
export const SPLIT_SEED = 0;

/**
 * CTGAN's reference budget (sdv-dev/CTGAN: 300 epochs of max(1, ⌊N / 500⌋) steps at batch 500 on N
 * training rows): 300 steps on penguins' 310 rows, 600 on weather's 1,315 and accounts' 1,200.
 */
export function ctganReferenceSteps(trainRows: number, epochs = 300, batchSize = 500): number {
  return epochs * Math.max(1, Math.floor(trainRows / batchSize));
}

/** An example config read as the CLI reads it (relative paths resolved against its folder). */
export interface ExampleConfig {
  readonly file: string;
  readonly config: GanConfig;
}

/**
 * A table's example config, checked against its siblings: `ctgan-<name>.yaml` and
 * `copula-<name>.yaml`, where they exist, must have the same data block (the rows built here use
 * the plain config's, and the docs say that is what the example configs train on).
 */
export function readExampleConfig(configsDir: string, table: BenchTable): ExampleConfig {
  const file = join(configsDir, table.config);
  const { config } = readConfigFile(file);
  for (const sibling of [`ctgan-${table.name}.yaml`, `copula-${table.name}.yaml`]) {
    const path = join(configsDir, sibling);
    if (!existsSync(path)) continue;
    const other = readConfigFile(path).config;
    if (!isDeepStrictEqual(other.data, config.data))
      throw new Error(
        `bench/tables: ${sibling}'s data block differs from ${table.config}'s: the rows would not be comparable`,
      );
  }
  return { file, config };
}

/** What one GAN row trains: seed, backend and steps (undefined: the config's or the preset's). */
export interface RowRun {
  readonly seed: number;
  readonly backend: string;
  readonly steps?: number;
}

/**
 * The config of a trained row (`ctgan`, `copula`, `mlp`) on a table: the example config's data
 * block with `seed: SPLIT_SEED` under `preset: ctgan` or `preset: gaussian-copula`, or the example
 * config itself (`mlp`), with the run's seed, backend and steps.
 */
export function rowConfig(
  row: 'ctgan' | 'copula' | 'mlp',
  example: ExampleConfig,
  run: RowRun,
): GanConfig | PresetNetworksConfig {
  const data = { ...example.config.data, seed: SPLIT_SEED } as GanConfig['data'];
  const common = { seed: run.seed, backend: run.backend, data, ...(run.steps ? { steps: run.steps } : {}) };
  if (row === 'mlp') return { ...example.config, ...common };
  return { ...common, preset: row === 'ctgan' ? 'ctgan' : 'gaussian-copula' };
}
