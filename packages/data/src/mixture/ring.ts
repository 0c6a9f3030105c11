import { defineComponent } from '@ganforge/core';
import { z } from 'zod';
import { gaussianMixture, type MixtureSource } from './gaussian-mixture.js';

/** Centres of `n` modes evenly spaced on a circle of `radius`: μₖ = r·(cos 2πk/n, sin 2πk/n). */
export function ringModes(n: number, radius: number): number[][] {
  return Array.from({ length: n }, (_, k) => [
    radius * Math.cos((2 * Math.PI * k) / n),
    radius * Math.sin((2 * Math.PI * k) / n),
  ]);
}

/** zod schema of the `ring` data options; defaults are BENCHMARKS.md §3 (PacGAN, Lin et al. 2018). */
export const ringOptionsSchema = z.strictObject({
  modes: z.number().int().min(1).default(8).describe('number of Gaussians on the circle (default 8)'),
  radius: z.number().positive().default(1).describe('radius of the circle (default 1)'),
  sigma: z.number().positive().default(0.01).describe('standard deviation of each Gaussian (default 0.01)'),
});

/** Options of the `ring` data source. */
export type RingOptions = z.input<typeof ringOptionsSchema>;

/**
 * The ring: `modes` equally weighted Gaussians N(μₖ, σ²I) on a circle (Metz et al. 2017,
 * arXiv:1611.02163; protocol of PacGAN, Lin et al. 2018, arXiv:1712.04086: 8 modes, radius 1,
 * σ = 0.01).
 */
export function ring(options: RingOptions = {}): MixtureSource {
  const o = ringOptionsSchema.parse(options);
  return gaussianMixture({ modes: ringModes(o.modes, o.radius), sigma: o.sigma });
}

/** The registered `ring` data component. */
export const ringComponent = defineComponent({
  kind: 'data',
  name: 'ring',
  description: 'Gaussians on a circle (default 8 modes, radius 1, σ 0.01; PacGAN protocol).',
  options: ringOptionsSchema,
  create: (options) => ring(options),
});
