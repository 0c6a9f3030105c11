import * as tf from '@tensorflow/tfjs';
import { createGan } from '@ganforge/core';
import { dataPlugin, ringModes } from '@ganforge/data';
import { lossesPlugin } from '@ganforge/losses';
import { modeCoverage } from '@ganforge/metrics';
import { modelsPlugin } from '@ganforge/models';
import { describe, expect, it } from 'vitest';

const plugins = [lossesPlugin(), modelsPlugin(), dataPlugin()];
const modes = ringModes(8, 1);

// Measured (seed 4): step 0 → 5 modes, 0.4 % HQ; step 2000 → 8 modes, 59.0 % HQ (deterministic on cpu).
// The nets keep the glorot-uniform init this was measured with: under the mlp default
// fan-in-uniform the same seed ends at 2 modes, 1.4 % HQ (measured 2026-12-07).
describe('non-saturating MLP GAN on the 8-Gaussian ring (PacGAN protocol, σ 0.01), cpu, seeded', () => {
  it('captures ≥ 4 of 8 modes with ≥ 50 % high-quality samples, more of both than at step 0', async () => {
    const gan = await createGan(
      {
        seed: 4,
        backend: 'cpu',
        data: { kind: 'ring' },
        loss: { kind: 'non-saturating' },
        generator: {
          kind: 'mlp',
          hidden: [32, 32],
          activation: 'relu',
          outputActivation: 'linear',
          init: 'glorot-uniform',
        },
        discriminator: { kind: 'mlp', hidden: [32, 32], activation: 'relu', init: 'glorot-uniform' },
        optimizers: { generator: { lr: 5e-4 }, discriminator: { lr: 5e-4 } },
        latentDim: 2,
        batchSize: 128,
      },
      { plugins },
    );
    const score = () => {
      const x = gan.metricContext().generate(2500);
      const c = modeCoverage(x.dataSync(), modes, 0.01);
      x.dispose();
      return c;
    };
    const before = score();
    const started = performance.now();
    await gan.fit({ steps: Number(process.env.RING_STEPS ?? 2000) });
    const after = score();
    console.log(
      `ring: step 0 ${before.modes} modes ${(100 * before.highQuality).toFixed(1)} % HQ; ` +
        `step ${gan.stepCount} ${after.modes} modes ${(100 * after.highQuality).toFixed(1)} % HQ, rKL ${after.reverseKl.toFixed(3)} ` +
        `(${((performance.now() - started) / 1000).toFixed(1)} s, ${tf.getBackend()})`,
    );
    expect(after.modes).toBeGreaterThanOrEqual(4);
    expect(after.highQuality).toBeGreaterThanOrEqual(0.5);
    expect(after.modes).toBeGreaterThan(before.modes);
    expect(after.highQuality).toBeGreaterThan(before.highQuality);
    gan.dispose();
  }, 300_000);
});
