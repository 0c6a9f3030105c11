import { readFileSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { diagnose, type Diagnostic, type MetricsRow, type RunStatus } from './diagnose.js';
import { JsonlTail } from './jsonl-tail.js';

/** What changed in a run folder since the last {@link RunSource.poll}. */
export interface RunUpdate {
  rows: MetricsRow[];
  /** The newest sample picture's file name, when a newer one appeared. */
  sample?: string;
  /** summary.json, when it appeared or changed. */
  summary?: RunStatus & Record<string, unknown>;
  /** The current diagnostics, when they changed. */
  diagnostics?: Diagnostic[];
}

const SAMPLE = /^step-\d+\.png$/;

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/**
 * One run folder as the monitor sees it: only `metrics.jsonl`, `summary.json`,
 * `resolved-config.json` and the newest `samples/step-NNNNNN.png` are ever read; no path from a
 * request reaches the file system.
 */
export class RunSource {
  /** The run folder, absolute. */
  readonly dir: string;
  /** Display name: the folder's name. */
  readonly name: string;
  private readonly tail: JsonlTail<MetricsRow>;
  private readonly rows: MetricsRow[] = [];
  private sample?: string;
  private summaryText?: string;
  private diagnosticsText = '[]';
  private diagnostics: Diagnostic[] = [];

  constructor(dir: string) {
    this.dir = resolve(dir);
    this.name = basename(this.dir);
    this.tail = new JsonlTail<MetricsRow>(join(this.dir, 'metrics.jsonl'));
  }

  /** Everything read so far, as one update (what a newly connected page needs). */
  snapshot(): RunUpdate {
    return {
      rows: [...this.rows],
      ...(this.sample !== undefined ? { sample: this.sample } : {}),
      ...(this.summaryText !== undefined
        ? { summary: JSON.parse(this.summaryText) as RunStatus & Record<string, unknown> }
        : {}),
      diagnostics: this.diagnostics,
    };
  }

  /** The resolved config (resolved-config.json), or undefined before the run wrote it. */
  config(): Record<string, unknown> | undefined {
    return readJson(join(this.dir, 'resolved-config.json'));
  }

  /** Path of the newest sample picture, or undefined when there is none yet. */
  latestSamplePath(): string | undefined {
    const name = this.newestSample();
    return name === undefined ? undefined : join(this.dir, 'samples', name);
  }

  private newestSample(): string | undefined {
    try {
      return readdirSync(join(this.dir, 'samples'))
        .filter((f) => SAMPLE.test(f))
        .sort()
        .at(-1);
    } catch {
      return undefined;
    }
  }

  /** Reads what is new on disk. */
  poll(): RunUpdate {
    const rows = this.tail.read();
    this.rows.push(...rows);
    const update: RunUpdate = { rows };
    const sample = this.newestSample();
    if (sample !== undefined && sample !== this.sample) update.sample = this.sample = sample;
    let summary: (RunStatus & Record<string, unknown>) | undefined;
    try {
      const text = readFileSync(join(this.dir, 'summary.json'), 'utf8');
      summary = JSON.parse(text) as RunStatus & Record<string, unknown>;
      if (text !== this.summaryText) {
        this.summaryText = text;
        update.summary = summary;
      }
    } catch {
      summary = undefined;
    }
    const diagnostics = diagnose(this.rows, summary);
    const text = JSON.stringify(diagnostics);
    if (text !== this.diagnosticsText) {
      this.diagnosticsText = text;
      this.diagnostics = diagnostics;
      update.diagnostics = diagnostics;
    }
    return update;
  }
}
