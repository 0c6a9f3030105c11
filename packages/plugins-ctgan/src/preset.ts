import { defineComponent, type PresetConfig } from '@ganforge/core';
import { z } from 'zod';

/**
 * The `ctgan` preset: CTGAN's training as its reference code sets it (Xu, Skoularidou,
 * Cuesta-Infante & Veeramachaneni 2019, arXiv:1907.00503; `CTGAN` in sdv-dev/CTGAN):
 *
 * - Wasserstein loss with the gradient penalty λ = 10 on packed interpolates (WGAN-GP,
 *   Gulrajani et al. 2017, arXiv:1704.00028): L_D = E[D(x̃, c)] − E[D(x, c)] + λ·GP,
 *   L_G = −E[D(x̃, c)] + L_cond (`wasserstein` of @ganforge/losses, `gradient-penalty` of
 *   @ganforge/plugin-wgan, both registered through the plugin's dependencies);
 * - the generator's condition loss L_cond (`condition-cross-entropy`, weight 1);
 * - weight decay 1e-6 on both networks (`weight-decay`: PyTorch's coupled L2, which GANForge's
 *   Adam has no option for);
 * - Adam with α = 2e-4, β₁ = 0.5, β₂ = 0.9 (ε = 1e-8) for both networks, one critic step per
 *   generator step, batch size 500 (a multiple of the critic's packing, 10).
 *
 * - CTGAN's networks, `generator: { kind: ctgan }` (residual 256, 256; embedding 128; Gumbel-softmax
 *   τ 0.2) and `discriminator: { kind: ctgan }` (256, 256, dropout 0.5, packs of 10), used where
 *   the config has no block of its own;
 * - training-by-sampling: the user's `data` block (a `table`) is wrapped in
 *   `{ kind: training-by-sampling, inner: … }` (unless it already is).
 *
 * So `preset: ctgan` beside a `table` data block is a whole CTGAN run. Any value of the user's
 * config overrides the preset (a user's `regularizers` list replaces the preset's whole list).
 */
export function ctganPreset(): PresetConfig {
  const adam = { kind: 'adam', lr: 2e-4, beta1: 0.5, beta2: 0.9 };
  return {
    generator: { kind: 'ctgan' },
    discriminator: { kind: 'ctgan' },
    dataWrapper: { kind: 'training-by-sampling' },
    loss: { kind: 'wasserstein' },
    regularizers: [
      { kind: 'gradient-penalty', lambda: 10 },
      { kind: 'condition-cross-entropy' },
      { kind: 'weight-decay', target: 'generator', lambda: 1e-6 },
      { kind: 'weight-decay', target: 'discriminator', lambda: 1e-6 },
    ],
    trainer: { dSteps: 1 },
    optimizers: { generator: { ...adam }, discriminator: { ...adam } },
    batchSize: 500,
  };
}

/** The registered `ctgan` preset (Xu et al. 2019, arXiv:1907.00503); see {@link ctganPreset}. */
export const ctganPresetComponent = defineComponent({
  kind: 'preset',
  name: 'ctgan',
  description:
    'CTGAN (Xu et al. 2019): ctgan networks, training-by-sampling, wasserstein + gradient-penalty λ 10, condition loss, weight decay 1e-6, 1 critic step, Adam 2e-4 β 0.5/0.9, batch 500.',
  options: z.strictObject({}),
  create: () => ctganPreset(),
});
