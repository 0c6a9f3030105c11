import { describe, expect, it } from 'vitest';
import { diagnose, type MetricsRow } from './diagnose.js';

const row = (step: number, fields: Record<string, number | null>): MetricsRow => ({ step, ...fields });

function healthy(n: number): MetricsRow[] {
  return Array.from({ length: n }, (_, i) =>
    row(10 * (i + 1), { g_loss: 0.7 + 0.01 * Math.sin(i), d_loss: 1.38, d_acc_real: 0.6, d_acc_fake: 0.4 }),
  );
}

describe('diagnose', () => {
  it('flags nothing on a healthy run', () => {
    expect(diagnose(healthy(40))).toEqual([]);
  });

  it('flags discriminator saturation: accuracy pinned near 1 while G loss rises', () => {
    const rows = [
      ...healthy(10),
      ...Array.from({ length: 10 }, (_, i) =>
        row(110 + 10 * i, { g_loss: 3 + 0.1 * i, d_loss: 0.05, d_acc_real: 0.99, d_acc_fake: 0.98 }),
      ),
    ];
    const [d] = diagnose(rows);
    expect(d).toEqual({
      kind: 'discriminator-saturation',
      step: 200,
      message:
        "D is winning: accuracy 0.99 on real and 0.98 on fake while G's loss rose from 0.70 to 3.45; G's gradients are vanishing",
      guide: 'docs/monitoring.md#saturation',
    });
    // Accuracy high but G loss flat: not flagged.
    const flat = rows.map((r) => ({ ...r, g_loss: 3 }));
    expect(diagnose(flat)).toEqual([]);
  });

  it('flags mode collapse when coverage falls below 3/4 of its best', () => {
    const rows = [row(500, { mode_coverage_modes: 8 }), row(1000, { mode_coverage_modes: 7 })];
    expect(diagnose(rows)).toEqual([]);
    rows.push(row(1500, { mode_coverage_modes: 3 }));
    expect(diagnose(rows)).toMatchObject([
      { kind: 'mode-collapse', step: 1500, guide: 'docs/monitoring.md#mode-collapse' },
    ]);
    expect(diagnose(rows)[0]!.message).toBe(
      'mode coverage fell from 8 to 3 modes: the generator is collapsing onto fewer modes',
    );
  });

  it('flags a NaN stop from the summary, and a non-finite loss in the rows', () => {
    expect(diagnose(healthy(3), { status: 'diverged', step: 42, error: 'g_loss is NaN' })).toMatchObject([
      { kind: 'nan-stop', step: 42 },
    ]);
    expect(diagnose([...healthy(3), row(40, { g_loss: null, d_loss: 1 })])).toMatchObject([
      { kind: 'nan-stop', step: 40, message: 'a loss is NaN or infinite at step 40: training is diverging' },
    ]);
  });
});
