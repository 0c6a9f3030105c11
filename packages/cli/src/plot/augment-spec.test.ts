import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeAugmentation } from '../run/run-summary.js';
import { writeCurvePlots } from '../run/final-plots.js';
import { augmentSpec } from './augment-spec.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Training rows every 10 steps, with ADA's p and r_t when `ada`. */
function rows(ada: boolean): Record<string, unknown>[] {
  return Array.from({ length: 12 }, (_, i) => ({
    step: (i + 1) * 10,
    g_loss: 0.8,
    d_loss: 1.3,
    ...(ada ? { augment_p: Math.min(1, i * 0.05), augment_rt: 0.9 - i * 0.04 } : {}),
  }));
}

describe('augment plot', () => {
  it('draws p and r_t over the steps with the target line', () => {
    const spec = JSON.stringify(augmentSpec(rows(true), 0.6));
    expect(spec).toContain('"series":"augment_p"');
    expect(spec).toContain('"series":"augment_rt"');
    expect(spec).toContain('{"step":120,"value":0.55,"series":"augment_p"}');
    expect(spec).toContain('"mark":{"type":"rule"');
    expect(spec).toContain('{"value":0.6,"label":"r_t target 0.6"}');
    expect(JSON.stringify(augmentSpec(rows(true)))).not.toContain('"type":"rule"');
    expect(augmentSpec(rows(false), 0.6)).toBeUndefined();
  });

  it('writeCurvePlots writes plots/augment.png only when the run logged augment_p', async () => {
    const withDir = mkdtempSync(join(tmpdir(), 'gf-augment-'));
    const written = await writeCurvePlots(rows(true), withDir, { augmentTarget: 0.6 });
    const file = join(withDir, 'augment.png');
    expect(written).toContain(file);
    expect([...readFileSync(file).subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(statSync(file).size).toBeGreaterThan(10_000);

    const withoutDir = mkdtempSync(join(tmpdir(), 'gf-augment-'));
    await writeCurvePlots(rows(false), withoutDir);
    expect(existsSync(join(withoutDir, 'augment.png'))).toBe(false);
  });

  it('the run summary says augmentation is on, and ADA’s final p', () => {
    expect(describeAugmentation({ kind: 'diff-augment', policy: ['color', 'translation', 'cutout'] })).toBe(
      'augmentation on: diff-augment (color, translation, cutout) on every real and generated image D saw',
    );
    expect(describeAugmentation({ kind: 'ada', policy: ['color'], target: 0.6 }, 0.4321)).toBe(
      'augmentation on: ada (color) on every real and generated image D saw, each with probability p = 0.432 at the end (target r_t 0.6)',
    );
  });
});
