import { ConfigError, defineComponent, type DataSource, type Metric } from '@ganforge/core';
import { z } from 'zod';
import { modeCoverage } from './mode-coverage.js';

/** A data source that knows its mixture (the ring, grid, spiral and mixture-1d of @ganforge/data). */
export interface KnownMixture {
  readonly modes: readonly (readonly number[])[];
  readonly sigma: number;
}

/** True when a data source exposes mode centres and σ. */
export function isKnownMixture(data: DataSource | KnownMixture): data is KnownMixture {
  const d = data as Partial<KnownMixture>;
  return Array.isArray(d.modes) && typeof d.sigma === 'number';
}

/** zod schema of the `mode-coverage` metric options. */
export const modeCoverageOptionsSchema = z.strictObject({
  samples: z
    .number()
    .int()
    .positive()
    .default(2500)
    .describe('generated samples scored (default 2,500, PacGAN protocol)'),
  modes: z.array(z.array(z.number())).min(1).optional().describe("mode centres (default: the data source's)"),
  sigma: z.number().positive().optional().describe("the mixture's σ (default: the data source's)"),
});

/** Options of the `mode-coverage` metric. */
export type ModeCoverageOptions = z.input<typeof modeCoverageOptionsSchema>;

/**
 * The PacGAN coverage metric (Lin et al. 2018, arXiv:1712.04086) as a {@link Metric}: scores
 * `samples` generated points with {@link modeCoverage} and reports `modes`, `high_quality` (share
 * in [0, 1]) and `reverse_kl`. Mode centres and σ come from the options or from the data source.
 */
export function modeCoverageMetric(options: ModeCoverageOptions = {}): Metric {
  const o = modeCoverageOptionsSchema.parse(options);
  return {
    name: 'mode-coverage',
    compute(ctx) {
      const mixture =
        o.modes !== undefined && o.sigma !== undefined ? { modes: o.modes, sigma: o.sigma } : ctx.data;
      if (!isKnownMixture(mixture)) {
        throw new ConfigError(
          'mode-coverage needs mode centres and σ: use a mixture data source (ring, grid, spiral, mixture-1d) or set `modes` and `sigma`',
          'metrics.mode-coverage',
        );
      }
      const x = ctx.generate(o.samples);
      let values: Float32Array;
      try {
        values = x.dataSync() as Float32Array;
      } finally {
        x.dispose();
      }
      const c = modeCoverage(values, o.modes ?? mixture.modes, o.sigma ?? mixture.sigma);
      return { modes: c.modes, high_quality: c.highQuality, reverse_kl: c.reverseKl };
    },
  };
}

/** The registered `mode-coverage` metric component. */
export const modeCoverageComponent = defineComponent({
  kind: 'metric',
  name: 'mode-coverage',
  description: 'Modes captured, high-quality share and reverse KL on Gaussian mixtures (PacGAN protocol).',
  options: modeCoverageOptionsSchema,
  create: (options) => modeCoverageMetric(options),
});
