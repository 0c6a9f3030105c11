import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError } from '@ganforge/core';
import type { TableRow } from '@ganforge/data';
import { prepareTable, tableReport, type TableReportStage } from '@ganforge/metrics';
import { renderVegaLitePng } from '../plot/render-png.js';
import type { Reporter } from '../progress/reporter.js';
import { openRun } from '../run/open-run.js';
import { readTableRows, type UnseenCategory } from '../table/read-table-rows.js';
import { reportHtml } from '../table/report-html.js';
import { reportSpec } from '../table/report-plots.js';
import { fmt, reportSummaryLines } from '../table/report-summary.js';
import { runReadOptions, runTableRows } from '../table/run-table-rows.js';
import { sampleTableRows } from '../table/sample-table.js';
import { formatTableCsv } from '../table/table-csv.js';
import { tableSourceOf } from '../table/table-run.js';

/** Options of `ganforge report`. */
export interface ReportCommandOptions {
  /** Training rows as CSV (default: the run's own file and split). */
  real?: string;
  /** Holdout rows as CSV (default without `real`: the run's heldOut rows). */
  holdout?: string;
  /** Synthetic rows (default: as many as the real rows). */
  n?: number;
  target?: string;
  /** Output folder (default RUN/report). */
  out?: string;
  checkpoint?: string;
  seed?: number;
  rawWeights?: boolean;
}

const STAGES: Record<TableReportStage, string> = {
  'column-shapes': 'column shapes',
  'column-pair-trends': 'column pair trends',
  'ml-efficacy': 'ML efficacy (TSTR vs TRTR)',
  privacy: 'distance to closest record',
};

/**
 * `ganforge report RUN_DIR [--real train.csv --holdout holdout.csv] [-n N] [--target COL]`:
 * samples N rows from a table run through the same decode path as `ganforge sample`, reads the
 * real files with the run's schema (errors name file, row and column; categories the run never
 * saw are warned about and listed), computes `tableReport` (SDMetrics-style quality, ML
 * efficacy, DCR privacy) and writes report.json, report.png, report.html and synthetic.csv to
 * `--out` (default RUN/report), printing a summary table. Returns the exit code.
 */
export async function reportCommand(
  dir: string,
  options: ReportCommandOptions,
  reporter: Reporter,
): Promise<number> {
  const started = performance.now();
  const { gan, checkpoint, run } = await openRun(dir, options.checkpoint, reporter);
  try {
    const source = tableSourceOf(gan.data);
    if (source === undefined)
      throw new ConfigError(
        `report: the run in ${run.root} trains on '${gan.config.data.kind}' data; the report compares tables (data kind 'table')`,
        'data.kind',
      );
    const names = source.schema.map((c) => c.name);
    if (options.target !== undefined && !names.includes(options.target))
      throw new ConfigError(
        `--target: no column '${options.target}' in this run (columns: ${names.join(', ')})`,
        '--target',
      );
    const readOptions = runReadOptions(gan.config, source);
    const unseen: Record<string, readonly UnseenCategory[]> = {};
    const read = (flag: string, file: string): TableRow[] => {
      const path = resolve(file);
      const table = readTableRows(path, source.schema, readOptions);
      unseen[flag] = table.unseen;
      for (const u of table.unseen)
        reporter.warn(
          `${flag} ${path}: category '${u.value}' of column '${u.column}' was not seen in training (${u.count} rows, first ${u.first})`,
        );
      return table.rows;
    };
    const own = options.real === undefined ? runTableRows(gan.config, source) : undefined;
    const real = options.real !== undefined ? read('--real', options.real) : own!.train;
    const holdout =
      options.holdout !== undefined
        ? read('--holdout', options.holdout)
        : own && own.heldOut.length > 0
          ? own.heldOut
          : undefined;
    if (holdout === undefined)
      reporter.warn(
        'no holdout rows (--holdout, or data.heldOut in the run): ML efficacy and the DCR baseline are left out',
      );
    const n = options.n ?? real.length;
    const weights = gan.ema && !options.rawWeights ? 'ema' : 'raw';
    reporter.info(
      `report: sampling ${n} rows from ${checkpoint}${weights === 'ema' ? ' (EMA weights)' : ''}…`,
    );
    const synthetic = sampleTableRows(gan, source, {
      n,
      seed: options.seed ?? gan.config.seed,
      weights,
    }).rows;
    let lastQuarter = 0;
    const report = tableReport(
      { columns: source.schema, real, synthetic, holdout },
      {
        target: options.target,
        onProgress: (stage, done, total) => {
          if (done === 0) {
            lastQuarter = 0;
            return reporter.info(`report: ${STAGES[stage]}…`);
          }
          const quarter = Math.floor((4 * done) / total);
          if (stage === 'privacy' && total >= 4000 && quarter > lastQuarter && done < total) {
            lastQuarter = quarter;
            reporter.info(`report: distance to closest record ${done}/${total} rows`);
          }
        },
      },
    );
    const out = resolve(options.out ?? join(run.root, 'report'));
    mkdirSync(out, { recursive: true });
    const summary = reportSummaryLines(report);
    const title = `Quality and privacy report: ${run.root}`;
    const subtitle = `${checkpoint}; ${real.length} real, ${n} synthetic, ${holdout?.length ?? 0} holdout rows; quality ${fmt(report.score)}`;
    const png = await renderVegaLitePng(
      reportSpec(
        title,
        subtitle,
        prepareTable(source.schema, real, 'real'),
        prepareTable(source.schema, synthetic, 'synthetic'),
        report.association,
      ),
      1.5,
    );
    const seconds = (performance.now() - started) / 1000;
    const files = {
      json: join(out, 'report.json'),
      png: join(out, 'report.png'),
      html: join(out, 'report.html'),
      synthetic: join(out, 'synthetic.csv'),
    };
    const document = {
      run: run.root,
      checkpoint,
      weights,
      real: options.real !== undefined ? resolve(options.real) : `${own!.path} (the run's training rows)`,
      holdout:
        options.holdout !== undefined
          ? resolve(options.holdout)
          : holdout
            ? `${own!.path} (the run's heldOut rows)`
            : null,
      unseenCategories: unseen,
      ...report,
      totalSeconds: seconds,
    };
    writeFileSync(files.json, `${JSON.stringify(document, null, 2)}\n`);
    writeFileSync(files.png, png);
    writeFileSync(files.html, reportHtml(title, summary, report, png));
    writeFileSync(files.synthetic, formatTableCsv(source.schema, synthetic, readOptions.delimiter ?? ','));
    for (const line of summary) reporter.info(line);
    reporter.event('report', { files, score: report.score, seconds });
    reporter.info(`wrote ${out}/report.{json,png,html} and synthetic.csv in ${seconds.toFixed(1)} s`);
    return 0;
  } finally {
    gan.dispose();
  }
}
