import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataError, defineComponent } from '@ganforge/core';
import { z } from 'zod';
import { checkNormalization, type ColumnNormalization } from '../normalization/column-normalization.js';
import { windowsSource } from '../table/sliding-windows.js';
import { tabularSource, type TabularSource } from '../table/tabular-source.js';
import { readDataFile } from './read-file.js';
import { readNumericCsv } from './read-csv.js';

/** Writes normalization statistics as JSON (e.g. into the run folder) so export can invert them. */
export function writeNormalization(path: string, stats: ColumnNormalization): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(stats, null, 2)}\n`);
}

/** Reads statistics written by {@link writeNormalization}; a bad file is a DataError naming it. */
export function readNormalization(path: string): ColumnNormalization {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readDataFile(path).toString('utf8'));
  } catch (cause) {
    if (cause instanceof DataError) throw cause;
    throw new DataError(`'${path}': not JSON: ${(cause as Error).message}`);
  }
  return checkNormalization(parsed, `'${path}'`);
}

const normalizationOption = z
  .union([z.enum(['minmax', 'standard', 'none']), z.strictObject({ file: z.string().min(1) })])
  .default('minmax')
  .describe("'minmax' (to [-1, 1]), 'standard', 'none', or { file } of saved statistics to reuse");

const common = {
  path: z.string().min(1).describe('CSV file with a header row'),
  columns: z
    .array(z.string())
    .min(1)
    .optional()
    .describe('numeric columns to use (default: all but the label column)'),
  delimiter: z.string().length(1).default(',').describe("field delimiter (default ',')"),
  normalization: normalizationOption,
  saveNormalization: z
    .string()
    .min(1)
    .optional()
    .describe('where to write the statistics as JSON (e.g. the run folder)'),
};

function statsOption(
  n: 'minmax' | 'standard' | 'none' | { file: string },
): ColumnNormalization | 'minmax' | 'standard' | 'none' {
  return typeof n === 'string' ? n : readNormalization(n.file);
}

function saved<T extends TabularSource>(source: T, path: string | undefined): T {
  if (path !== undefined) writeNormalization(path, source.normalization);
  return source;
}

/** zod schema of the `csv` data options. */
export const csvOptionsSchema = z.strictObject({
  ...common,
  labelColumn: z.string().optional().describe('column of class labels (optional)'),
});

/** Options of the `csv` data source. */
export type CsvOptions = z.input<typeof csvOptionsSchema>;

/** Rows of a CSV file as normalized samples [columns] with optional labels (see {@link readNumericCsv}). Node only. */
export function csv(options: CsvOptions): TabularSource {
  const o = csvOptionsSchema.parse(options);
  const table = readNumericCsv(o.path, {
    columns: o.columns,
    labelColumn: o.labelColumn,
    delimiter: o.delimiter,
  });
  return saved(
    tabularSource(table, { normalization: statsOption(o.normalization) }, `'${o.path}'`),
    o.saveNormalization,
  );
}

/** The registered `csv` data component. */
export const csvComponent = defineComponent({
  kind: 'data',
  name: 'csv',
  description:
    'Numeric CSV rows, normalized per column (statistics saved for export), optional label column.',
  options: csvOptionsSchema,
  create: (options) => csv(options),
});

/** zod schema of the `windows` data options. */
export const windowsOptionsSchema = z.strictObject({
  ...common,
  window: z.number().int().min(1).default(24).describe('rows per window (default 24)'),
  stride: z.number().int().min(1).default(1).describe('rows between window starts (default 1)'),
});

/** Options of the `windows` data source. */
export type WindowsOptions = z.input<typeof windowsOptionsSchema>;

/** Sliding windows [window, columns] over a time-series CSV (rows in time order). Node only. */
export function windows(options: WindowsOptions): TabularSource {
  const o = windowsOptionsSchema.parse(options);
  const table = readNumericCsv(o.path, { columns: o.columns, delimiter: o.delimiter });
  return saved(
    windowsSource(
      table,
      { window: o.window, stride: o.stride, normalization: statsOption(o.normalization) },
      `'${o.path}'`,
    ),
    o.saveNormalization,
  );
}

/** The registered `windows` data component. */
export const windowsComponent = defineComponent({
  kind: 'data',
  name: 'windows',
  description: 'Sliding windows over the numeric columns of a time-series CSV, normalized per column.',
  options: windowsOptionsSchema,
  create: (options) => windows(options),
});
