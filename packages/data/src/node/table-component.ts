import { defineComponent } from '@ganforge/core';
import { z } from 'zod';
import { tableSource, type TableSource } from '../tabular/table-source.js';
import { DEFAULT_MISSING_TOKENS, typeTable } from '../tabular/type-table.js';
import { readCsvCells } from './read-table-csv.js';

const columnSchema = z.strictObject({
  type: z
    .enum(['continuous', 'integer', 'categorical', 'boolean', 'datetime'])
    .optional()
    .describe('continuous | integer | categorical | boolean | datetime (default: inferred from the cells)'),
  categories: z
    .array(z.string())
    .min(1)
    .optional()
    .describe('the categories in this order (implies categorical; other cells are an error)'),
  transform: z
    .enum(['auto', 'min-max', 'one-hot', 'mode-specific', 'mixed'])
    .optional()
    .describe("how the column is encoded (default 'auto': see `continuous`; one-hot for categories)"),
  masses: z
    .array(z.number())
    .optional()
    .describe("point masses of a 'mixed' column, instead of the detected ones"),
});

/** zod schema of the `table` data options. */
export const tableOptionsSchema = z.strictObject({
  path: z.string().min(1).describe('CSV file with a header row'),
  delimiter: z.string().length(1).default(',').describe("field delimiter (default ',')"),
  missing: z
    .array(z.string())
    .default([...DEFAULT_MISSING_TOKENS])
    .describe("cells read as missing (default '', 'NA', '?')"),
  columns: z
    .record(z.string(), columnSchema)
    .default({})
    .describe('per-column overrides by header name: type, categories, transform, masses'),
  exclude: z.array(z.string()).default([]).describe('columns to leave out (identifiers, free text)'),
  continuous: z
    .enum(['auto', 'mode-specific', 'min-max', 'mixed'])
    .default('auto')
    .describe(
      "numeric columns' transform: 'auto' = mixed with point masses or missing values, else mode-specific",
    ),
  maxModes: z
    .number()
    .int()
    .min(1)
    .max(50)
    .default(10)
    .describe('mixture components per column at most (default 10)'),
  weightThreshold: z
    .number()
    .min(0)
    .max(0.5)
    .default(0.005)
    .describe('modes with a weight at or below this are dropped (default 0.005)'),
  massShare: z
    .number()
    .gt(0)
    .max(1)
    .default(0.1)
    .describe('a value with at least this share of the cells is a point mass (default 0.1)'),
  boundShare: z
    .number()
    .gt(0)
    .max(1)
    .default(0.01)
    .describe('the minimum or maximum with at least this share is a point mass (default 0.01)'),
  maxLevels: z
    .number()
    .int()
    .min(0)
    .default(10)
    .describe('an integer column with at most this many values has each as a point mass (default 10)'),
  maxCategories: z
    .number()
    .int()
    .min(2)
    .default(100)
    .describe('an inferred categorical column with more distinct values is an error (default 100)'),
  heldOut: z.number().min(0).lt(1).default(0).describe('share of rows held out, seeded (default 0)'),
  seed: z
    .number()
    .int()
    .default(0)
    .describe('seed of the split, the mixture fits and the mode draws (default 0)'),
});

/** Options of the `table` data source. */
export type TableOptions = z.input<typeof tableOptionsSchema>;

/**
 * A mixed-type CSV table as encoded rows: cells typed by inference and the config's overrides
 * (`typeTable`), each column through its reversible transform (`tableSource`); the source's
 * `decode` turns generated rows back into the user's units. Node only.
 */
export function table(options: TableOptions): TableSource {
  const o = tableOptionsSchema.parse(options);
  const cells = readCsvCells(o.path, o.delimiter);
  const typed = typeTable(
    cells.header,
    cells.records,
    { file: o.path, lines: cells.lines },
    {
      missing: o.missing,
      columns: o.columns,
      exclude: o.exclude,
      maxCategories: o.maxCategories,
    },
  );
  return tableSource(typed, {
    continuous: o.continuous,
    columns: o.columns,
    maxModes: o.maxModes,
    weightThreshold: o.weightThreshold,
    massShare: o.massShare,
    boundShare: o.boundShare,
    maxLevels: o.maxLevels,
    heldOut: o.heldOut,
    seed: o.seed,
  });
}

/** The registered `table` data component. */
export const tableComponent = defineComponent({
  kind: 'data',
  name: 'table',
  description:
    'A mixed-type CSV table (typed schema, missing values) as encoded rows: one-hot, mode-specific (VGM) and mixed encodings; decode() returns rows.',
  options: tableOptionsSchema,
  create: (options) => table(options),
});
