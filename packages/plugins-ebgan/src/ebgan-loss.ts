import * as tf from '@tensorflow/tfjs';
import { defineComponent, type GanLoss } from '@ganforge/core';
import { z } from 'zod';

/**
 * The default margin m for energies that are per-feature means (`reconstructionEnergy`) of
 * data scaled to [−1, 1].
 *
 * Derivation. The margin is the energy above which a generated sample stops pushing D. It must lie
 * (a) above the energy D gives data early in training, or the fake term [m − D(G(z))]⁺ switches
 * off at once and D degenerates to a plain autoencoder that reconstructs everything (energy ≈ 0
 * everywhere, no signal for G); and (b) inside the range a reconstruction can reach, or the hinge
 * never switches off and D pushes every fake without bound. For x in [−1, 1]ᶠ, the energy of the
 * uninformed reconstruction Dec(Enc(x)) = 0 (the mean of data centred in [−1, 1]) is
 * (1/F) Σ x_f² ∈ [0, 1] (1/3 for uniform data, 1/2 on the unit ring), and a reconstruction in
 * [−1, 1] has energy at most (1 + 1)² = 4. m = 1 is the top of the first interval: D must
 * reconstruct a fake at least as badly as knowing nothing would reconstruct the worst-case data
 * point, a level well inside [0, 4]. The paper's m = 10 for MNIST-scale data is on a
 * different energy scale and would exceed 4 here.
 */
export const EBGAN_DEFAULT_MARGIN = 1;

/**
 * The EBGAN discriminator loss (Zhao, Mathieu & LeCun 2016, arXiv:1609.03126, eq. 1), split into
 * its two terms (the trainer adds them):
 *
 *   real = E_x[D(x)],   fake = E_z[[m − D(G(z))]⁺]   with [a]⁺ = max(0, a)
 *
 * `realEnergy`, `fakeEnergy`: energies D(·) ≥ 0, any shape (`[batch, 1]`). The fake term and its
 * gradient are 0 wherever D(G(z)) ≥ m.
 */
export function ebganDiscriminatorLoss(
  realEnergy: tf.Tensor,
  fakeEnergy: tf.Tensor,
  margin: number = EBGAN_DEFAULT_MARGIN,
): { real: tf.Scalar; fake: tf.Scalar } {
  return tf.tidy(() => ({
    real: tf.mean(realEnergy) as tf.Scalar,
    fake: ebganMarginTerm(fakeEnergy, margin),
  }));
}

/** The margin term E_z[[m − D(G(z))]⁺] of the EBGAN discriminator loss (eq. 1). */
export function ebganMarginTerm(fakeEnergy: tf.Tensor, margin: number = EBGAN_DEFAULT_MARGIN): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.relu(tf.sub(margin, fakeEnergy))) as tf.Scalar);
}

/** The EBGAN generator loss (Zhao, Mathieu & LeCun 2016, arXiv:1609.03126, eq. 2): L_G = E_z[D(G(z))]. */
export function ebganGeneratorLoss(fakeEnergy: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mean(fakeEnergy) as tf.Scalar);
}

/** zod schema of the `ebgan` loss options. */
export const ebganLossOptionsSchema = z.strictObject({
  margin: z
    .number()
    .positive()
    .default(EBGAN_DEFAULT_MARGIN)
    .describe(
      'margin m of [m − D(G(z))]⁺ on per-feature mean energies (default 1, suited to data in [−1, 1])',
    ),
});

/** Options of the `ebgan` loss as written in a config. */
export type EbganLossOptions = z.input<typeof ebganLossOptionsSchema>;

/**
 * The EBGAN margin loss (Zhao, Mathieu & LeCun 2016, arXiv:1609.03126):
 *
 *   L_D = D(x) + [m − D(G(z))]⁺,   L_G = D(G(z))
 *
 * where the discriminator's `score` is an energy D ≥ 0 (the `ebgan` autoencoder discriminator's
 * reconstruction error). With a discriminator whose score can be negative (a logit) L_D is
 * unbounded below: pair it with an energy discriminator.
 *
 * Logs (as `ebgan_<key>`): `real_energy` E[D(x)], `fake_energy` E[D(G(z))], `margin_term`
 * E[[m − D(G(z))]⁺] and `fake_above_margin`, the share of generated samples with D(G(z)) ≥ m (whose
 * hinge is inactive). No accuracy: the loss has no decision threshold between real and fake.
 */
export function ebganLoss(options: EbganLossOptions = {}): GanLoss {
  const { margin } = ebganLossOptionsSchema.parse(options);
  return {
    name: 'ebgan',
    discriminatorLoss: (ctx) => ebganDiscriminatorLoss(ctx.realOut.score, ctx.fakeOut.score, margin),
    generatorLoss: (ctx) => ebganGeneratorLoss(ctx.fakeOut.score),
    logs: (ctx) =>
      tf.tidy(() => ({
        real_energy: tf.mean(ctx.realOut.score) as tf.Scalar,
        fake_energy: tf.mean(ctx.fakeOut.score) as tf.Scalar,
        margin_term: ebganMarginTerm(ctx.fakeOut.score, margin),
        fake_above_margin: tf.mean(
          tf.cast(tf.greaterEqual(ctx.fakeOut.score, margin), 'float32'),
        ) as tf.Scalar,
      })),
  };
}

/** The registered `ebgan` loss component. */
export const ebganLossComponent = defineComponent({
  kind: 'loss',
  name: 'ebgan',
  description: 'EBGAN margin loss (Zhao et al. 2016): L_D = D(x) + [m − D(G(z))]⁺, L_G = D(G(z)).',
  options: ebganLossOptionsSchema,
  create: (options) => ebganLoss(options),
});
