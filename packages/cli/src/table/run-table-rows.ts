import { ConfigError, type ResolvedConfig } from '@ganforge/core';
import type { TableRow, TableSource } from '@ganforge/data';
import { readTableRows, type ReadTableRowsOptions } from './read-table-rows.js';
import { seenCategories } from './table-run.js';

/** The `table` data block fields that say how its file is read. */
interface TableFileOptions {
  path?: string;
  missing?: string[];
  delimiter?: string;
  inner?: TableFileOptions;
}

/**
 * What these functions read of a run's config: its `data` block only, so a program that built a
 * `table` source itself (a benchmark) can pass `{ data: { kind: 'table', … } }`.
 */
export type RunDataConfig = Pick<ResolvedConfig, 'data'>;

/**
 * The run's `table` block: `data` itself, or the `inner` block of a data wrapper around it (CTGAN's
 * preset puts `training-by-sampling` around the user's table).
 */
export function tableDataBlock(config: RunDataConfig): TableFileOptions {
  let block = config.data as TableFileOptions;
  while (block.path === undefined && block.inner !== undefined && typeof block.inner === 'object')
    block = block.inner;
  return block;
}

/** How the run's own `table` file is read: its missing tokens, delimiter and seen categories. */
export function runReadOptions(config: RunDataConfig, source: TableSource): ReadTableRowsOptions {
  const data = tableDataBlock(config);
  return {
    ...(data.missing ? { missing: data.missing } : {}),
    ...(data.delimiter ? { delimiter: data.delimiter } : {}),
    categories: seenCategories(source),
  };
}

/** The run's own training rows and held-out rows (`data.heldOut`), re-read from its file. */
export interface RunTableRows {
  readonly path: string;
  readonly train: TableRow[];
  /** Empty when the run holds nothing out. */
  readonly heldOut: TableRow[];
}

/**
 * Re-reads the file a `table` run trained on and splits it as the run did (the source's
 * `rowIndices` and `heldOut.rowIndices`), so `ganforge report RUN` needs no CSV of its own.
 */
export function runTableRows(config: RunDataConfig, source: TableSource): RunTableRows {
  const path = tableDataBlock(config).path;
  if (path === undefined)
    throw new ConfigError(
      "the run's table block names no file (path), so its training rows cannot be re-read: give them to ganforge report with --real",
      '--real',
    );
  const { rows } = readTableRows(path, source.schema, runReadOptions(config, source));
  const pick = (indices: Int32Array | undefined) => Array.from(indices ?? [], (i) => rows[i]);
  return { path, train: pick(source.rowIndices), heldOut: pick(source.heldOut?.rowIndices) };
}
