import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Gan, GeneratorWeights } from '@ganforge/core';
import type { TableSource } from '@ganforge/data';
import { prepareTable } from '@ganforge/metrics';
import { renderVegaLitePng } from '../plot/render-png.js';
import type { Reporter } from '../progress/reporter.js';
import { distributionsSpec } from '../table/report-plots.js';
import { runReadOptions, runTableRows } from '../table/run-table-rows.js';
import { sampleTableRows } from '../table/sample-table.js';
import { formatTableCsv } from '../table/table-csv.js';
import { seenCategories } from '../table/table-run.js';
import { parseWhere } from '../table/where.js';

/** What the table branch of `ganforge sample` needs. */
export interface SampleTableCommandOptions {
  /** Rows (default: the run's training rows). */
  n?: number;
  out: string;
  format: '.csv' | '.png';
  seed: number;
  weights: GeneratorWeights;
  where?: readonly string[];
  checkpoint: string;
}

/**
 * `ganforge sample` on a `table` run: rows decoded through the run's codec and written as CSV
 * under the original column names and formats (integers, categories from the seen set, the
 * file's boolean tokens, ISO datetimes, empty cells for missing), or as a PNG of per-column
 * overlays against the run's training rows; `--where` conditions the rows (see
 * `sampleTableRows`). Returns the rows written.
 */
export async function sampleTableCommand(
  gan: Gan,
  source: TableSource,
  options: SampleTableCommandOptions,
  reporter: Reporter,
): Promise<number> {
  const where = parseWhere(options.where ?? [], source.schema, seenCategories(source));
  const n = options.n ?? source.size;
  const sampled = sampleTableRows(gan, source, { n, seed: options.seed, weights: options.weights, where });
  mkdirSync(dirname(options.out), { recursive: true });
  if (options.format === '.csv') {
    const delimiter = runReadOptions(gan.config, source).delimiter ?? ',';
    writeFileSync(options.out, formatTableCsv(source.schema, sampled.rows, delimiter));
  } else {
    const own = runTableRows(gan.config, source);
    const real = prepareTable(source.schema, own.train, 'training rows');
    const synthetic = prepareTable(source.schema, sampled.rows, 'samples');
    const title = `${n} rows from ${options.checkpoint} vs ${own.train.length} training rows`;
    writeFileSync(options.out, await renderVegaLitePng(distributionsSpec(title, real, synthetic)));
  }
  if (where.length > 0) {
    const how =
      sampled.conditioning === 'generator'
        ? "through the generator's conditional vector"
        : `by rejection sampling: ${sampled.drawn} rows generated, ${((100 * n) / sampled.drawn).toFixed(1)} % kept`;
    reporter.info(`--where ${where.map((w) => w.text).join(' and ')}: ${how}`);
  }
  reporter.event('conditioning', { mode: sampled.conditioning, drawn: sampled.drawn, kept: n });
  return n;
}
