import { defineComponent } from '@ganforge/core';
import { z } from 'zod';
import { gaussianMixture, type MixtureSource } from './gaussian-mixture.js';

/**
 * Centres of a `size` × `size` grid with `spacing` between neighbours, centred on the origin:
 * μ = ((i − (size−1)/2)·spacing, (j − (size−1)/2)·spacing); 5 × 5 with spacing 2 is {−4,−2,0,2,4}².
 */
export function gridModes(size: number, spacing: number): number[][] {
  const offset = ((size - 1) / 2) * spacing;
  const modes: number[][] = [];
  for (let i = 0; i < size; i++)
    for (let j = 0; j < size; j++) modes.push([i * spacing - offset, j * spacing - offset]);
  return modes;
}

/** zod schema of the `grid` data options; defaults are BENCHMARKS.md §3 (PacGAN, Lin et al. 2018). */
export const gridOptionsSchema = z.strictObject({
  size: z.number().int().min(1).default(5).describe('modes per side: size² Gaussians (default 5 → 25)'),
  spacing: z.number().positive().default(2).describe('distance between neighbouring modes (default 2)'),
  sigma: z.number().positive().default(0.05).describe('standard deviation of each Gaussian (default 0.05)'),
});

/** Options of the `grid` data source. */
export type GridOptions = z.input<typeof gridOptionsSchema>;

/**
 * The grid: `size`² equally weighted Gaussians N(μ, σ²I) on a square lattice (PacGAN, Lin et al.
 * 2018, arXiv:1712.04086: 25 modes at {−4,−2,0,2,4}², σ = 0.05).
 */
export function grid(options: GridOptions = {}): MixtureSource {
  const o = gridOptionsSchema.parse(options);
  return gaussianMixture({ modes: gridModes(o.size, o.spacing), sigma: o.sigma });
}

/** The registered `grid` data component. */
export const gridComponent = defineComponent({
  kind: 'data',
  name: 'grid',
  description: 'Gaussians on a square grid (default 25 modes at {-4..4}², σ 0.05; PacGAN protocol).',
  options: gridOptionsSchema,
  create: (options) => grid(options),
});
