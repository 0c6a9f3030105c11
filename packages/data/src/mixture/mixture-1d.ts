import { defineComponent } from '@ganforge/core';
import { z } from 'zod';
import { gaussianMixture, type MixtureSource } from './gaussian-mixture.js';

/** zod schema of the `mixture-1d` data options. */
export const mixture1dOptionsSchema = z.strictObject({
  means: z
    .array(z.number())
    .min(1)
    .default([-3, -1, 1, 3])
    .describe('component means (default [-3, -1, 1, 3])'),
  sigma: z.number().positive().default(0.1).describe('standard deviation of every component (default 0.1)'),
  weights: z
    .array(z.number().nonnegative())
    .optional()
    .describe('mixture weights, normalized (default uniform)'),
});

/** Options of the `mixture-1d` data source. */
export type Mixture1dOptions = z.input<typeof mixture1dOptionsSchema>;

/** A one-dimensional Gaussian mixture p(x) = Σᵢ wᵢ · N(x; mᵢ, σ²), samples of shape [1]. */
export function mixture1d(options: Mixture1dOptions = {}): MixtureSource {
  const o = mixture1dOptionsSchema.parse(options);
  return gaussianMixture({ modes: o.means.map((m) => [m]), sigma: o.sigma, weights: o.weights });
}

/** The registered `mixture-1d` data component. */
export const mixture1dComponent = defineComponent({
  kind: 'data',
  name: 'mixture-1d',
  description: 'One-dimensional Gaussian mixture (default means -3, -1, 1, 3; σ 0.1).',
  options: mixture1dOptionsSchema,
  create: (options) => mixture1d(options),
});
