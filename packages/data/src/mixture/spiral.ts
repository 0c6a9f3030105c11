import { defineComponent } from '@ganforge/core';
import { z } from 'zod';
import { gaussianMixture, type MixtureSource } from './gaussian-mixture.js';

/** Arc length of the Archimedean spiral r = bθ from 0 to θ: s(θ) = b/2 · (θ√(1+θ²) + asinh θ). */
function arcLength(b: number, theta: number): number {
  return (b / 2) * (theta * Math.sqrt(1 + theta * theta) + Math.asinh(theta));
}

/**
 * Centres of `n` modes at equal arc length along the Archimedean spiral r = bθ, from θ = π to
 * θ = π + 2π·turns, scaled so the outermost mode lies at `radius`. Equal arc spacing keeps
 * neighbouring modes equally far apart (about L/(n−1) for total length L).
 */
export function spiralModes(n: number, turns: number, radius: number): number[][] {
  const start = Math.PI;
  const end = Math.PI + 2 * Math.PI * turns;
  const b = radius / end;
  const s0 = arcLength(b, start);
  const s1 = arcLength(b, end);
  return Array.from({ length: n }, (_, k) => {
    const target = n === 1 ? s1 : s0 + ((s1 - s0) * k) / (n - 1);
    let lo = start;
    let hi = end;
    for (let it = 0; it < 60; it++) {
      const mid = (lo + hi) / 2;
      if (arcLength(b, mid) < target) lo = mid;
      else hi = mid;
    }
    const theta = (lo + hi) / 2;
    return [b * theta * Math.cos(theta), b * theta * Math.sin(theta)];
  });
}

/** zod schema of the `spiral` data options. */
export const spiralOptionsSchema = z.strictObject({
  modes: z.number().int().min(1).default(20).describe('number of Gaussians along the spiral (default 20)'),
  turns: z.number().positive().default(1.5).describe('turns of the spiral (default 1.5)'),
  radius: z
    .number()
    .positive()
    .default(1)
    .describe('distance of the outermost mode from the origin (default 1)'),
  sigma: z.number().positive().default(0.02).describe('standard deviation of each Gaussian (default 0.02)'),
});

/** Options of the `spiral` data source. */
export type SpiralOptions = z.input<typeof spiralOptionsSchema>;

/**
 * The spiral: `modes` equally weighted Gaussians N(μₖ, σ²I) at equal arc length along an
 * Archimedean spiral. Like the ring and the grid it has known mode centres, so the PacGAN
 * coverage metric (Lin et al. 2018, arXiv:1712.04086) scores it; unlike them, its modes lie on a
 * curved one-dimensional manifold whose turns a generator must not bridge. With the defaults,
 * neighbouring modes are ≈ 0.24 apart (12σ) and the turns ≈ 0.67 apart.
 */
export function spiral(options: SpiralOptions = {}): MixtureSource {
  const o = spiralOptionsSchema.parse(options);
  return gaussianMixture({ modes: spiralModes(o.modes, o.turns, o.radius), sigma: o.sigma });
}

/** The registered `spiral` data component. */
export const spiralComponent = defineComponent({
  kind: 'data',
  name: 'spiral',
  description:
    'Gaussians at equal arc length along an Archimedean spiral (default 20 modes, 1.5 turns, σ 0.02).',
  options: spiralOptionsSchema,
  create: (options) => spiral(options),
});
