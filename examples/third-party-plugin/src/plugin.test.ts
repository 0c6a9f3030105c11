import { readFileSync } from 'node:fs';
import { ConfigError, createGan, type Gan, type GanConfig } from '@ganforge/core';
import { expectNoTensorLeak, testingPlugin } from '@ganforge/core/testing';
import { describe, expect, it } from 'vitest';
import { relativisticPlugin, RELATIVISTIC_PLUGIN } from './plugin.js';

// The plugin inside core's adversarial trainer, on core's tiny testing nets and 1-D mixture: a
// third-party package needs nothing but @ganforge/core (and @ganforge/core/testing for tests).

async function gan(loss: GanConfig['loss']): Promise<Gan> {
  return createGan(
    {
      seed: 5,
      backend: 'cpu',
      data: { kind: 'testing-mixture-1d', means: [-2, 2], std: 0.1 },
      generator: { kind: 'tiny-mlp', hidden: [8] },
      discriminator: { kind: 'tiny-mlp', hidden: [8] },
      loss,
      latentDim: 2,
      batchSize: 8,
    },
    { plugins: [relativisticPlugin(), testingPlugin()] },
  );
}

describe('ganforge-plugin-relativistic in core', () => {
  it('name and version match package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      name: string;
      version: string;
    };
    expect(RELATIVISTIC_PLUGIN).toEqual({ name: pkg.name, version: pkg.version });
  });

  for (const variant of ['standard', 'least-squares', 'hinge'] as const) {
    it(`${variant}: d_loss = real + fake, accuracies in [0, 1], no tensor leak`, async () => {
      const g = await gan({ kind: 'relativistic-average', variant });
      const logs = g.step();
      for (const key of ['g_loss', 'd_loss_real', 'd_loss_fake', 'd_acc_real', 'd_acc_fake'])
        expect(Number.isFinite(logs[key]), key).toBe(true);
      expect(logs.d_loss).toBeCloseTo(logs.d_loss_real + logs.d_loss_fake, 5);
      expect(logs.d_acc_real).toBeGreaterThanOrEqual(0);
      expect(logs.d_acc_fake).toBeLessThanOrEqual(1);
      await expectNoTensorLeak(() => g.step());
      g.dispose();
    });
  }

  it('the default variant is standard: a fresh D starts near 2·log 2', async () => {
    const g = await gan({ kind: 'relativistic-average' });
    const logs = g.step();
    // Untrained critic outputs are close to each other, so every D̃ ≈ 0 and each term ≈ log 2.
    expect(logs.d_loss).toBeGreaterThan(2 * Math.LN2 - 0.3);
    expect(logs.d_loss).toBeLessThan(2 * Math.LN2 + 0.3);
    g.dispose();
  });

  it('a wrong option is a ConfigError naming its path', async () => {
    const bad = { kind: 'relativistic-average', variant: 'wasserstein' } as unknown as GanConfig['loss'];
    const error = await gan(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('loss.variant');
  });
});
