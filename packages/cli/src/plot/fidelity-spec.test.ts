import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCurvePlots } from '../run/final-plots.js';
import { fidelityDiversitySpec, fidelityPanels } from './fidelity-spec.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Training rows every 100 steps; the metrics (as metricCallback keys them) every 200. */
function rows(withMetrics: boolean): Record<string, unknown>[] {
  return Array.from({ length: 8 }, (_, i) => {
    const step = (i + 1) * 100;
    const row: Record<string, unknown> = { step, g_loss: 0.8 - i * 0.01, d_loss: 1.3 + i * 0.01 };
    if (withMetrics && step % 200 === 0) {
      Object.assign(row, {
        precision_recall_precision: 0.5 + i * 0.05,
        precision_recall_recall: 0.3 + i * 0.06,
        density_coverage_density: 0.7 + i * 0.08,
        density_coverage_coverage: 0.4 + i * 0.05,
        c2st_accuracy: 0.9 - i * 0.05,
        c2st_p_value: 1e-6,
        c2st_n_test: 500,
        mmd_multi_scale_mmd2: 0.2 - i * 0.02,
        mmd_multi_scale_median_bandwidth: 1.1,
        mmd_mmd2: 0.01 - i * 0.002,
        mmd_bandwidth: 1.0,
      });
    }
    return row;
  });
}

describe('fidelity-diversity plot', () => {
  it('draws precision, recall, density, coverage, C2ST accuracy over 0.5 and the MMD² values', () => {
    const spec = JSON.stringify(fidelityDiversitySpec(rows(true)));
    for (const series of [
      'precision_recall_precision',
      'precision_recall_recall',
      'density_coverage_density',
      'density_coverage_coverage',
      'c2st_accuracy',
      'mmd_multi_scale_mmd2',
      'mmd_mmd2',
    ])
      expect(spec).toContain(`"series":"${series}"`);
    expect(spec).toContain('"mark":{"type":"rule"');
    expect(spec).toContain('{"value":0.5,"label":"chance"}');
  });

  it('shows only the panels of the metrics logged; the median-bandwidth MMD alone makes none', () => {
    const only = (keys: Record<string, number>) =>
      fidelityPanels([
        { step: 100, ...keys },
        { step: 200, ...keys },
      ]).map((p) => p.fields[0]);
    expect(only({ c2st_accuracy: 0.6 })).toEqual(['c2st_accuracy']);
    expect(only({ density_coverage_coverage: 0.6 })).toEqual(['precision_recall_precision']);
    expect(only({ mmd_mmd2: 0.01, mode_coverage_modes: 8 })).toEqual([]);
    expect(fidelityDiversitySpec(rows(false))).toBeUndefined();
  });

  it('writeCurvePlots writes plots/fidelity-diversity.png only when those metrics were logged', async () => {
    const withDir = mkdtempSync(join(tmpdir(), 'gf-fidelity-'));
    const written = await writeCurvePlots(rows(true), withDir);
    const file = join(withDir, 'fidelity-diversity.png');
    expect(written).toContain(file);
    const png = readFileSync(file);
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(statSync(file).size).toBeGreaterThan(20_000);
    expect(statSync(file).size).toBeLessThan(2_000_000);

    const withoutDir = mkdtempSync(join(tmpdir(), 'gf-fidelity-'));
    const plain = await writeCurvePlots(rows(false), withoutDir);
    expect(existsSync(join(withoutDir, 'fidelity-diversity.png'))).toBe(false);
    expect(plain.map((f) => f.split('/').pop())).toEqual(['losses.png']);
  });
});
