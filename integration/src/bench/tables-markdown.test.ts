import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTablesLines } from '../../../bench/render/tables-load.js';
import { renderTablesSection } from '../../../bench/render/tables-markdown.js';

// bench/render's tables section from a hand-made results file: mean ± sd over seeds, the real
// rows' own scores, and issue #40's goals computed as met or missed by how much.
const COMMON = {
  bench: 'tables',
  date: '2026-12-07',
  backend: 'wasm-native',
  table: 'penguins',
  train_rows: 310,
  holdout_rows: 34,
  target: 'species',
  quality_all_pairs: 0.5,
  column_shapes: 0.9,
  pair_trends_all: 0.7,
  pair_trends_strong: 0.6,
  tstr_accuracy: 0.8,
  trtr_accuracy: 0.971,
  trtr_macro_f1: 0.974,
  dcr_median_holdout: 0.023,
  exact_copies_synthetic: 0,
  exact_copies_holdout: 0,
  missing_similarity: null,
  fit_seconds: 10,
  sample_seconds: 0.05,
};

const line = (row: string, seed: number | null, steps: number, scores: Record<string, number | null>) =>
  JSON.stringify({ ...COMMON, row, seed, steps, ...scores });

function resultsDir(lines: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'ganforge-tables-render-'));
  writeFileSync(join(dir, '2026-12-07-wasm-native.jsonl'), `${lines.join('\n')}\n`);
  return dir;
}

const LINES = [
  line('ctgan', 1, 300, {
    quality: 0.8,
    tstr_macro_f1: 0.9,
    dcr_median_synthetic: 0.05,
    exact_copies_synthetic: 0.01,
  }),
  line('ctgan', 2, 300, {
    quality: 0.7,
    tstr_macro_f1: 0.8,
    dcr_median_synthetic: 0.03,
    exact_copies_synthetic: 0.03,
  }),
  line('copula', 1, 1, { quality: 0.85, tstr_macro_f1: 0.7, dcr_median_synthetic: 0.08 }),
  line('copula', 2, 1, { quality: 0.85, tstr_macro_f1: 0.7, dcr_median_synthetic: 0.08 }),
  // Replaced by the next line (same table, row, steps, backend and seed).
  line('mlp', 1, 2000, { quality: 0.1, tstr_macro_f1: 0.99, dcr_median_synthetic: 0.2 }),
  line('mlp', 1, 2000, { quality: 0.6, tstr_macro_f1: 0.86, dcr_median_synthetic: 0.2 }),
  line('marginals', 1, 0, { quality: 0.81, tstr_macro_f1: 0.27, dcr_median_synthetic: 0.12 }),
  line('holdout', null, 0, {
    quality: 0.82,
    tstr_accuracy: null,
    tstr_macro_f1: null,
    dcr_median_synthetic: 0.023,
    fit_seconds: null,
    sample_seconds: null,
  }),
  JSON.stringify({ bench: 'mixtures', kind: 'run' }),
];

describe('bench/render: the tables section', () => {
  it('keeps the last line of a run and ignores other benches', () => {
    const lines = loadTablesLines(resultsDir(LINES));
    expect(lines).toHaveLength(7);
    expect(lines.find((l) => l.row === 'mlp')?.quality).toBe(0.6);
  });

  it('renders mean ± sd over seeds, the real rows’ scores and the goals with their margins', () => {
    const md = renderTablesSection(loadTablesLines(resultsDir(LINES)));
    expect(md).toContain(
      '**penguins** (target `species`; 310 training and 34 holdout rows; wasm-native; measured 2026-12-07). ' +
        "The real rows' own scores: TRTR accuracy 0.971, macro-F1 0.974; median DCR of the holdout rows 0.0230, exact copies 0.0 %.",
    );
    // quality (0.8, 0.7): mean 0.75, sd √(2 · 0.05² / 1) = 0.0707; exact copies 1 % and 3 %: 2.0 ± 1.4 %.
    expect(md).toContain(
      '| CTGAN (`preset: ctgan`) | 300 | 2 | 0.750 ± 0.071 | 0.900 ± 0.000 | 0.700 ± 0.000 | 0.600 ± 0.000 | ' +
        '0.800 ± 0.000 | 0.850 ± 0.071 | 0.0400 ± 0.0141 | 2.0 ± 1.4 | – | 10.0 ± 0.0 | 0.05 ± 0.00 |',
    );
    expect(md).toContain('| plain MLP GAN (`table-*.yaml`) | 2,000 | 1 | 0.600 |');
    expect(md).toContain('| independent marginals | – | 1 | 0.810 |');
    expect(md).toContain(
      '| holdout rows (real) | – | – | 0.820 | 0.900 | 0.700 | 0.600 | – | – | 0.0230 | 0.0 | – | – | – |',
    );
    // Goals: 0.75 vs 0.85 → 0.100 (11.8 %) short; TSTR 0.85 vs the MLP GAN's 0.86 (not the copula's
    // 0.70, not the replaced line's 0.99) → 0.010 (1.2 %) short; DCR 0.04 vs 0.023 → met by 0.017.
    expect(md).toContain(
      [
        'Goals (issue #40) for CTGAN on penguins, means over seeds:',
        '',
        "- quality ≥ the copula's: 0.750 vs 0.850 (copula): **missed** by 0.100 (11.8 % below)",
        "- TSTR macro-F1 ≥ the best other row's: 0.850 vs 0.860 (mlp): **missed** by 0.010 (1.2 % below)",
        "- median DCR ≥ the holdout's: 0.0400 vs 0.0230 (holdout rows): **met** (+0.0170)",
      ].join('\n'),
    );
  });

  it('says what is missing: no copula rows, no rows at all', () => {
    const md = renderTablesSection(loadTablesLines(resultsDir(LINES.filter((l) => !l.includes('"copula"')))));
    expect(md).toContain("- quality ≥ the copula's: – (no copula rows)");
    expect(renderTablesSection([])).toBe('\n(no rows yet: run `npm run bench:tables`)\n');
  });

  it('names the file, line and field of a malformed line', () => {
    const dir = resultsDir([LINES[0], JSON.stringify({ ...COMMON, row: 'ctgan', seed: 3, steps: '300' })]);
    expect(() => loadTablesLines(dir)).toThrow(
      /2026-12-07-wasm-native\.jsonl:2: not a bench\/tables line: 'steps' is not a number/,
    );
  });
});
