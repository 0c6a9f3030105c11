import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pngSize, smokeTrain } from './smoke-helpers.js';

// 28×28 digits drawn 2× with 2 px padding: a grid of c columns and r rows is
// (c·58 + 2) × (r·58 + 2) pixels.
const grid = (columns: number, rows: number): [number, number] => [columns * 58 + 2, rows * 58 + 2];

describe('examples/configs: MNIST (a few steps each)', () => {
  it('mnist-mlp.yaml: an 8×8 grid of the fixed noise batch, classifier metrics at the end', async () => {
    const { run, summary } = await smokeTrain('mnist-mlp.yaml', 2);
    expect(pngSize(join(run, 'plots/samples.png'))).toEqual(grid(8, 8));
    expect(pngSize(join(run, 'samples/step-000001.png'))).toEqual(grid(8, 8));
    const metrics = summary.metrics as Record<string, number>;
    expect(metrics.classifier_score_score).toBeGreaterThan(0);
    expect(metrics.frechet_distance_distance).toBeGreaterThan(0);
    expect(metrics.classifier_score_n).toBe(2000);
  });

  it('dcgan-mnist.yaml', async () => {
    const { run } = await smokeTrain('dcgan-mnist.yaml', 2);
    expect(pngSize(join(run, 'plots/samples.png'))).toEqual(grid(8, 8));
  });

  it('dcgan-mnist-ema-diffaugment.yaml: DiffAugment and the EMA on, said in the summary', async () => {
    const { run, summary } = await smokeTrain('dcgan-mnist-ema-diffaugment.yaml', 2);
    expect(pngSize(join(run, 'plots/samples.png'))).toEqual(grid(8, 8));
    expect(summary.ema).toEqual({ decay: 0.999, startStep: 0, standingBatches: 0 });
    expect(summary.augment).toEqual({
      kind: 'diff-augment',
      policy: ['color', 'translation', 'cutout'],
      translationRatio: 0.125,
      cutoutRatio: 0.5,
    });
  });

  it('cgan-mnist.yaml: one digit per column', async () => {
    const { run } = await smokeTrain('cgan-mnist.yaml', 2);
    expect(pngSize(join(run, 'plots/samples.png'))).toEqual(grid(10, 7));
  });

  it('ebgan-mnist.yaml', async () => {
    const { run } = await smokeTrain('ebgan-mnist.yaml', 2);
    expect(pngSize(join(run, 'plots/samples.png'))).toEqual(grid(8, 8));
  });
});
