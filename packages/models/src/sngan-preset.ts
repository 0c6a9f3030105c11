import { defineComponent, type PresetConfig } from '@ganforge/core';
import { z } from 'zod';

/**
 * The `sngan` preset: SNGAN as Miyato et al. 2018 (arXiv:1802.05957) trained it for their best
 * unconditional CIFAR-10 result (ResNet, hinge loss; the authors' `sn_cifar10_unconditional`
 * configuration in pfnet-research/sngan_projection):
 *
 * - hinge loss: L_D = E_x[max(0, 1 − D(x))] + E_z[max(0, 1 + D(G(z)))], L_G = −E_z[D(G(z))]
 *   (the `hinge` loss of @ganforge/losses, which must be registered too);
 * - spectral normalization of every dense and conv kernel of D, W̄ = W / σ(W) with one power
 *   iteration per D step: the user's discriminator block is wrapped in
 *   `{ kind: 'spectral-norm', inner: … }` unless it already holds a `spectral-norm` block, which
 *   then keeps its own options;
 * - Adam with α = 2e-4, β₁ = 0, β₂ = 0.9 for both networks, n_dis = 5 D updates per G update,
 *   batch size 64.
 *
 * The paper's Table 1 settings A–F are the grid on which it compared normalizations with the
 * standard CNN; the setting above is the one of the authors' released CIFAR-10 configuration.
 * For DCGAN's Adam (setting C: α 2e-4, β₁ 0.5, β₂ 0.999, n_dis 1), override `optimizers` and
 * `trainer.dSteps`. Any value of the user's config overrides the preset.
 */
export function snganPreset(): PresetConfig {
  const adam = { kind: 'adam', lr: 2e-4, beta1: 0, beta2: 0.9 };
  return {
    loss: { kind: 'hinge' },
    discriminatorWrapper: { kind: 'spectral-norm' },
    trainer: { dSteps: 5 },
    optimizers: { generator: { ...adam }, discriminator: { ...adam } },
    batchSize: 64,
  };
}

/** The registered `sngan` preset (Miyato et al. 2018, arXiv:1802.05957); see {@link snganPreset}. */
export const snganPresetComponent = defineComponent({
  kind: 'preset',
  name: 'sngan',
  description:
    'SNGAN (Miyato et al. 2018): hinge loss, spectral-norm around the discriminator, 5 D steps, Adam lr 2e-4, β 0/0.9.',
  options: z.strictObject({}),
  create: () => snganPreset(),
});
