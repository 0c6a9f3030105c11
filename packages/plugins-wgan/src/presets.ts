import { defineComponent, type PresetConfig } from '@ganforge/core';
import { z } from 'zod';

/**
 * The `wgan` preset: the defaults of Arjovsky et al. 2017 (arXiv:1701.07875, Algorithm 1):
 * Wasserstein loss, weight clipping c = 0.01, n_critic = 5 critic updates per generator update,
 * RMSprop with lr 5e-5 for both networks (ρ = 0.99, ε = 1e-8: PyTorch's RMSprop, which the
 * authors' reference code uses), batch size m = 64. Any value of the user's config overrides it.
 */
export function wganPreset(): PresetConfig {
  const rmsprop = { kind: 'rmsprop', lr: 5e-5, rho: 0.99, epsilon: 1e-8 };
  return {
    loss: { kind: 'wasserstein' },
    hooks: [{ kind: 'weight-clipping', c: 0.01 }],
    trainer: { dSteps: 5 },
    optimizers: { generator: { ...rmsprop }, discriminator: { ...rmsprop } },
    batchSize: 64,
  };
}

/**
 * The `wgan-gp` preset: the defaults of Gulrajani et al. 2017 (arXiv:1704.00028, Algorithm 1):
 * Wasserstein loss, gradient penalty λ = 10, n_critic = 5, Adam with lr 1e-4, β₁ = 0, β₂ = 0.9
 * for both networks, batch size m = 64. The authors used λ = 0.1 for their toy 2-D experiments:
 * write `regularizers: [{ kind: 'gradient-penalty', lambda: 0.1 }]` (a user list replaces the
 * preset's). Any value of the user's config overrides the preset.
 */
export function wganGpPreset(): PresetConfig {
  const adam = { kind: 'adam', lr: 1e-4, beta1: 0, beta2: 0.9 };
  return {
    loss: { kind: 'wasserstein' },
    regularizers: [{ kind: 'gradient-penalty', lambda: 10 }],
    trainer: { dSteps: 5 },
    optimizers: { generator: { ...adam }, discriminator: { ...adam } },
    batchSize: 64,
  };
}

const noOptions = z.strictObject({});

/** The registered `wgan` preset. */
export const wganPresetComponent = defineComponent({
  kind: 'preset',
  name: 'wgan',
  description:
    'WGAN (Arjovsky et al. 2017): wasserstein + weight-clipping c 0.01, 5 critic steps, RMSprop lr 5e-5.',
  options: noOptions,
  create: () => wganPreset(),
});

/** The registered `wgan-gp` preset. */
export const wganGpPresetComponent = defineComponent({
  kind: 'preset',
  name: 'wgan-gp',
  description:
    'WGAN-GP (Gulrajani et al. 2017): wasserstein + gradient-penalty λ 10, 5 critic steps, Adam lr 1e-4, β 0/0.9.',
  options: noOptions,
  create: () => wganGpPreset(),
});
