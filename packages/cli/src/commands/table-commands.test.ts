import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readCsvCells, table } from '@ganforge/data/node';
import { runCli } from '../run-cli.js';
import { readTableRows } from '../table/read-table-rows.js';
import { formatTableCsv } from '../table/table-csv.js';
import { seenCategories } from '../table/table-run.js';

// A 20-step table run trained here (cpu, 16-unit MLPs) on a file with every column type and
// missing cells; sample, report and split run on it in this process.
const dir = mkdtempSync(join(tmpdir(), 'ganforge-table-'));
const run = join(dir, 'run');
const csvPath = join(dir, 'people.csv');

function peopleCsv(): string {
  const lines = ['kind,count,amount,member,joined,note'];
  for (let i = 0; i < 60; i++) {
    const kind = ['alpha', 'beta', 'gamma, inc'][i % 3];
    const count = i % 10 === 4 ? 'NA' : String((i * 7) % 13);
    const amount = (10 + ((i * 37) % 50) / 4).toFixed(2);
    const member = i % 4 === 0 ? 'No' : 'Yes';
    const joined = `2024-0${1 + (i % 9)}-${String(1 + ((i * 3) % 28)).padStart(2, '0')}`;
    lines.push([kind.includes(',') ? `"${kind}"` : kind, count, amount, member, joined, `n${i}`].join(','));
  }
  return lines.join('\n') + '\n';
}

function captureStdout(): { text: () => string } {
  let text = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += chunk.toString();
    return true;
  });
  return { text: () => text };
}

function captureStderr(): { text: () => string } {
  let text = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += chunk.toString();
    return true;
  });
  return { text: () => text };
}

