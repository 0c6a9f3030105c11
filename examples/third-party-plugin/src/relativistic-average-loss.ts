import { defineComponent, type GanLoss } from '@ganforge/core';
import { z } from 'zod';
import {
  relativisticAccuracy,
  relativisticAverageDiscriminatorLoss,
  relativisticAverageGeneratorLoss,
  type RelativisticVariant,
} from './relativistic-average.js';

/** zod schema of the `relativistic-average` loss options (strict: an unknown key is an error). */
export const relativisticAverageOptionsSchema = z.strictObject({
  variant: z
    .enum(['standard', 'least-squares', 'hinge'])
    .default('standard')
    .describe('f₁/f₂ pair: standard (RaSGAN, softplus), least-squares (RaLSGAN) or hinge (RaHingeGAN)'),
});

/** Options of the `relativistic-average` loss, as a user writes them (every field optional). */
export type RelativisticAverageOptions = z.input<typeof relativisticAverageOptionsSchema>;

/**
 * The relativistic average GAN loss (Jolicoeur-Martineau 2018, arXiv:1807.00734) as a
 * {@link GanLoss}: both networks compare each sample's critic output with the average output on
 * the other batch. See {@link relativisticAverageDiscriminatorLoss} for the formulas.
 */
export function relativisticAverageLoss(options: RelativisticAverageOptions = {}): GanLoss {
  const variant: RelativisticVariant = options.variant ?? 'standard';
  return {
    name: 'relativistic-average',
    discriminatorLoss: (ctx) =>
      relativisticAverageDiscriminatorLoss(ctx.realOut.score, ctx.fakeOut.score, variant),
    generatorLoss: (ctx) => relativisticAverageGeneratorLoss(ctx.realOut.score, ctx.fakeOut.score, variant),
    accuracy: (ctx) => relativisticAccuracy(ctx.realOut.score, ctx.fakeOut.score),
  };
}

/** The registered `relativistic-average` loss component. */
export const relativisticAverageComponent = defineComponent({
  kind: 'loss',
  name: 'relativistic-average',
  description:
    'Relativistic average GAN loss (Jolicoeur-Martineau 2018): real vs the average fake, and back.',
  options: relativisticAverageOptionsSchema,
  create: (options) => relativisticAverageLoss(options),
});
