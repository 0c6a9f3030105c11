import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pngSize, smokeTrain } from './smoke-helpers.js';

// Every 2-D example config trains a few steps through the CLI and writes its scatter plot.
describe('examples/configs: 2-D mixtures (a few steps each)', () => {
  for (const name of [
    'ring.yaml',
    'grid.yaml',
    'wgan-gp-ring.yaml',
    'unrolled-ring.yaml',
    'minibatch-ring.yaml',
    'pacgan-grid.yaml',
  ]) {
    it(name, async () => {
      const { run, summary } = await smokeTrain(name);
      const [w, h] = pngSize(join(run, 'plots/scatter.png'));
      expect(w).toBeGreaterThan(840);
      expect(h).toBeGreaterThan(840);
      expect((summary.coverage as { totalModes: number }).totalModes).toBe(
        name.endsWith('grid.yaml') ? 25 : 8,
      );
    });
  }
});
