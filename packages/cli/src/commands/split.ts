import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError } from '@ganforge/core';
import { splitRows } from '@ganforge/data';
import { readCsvCells } from '@ganforge/data/node';
import type { Reporter } from '../progress/reporter.js';
import { formatCsv } from '../table/table-csv.js';

/** Options of `ganforge split`. */
export interface SplitCommandOptions {
  /** Share of rows held out, in (0, 1). */
  holdout: number;
  seed?: number;
  out: string;
  delimiter?: string;
}

/**
 * `ganforge split FILE --holdout SHARE --seed S --out DIR`: writes DIR/train.csv and
 * DIR/holdout.csv, the file's header and rows (cells as read: trimmed, re-quoted where needed)
 * split by the seeded permutation of the `table` source (`splitRows`), so the held-out rows are
 * those a run with `data: { heldOut: SHARE, seed: S }` holds out. Rows keep their order.
 */
export async function splitCommand(
  file: string,
  options: SplitCommandOptions,
  reporter: Reporter,
): Promise<number> {
  const path = resolve(file);
  const delimiter = options.delimiter ?? ',';
  const cells = readCsvCells(path, delimiter);
  const rows = cells.records.length;
  const count = Math.round(options.holdout * rows);
  if (count === 0 || count === rows)
    throw new ConfigError(
      `--holdout: ${options.holdout} of ${rows} rows in ${path} leaves ${count === 0 ? 'nothing held out' : 'no training rows'}`,
      '--holdout',
    );
  const split = splitRows(rows, options.holdout, options.seed ?? 0);
  const out = resolve(options.out);
  mkdirSync(out, { recursive: true });
  const write = (name: string, indices: Int32Array) => {
    const target = join(out, name);
    writeFileSync(
      target,
      formatCsv(
        cells.header,
        Array.from(indices, (i) => cells.records[i]),
        delimiter,
      ),
    );
    return target;
  };
  const train = write('train.csv', split.train);
  const holdout = write('holdout.csv', split.heldOut);
  reporter.event('split', {
    train,
    holdout,
    trainRows: split.train.length,
    holdoutRows: split.heldOut.length,
  });
  reporter.info(`wrote ${split.train.length} rows to ${train} and ${split.heldOut.length} to ${holdout}`);
  return 0;
}
