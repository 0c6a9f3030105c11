import { describe, expect, it } from 'vitest';
import { ConfigError, createGanContainer, getRegistry, resolveConfig } from '@ganforge/core';
import { testingPlugin } from '@ganforge/core/testing';
import { modelsPlugin } from './plugin.js';
import { snganPreset } from './sngan-preset.js';

// The models package's own tests use only itself and core: the `hinge` loss the preset names
// lives in @ganforge/losses, so resolution with it is tested in integration/src/sngan. Here the
// user names core's testing loss, which also shows that a user's loss replaces the preset's.
const registry = () => getRegistry(createGanContainer([modelsPlugin(), testingPlugin()]));
const base = {
  preset: 'sngan',
  data: { kind: 'testing-mixture-1d', means: [0], std: 1 },
  generator: { kind: 'mlp', hidden: [8] },
  discriminator: { kind: 'mlp', hidden: [8] },
  loss: { kind: 'testing-non-saturating' },
};

describe('the sngan preset (Miyato et al. 2018)', () => {
  it('is hinge + a spectral-norm wrapper + 5 D steps + Adam 2e-4, β 0/0.9, batch 64', () => {
    expect(snganPreset()).toEqual({
      loss: { kind: 'hinge' },
      discriminatorWrapper: { kind: 'spectral-norm' },
      trainer: { dSteps: 5 },
      optimizers: {
        generator: { kind: 'adam', lr: 2e-4, beta1: 0, beta2: 0.9 },
        discriminator: { kind: 'adam', lr: 2e-4, beta1: 0, beta2: 0.9 },
      },
      batchSize: 64,
    });
  });

  it("wraps the user's mlp in spectral-norm with the wrapper's defaults; user values win", () => {
    const resolved = resolveConfig({ ...base, trainer: { dSteps: 2 } }, registry());
    expect(resolved.discriminator).toMatchObject({
      kind: 'spectral-norm',
      powerIterations: 1,
      epsilon: 1e-12,
      inner: { kind: 'mlp', hidden: [8] },
    });
    expect(resolved.generator.kind).toBe('mlp');
    expect(resolved.loss).toEqual({ kind: 'testing-non-saturating' });
    expect(resolved.trainer.dSteps).toBe(2);
    expect(resolved.optimizers.discriminator).toMatchObject({ kind: 'adam', lr: 2e-4, beta1: 0, beta2: 0.9 });
    expect(resolved.sources).toMatchObject({
      discriminator: 'preset:sngan',
      loss: 'user',
      'trainer.dSteps': 'user',
      'optimizers.generator.beta1': 'preset:sngan',
      batchSize: 'preset:sngan',
    });
  });

  it('says which package to install when the hinge loss is not registered', () => {
    const { loss: _loss, ...withoutLoss } = base;
    let error: unknown;
    try {
      resolveConfig(withoutLoss, registry());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const e = error as ConfigError;
    expect(e.issues.map((i) => i.path)).toEqual(['loss.kind']);
    expect(e.message).toContain('npm i @ganforge/losses and add lossesPlugin() to plugins');
    expect(e.message).toContain('(from preset "sngan")');
  });
});
