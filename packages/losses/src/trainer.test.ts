import { describe, expect, it } from 'vitest';
import { createGan, type Gan, type GanConfig } from '@ganforge/core';
import { expectNoTensorLeak, testingPlugin } from '@ganforge/core/testing';
import { lossesPlugin } from './plugin.js';

// The losses inside core's adversarial trainer, on core's tiny testing nets and 1-D mixture
// (this package's tests use only itself, core and @ganforge/core/testing).

async function gan(loss: GanConfig['loss'], regularizers: GanConfig['regularizers'] = []): Promise<Gan> {
  return createGan(
    {
      seed: 3,
      backend: 'cpu',
      data: { kind: 'testing-mixture-1d', means: [-2, 2], std: 0.1 },
      generator: { kind: 'tiny-mlp', hidden: [8] },
      discriminator: { kind: 'tiny-mlp', hidden: [8] },
      loss,
      regularizers,
      latentDim: 2,
      batchSize: 8,
      trainer: { dSteps: 1 },
    },
    { plugins: [lossesPlugin(), testingPlugin()] },
  );
}

describe("losses in core's adversarial trainer", () => {
  const cases: [string, GanConfig['loss'], boolean][] = [
    ['minimax', { kind: 'minimax' }, true],
    ['non-saturating (one-sided smoothing)', { kind: 'non-saturating', realLabelSmoothing: 0.1 }, true],
    ['least-squares', { kind: 'least-squares' }, true],
    ['hinge', { kind: 'hinge' }, true],
    ['wasserstein', { kind: 'wasserstein' }, false],
  ];
  for (const [label, loss, hasAccuracy] of cases) {
    it(`${label}: finite logs, accuracy ${hasAccuracy ? 'in [0, 1]' : 'absent'}`, async () => {
      const g = await gan(loss);
      const logs = g.step();
      for (const key of ['g_loss', 'd_loss', 'd_loss_real', 'd_loss_fake'])
        expect(Number.isFinite(logs[key])).toBe(true);
      expect(logs.d_loss).toBeCloseTo(logs.d_loss_real + logs.d_loss_fake, 5);
      if (hasAccuracy) {
        expect(logs.d_acc_real).toBeGreaterThanOrEqual(0);
        expect(logs.d_acc_real).toBeLessThanOrEqual(1);
      } else {
        expect(logs.d_acc_real).toBeUndefined();
        expect(Number.isFinite(logs.wasserstein_estimate)).toBe(true);
      }
      g.dispose();
    });
  }

  it('non-saturating + R1 (γ = 10): the penalty is logged, second order runs, no tensor leak', async () => {
    const g = await gan({ kind: 'non-saturating' }, [{ kind: 'r1', gamma: 10 }]);
    const logs = g.step();
    expect(logs.reg_r1).toBeGreaterThan(0);
    expect(logs.d_loss).toBeCloseTo(logs.d_loss_real + logs.d_loss_fake + 5 * logs.reg_r1, 4);
    await expectNoTensorLeak(() => g.step());
    g.dispose();
  });
});