describe('table runs: sample, report, split', () => {
  beforeAll(async () => {
    writeFileSync(csvPath, peopleCsv());
    writeFileSync(
      join(dir, 'people.yaml'),
      `seed: 3
backend: cpu
data: { kind: table, path: people.csv, heldOut: 0.2, exclude: [note] }
generator: { kind: mlp, hidden: [16], activation: relu, outputActivation: tanh }
discriminator: { kind: mlp, hidden: [16], activation: relu }
latentDim: 4
batchSize: 16
steps: 20
logEvery: 10
checkpoint: { every: 20, keep: 1 }
`,
    );
    const out = captureStdout();
    const code = await runCli(['train', join(dir, 'people.yaml'), '--out', run]);
    vi.restoreAllMocks();
    expect(code, out.text()).toBe(0);
  });
  afterEach(() => vi.restoreAllMocks());

  it('sample --out writes the original columns and formats, by default as many rows as the training split', async () => {
    captureStdout();
    const csv = join(dir, 'synth.csv');
    expect(await runCli(['sample', run, '--out', csv])).toBe(0);
    const cells = readCsvCells(csv);
    expect(cells.header).toEqual(['kind', 'count', 'amount', 'member', 'joined']);
    expect(cells.records).toHaveLength(48); // 60 rows, 12 held out
    for (const [kind, count, amount, member, joined] of cells.records) {
      expect(['alpha', 'beta', 'gamma, inc']).toContain(kind);
      expect(count).toMatch(/^(\d+|)$/);
      if (count !== '') expect(Number(count)).toBeLessThanOrEqual(12);
      expect(amount).toMatch(/^\d+(\.\d{1,2})?$/);
      expect(['Yes', 'No']).toContain(member);
      expect(joined).toMatch(/^2024-0\d-\d\d$/);
    }
    expect(await runCli(['sample', run, '--out', join(dir, 'again.csv')])).toBe(0);
    expect(readFileSync(join(dir, 'again.csv'), 'utf8')).toBe(readFileSync(csv, 'utf8'));
  });

  it('decoded rows round-trip through the CSV writer and the schema reader: integers, categories, missing, booleans, dates', () => {
    const source = table({ path: csvPath, exclude: ['note'] });
    const original = readTableRows(csvPath, source.schema).rows;
    const decoded = source.decode(source.encode(original));
    const file = join(dir, 'round-trip.csv');
    writeFileSync(file, formatTableCsv(source.schema, decoded));
    const back = readTableRows(file, source.schema, { categories: seenCategories(source) });
    expect(back.rows).toEqual(original);
    expect(back.unseen).toEqual([]);
    expect(readFileSync(file, 'utf8')).toContain('"gamma, inc"');
    expect(original[4]).toEqual({
      kind: 'beta',
      count: null,
      amount: 22,
      member: false,
      joined: '2024-05-13',
    });
    expect(readFileSync(file, 'utf8').split('\n')[5]).toBe('beta,,22,No,2024-05-13');
  });

  it('sample --where keeps only matching rows (rejection sampling) and names a bad condition', async () => {
    const out = captureStdout();
    const csv = join(dir, 'beta.csv');
    expect(await runCli(['sample', run, '-n', '30', '--where', 'kind=beta', '--out', csv])).toBe(0);
    expect(out.text()).toMatch(/--where kind=beta: by rejection sampling: \d+ rows generated/);
    const rows = readCsvCells(csv).records;
    expect(rows).toHaveLength(30);
    expect(rows.every((r) => r[0] === 'beta')).toBe(true);
    const err = captureStderr();
    expect(await runCli(['sample', run, '--where', 'kind=delta', '--out', csv])).toBe(2);
    expect(err.text()).toContain(
      "--where: kind=delta: 'delta' is not a category of 'kind' (seen in training: alpha, beta, gamma, inc)",
    );
    expect(await runCli(['sample', run, '--where', 'amount=12', '--out', csv])).toBe(2);
    expect(err.text()).toContain("--where: amount=12: column 'amount' is continuous");
    expect(await runCli(['sample', run, '--where', 'size=3', '--out', csv])).toBe(2);
    expect(err.text()).toContain(
      "--where: size=3: no column 'size' in this run (columns: kind, count, amount, member, joined)",
    );
  });

  it('split writes train.csv and holdout.csv holding out the rows a run with heldOut and seed holds out', async () => {
    captureStdout();
    const out = join(dir, 'split');
    expect(await runCli(['split', csvPath, '--holdout', '0.2', '--seed', '0', '--out', out])).toBe(0);
    const train = readCsvCells(join(out, 'train.csv'));
    const holdout = readCsvCells(join(out, 'holdout.csv'));
    expect(train.header).toEqual(['kind', 'count', 'amount', 'member', 'joined', 'note']);
    expect([train.records.length, holdout.records.length]).toEqual([48, 12]);
    const source = table({ path: csvPath, heldOut: 0.2, seed: 0 });
    expect(holdout.records.map((r) => r[5])).toEqual(Array.from(source.heldOut!.rowIndices, (i) => `n${i}`));
    const err = captureStderr();
    expect(await runCli(['split', csvPath, '--holdout', '1.5', '--out', out])).toBe(2);
    expect(err.text()).toContain('--holdout must be a share between 0 and 1');
  });

  it('report writes report.json (the expected keys), report.png, report.html and synthetic.csv', async () => {
    const split = join(dir, 'split-report');
    captureStdout();
    expect(await runCli(['split', csvPath, '--holdout', '0.25', '--seed', '1', '--out', split])).toBe(0);
    const out = captureStdout();
    const folder = join(dir, 'report');
    const args = ['report', run, '--real', join(split, 'train.csv'), '--holdout', join(split, 'holdout.csv')];
    expect(await runCli([...args, '--target', 'kind', '--out', folder])).toBe(0);
    expect(out.text()).toMatch(/quality score \(SDMetrics\) +\d\.\d{3}/);
    expect(out.text()).toMatch(/ML efficacy \(kind\): macro-F1 +\d\.\d{3} +TRTR \d\.\d{3}/);
    const report = JSON.parse(readFileSync(join(folder, 'report.json'), 'utf8')) as Record<
      string,
      unknown
    > & {
      rows: Record<string, number>;
      efficacy: { target: string; task: string };
      privacy: { synthetic: { median: number }; holdout: { median: number } };
    };
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining([
        'run',
        'checkpoint',
        'real',
        'holdout',
        'unseenCategories',
        'score',
        'columnShapes',
        'columnPairTrends',
        'association',
        'efficacy',
        'privacy',
        'seconds',
        'totalSeconds',
      ]),
    );
    expect(report.rows).toEqual({ real: 45, synthetic: 45, holdout: 15 });
    expect(report.efficacy).toMatchObject({ target: 'kind', task: 'classification' });
    expect(report.privacy.holdout.median).toBeGreaterThanOrEqual(0);
    expect(PNG.sync.read(readFileSync(join(folder, 'report.png'))).width).toBeGreaterThan(600);
    expect(readFileSync(join(folder, 'report.html'), 'utf8')).toContain('src="data:image/png;base64,');
    expect(readCsvCells(join(folder, 'synthetic.csv')).records).toHaveLength(45);
  });

  it('report defaults to the run’s own split and names the file, row and column of a bad cell', async () => {
    captureStdout();
    const folder = join(dir, 'report-own');
    expect(await runCli(['report', run, '--out', folder, '-n', '20'])).toBe(0);
    const report = JSON.parse(readFileSync(join(folder, 'report.json'), 'utf8')) as {
      rows: Record<string, number>;
    };
    expect(report.rows).toEqual({ real: 48, synthetic: 20, holdout: 12 });
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      'kind,count,amount,member,joined\nalpha,3,1.5,Yes,2024-01-01\nbeta,three,2,No,2024-01-02\n',
    );
    const err = captureStderr();
    expect(await runCli(['report', run, '--real', bad, '--out', folder])).toBe(4);
    expect(err.text()).toContain(`'${bad}', row 3 (line 3), column 'count': 'three' is not an integer`);
    expect(await runCli(['report', run, '--target', 'nope', '--out', folder])).toBe(2);
    expect(err.text()).toContain(
      "--target: no column 'nope' in this run (columns: kind, count, amount, member, joined)",
    );
    const unseen = join(dir, 'unseen.csv');
    writeFileSync(
      unseen,
      'kind,count,amount,member,joined\nomega,3,11.5,Yes,2024-01-01\nalpha,2,12,No,2024-01-02\n',
    );
    expect(await runCli(['report', run, '--real', unseen, '--out', join(dir, 'report-unseen')])).toBe(0);
    expect(err.text()).toContain("category 'omega' of column 'kind' was not seen in training (1 rows, first");
    expect(existsSync(join(dir, 'report-unseen', 'report.png'))).toBe(true);
  });
});
