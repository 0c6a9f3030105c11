import { z } from 'zod';
import { AUGMENT_POLICIES, DIFF_AUGMENT_DEFAULTS } from './policy.js';

const policy = (defaults: readonly (typeof AUGMENT_POLICIES)[number][]) =>
  z
    .array(z.enum(AUGMENT_POLICIES))
    .min(1)
    .refine((p) => new Set(p).size === p.length, { message: 'each augmentation at most once' })
    .default([...defaults])
    .describe(
      `augmentations applied in this order: color (brightness, saturation, contrast), translation, cutout, flip (default ${defaults.join(', ')})`,
    );

const translationRatio = z
  .number()
  .min(0)
  .max(1)
  .default(DIFF_AUGMENT_DEFAULTS.translationRatio)
  .describe(
    'largest shift as a fraction of the image side, ⌊ratio·side + 0.5⌋ pixels (default 0.125, as DiffAugment)',
  );

const cutoutRatio = z
  .number()
  .min(0)
  .max(1)
  .default(DIFF_AUGMENT_DEFAULTS.cutoutRatio)
  .describe('side of the cut-out square as a fraction of the image side (default 0.5, as DiffAugment)');

/** zod schema of the `diff-augment` options (Zhao et al. 2020, arXiv:2006.10738). */
export const diffAugmentOptionsSchema = z.strictObject({
  policy: policy(DIFF_AUGMENT_DEFAULTS.policy),
  translationRatio,
  cutoutRatio,
});

/** Options of the `diff-augment` block. */
export type DiffAugmentOptions = z.input<typeof diffAugmentOptionsSchema>;

/** zod schema of the `ada` options (Karras et al. 2020, arXiv:2006.06676). */
export const adaOptionsSchema = z.strictObject({
  policy: policy(DIFF_AUGMENT_DEFAULTS.policy),
  translationRatio,
  cutoutRatio,
  target: z
    .number()
    .gt(-1)
    .lt(1)
    .default(0.6)
    .describe('the target of r_t = E[sign(D(x_real))]: p rises while r_t is above it (default 0.6, as ADA)'),
  rampImages: z
    .number()
    .positive()
    .default(500_000)
    .describe('real images over which p can move from 0 to 1 (default 500000, ADA’s 500k)'),
  interval: z
    .number()
    .int()
    .positive()
    .default(4)
    .describe('discriminator updates between adjustments of p; r_t is their mean (default 4, as ADA)'),
  initialP: z.number().min(0).max(1).default(0).describe('p at the start of the run (default 0)'),
});

/** Options of the `ada` block. */
export type AdaOptions = z.input<typeof adaOptionsSchema>;

/** zod schema of the `bcr` regularizer options (Zhao et al. 2021, arXiv:2002.04724). */
export const bcrOptionsSchema = z.strictObject({
  lambdaReal: z
    .number()
    .min(0)
    .default(10)
    .describe('λ_real, the weight of E‖D(x) − D(T(x))‖² on real samples (default 10, as the paper)'),
  lambdaFake: z
    .number()
    .min(0)
    .default(10)
    .describe(
      'λ_fake, the weight of E‖D(G(z)) − D(T(G(z)))‖² on generated samples (default 10, as the paper)',
    ),
  policy: policy(['flip', 'translation']),
  translationRatio,
  cutoutRatio,
});

/** Options of the `bcr` regularizer block. */
export type BcrOptions = z.input<typeof bcrOptionsSchema>;
