import {
  defineComponent,
  GAN_COMPONENT,
  type AnyComponentDefinition,
  type DependencyContainer,
} from '@ganforge/core';
import { z } from 'zod';
import { gaussianCopulaGenerator } from './copula-generator.js';
import { copulaTableOf } from './table-columns.js';

/** zod schema of the `gaussian-copula` generator options. */
export const gaussianCopulaOptionsSchema = z.strictObject({
  quantiles: z
    .number()
    .int()
    .min(2)
    .max(1_000_000)
    .default(1000)
    .describe("knots of each numeric column's empirical quantile function at most (default 1000)"),
});

/**
 * The `gaussian-copula` generator component: {@link gaussianCopulaGenerator} fitted to the run's
 * `table` data (`BuildContext.data`) when it is built.
 */
export const gaussianCopulaGeneratorComponent = defineComponent({
  kind: 'generator',
  name: 'gaussian-copula',
  description:
    "A Gaussian copula fitted to a table in one pass (SDV's baseline): empirical marginals, normal-scores correlation; no training.",
  options: gaussianCopulaOptionsSchema,
  create: (options, ctx) => gaussianCopulaGenerator(copulaTableOf(ctx.data), options, ctx.rng),
});

/**
 * The `gaussian-copula` preset: the whole synthesizer in one config line, `preset:
 * gaussian-copula` beside a `table` data block. It supplies the `gaussian-copula` generator, core's
 * `none` discriminator and `fit-only` trainer, and `steps: 1`: `ganforge train` fits the copula
 * when it builds the run (one pass over the training rows), takes one step that trains nothing
 * and writes the run folder and the checkpoint, so `ganforge sample` and `eval` work on it as on
 * a GAN run. A `generator` block of the user's (other `quantiles`) replaces the preset's.
 */
export const gaussianCopulaPresetComponent = defineComponent({
  kind: 'preset',
  name: 'gaussian-copula',
  description:
    'The Gaussian copula baseline synthesizer (SDV default): generator gaussian-copula, no discriminator, trainer fit-only, 1 step.',
  options: z.strictObject({}),
  create: () => ({
    generator: { kind: 'gaussian-copula' },
    discriminator: { kind: 'none' },
    trainer: { kind: 'fit-only' },
    steps: 1,
  }),
});

/** The components of the Gaussian copula baseline: its generator and its preset. */
export function copulaComponents(): AnyComponentDefinition[] {
  return [gaussianCopulaGeneratorComponent, gaussianCopulaPresetComponent];
}

/** Registers {@link copulaComponents} in `container` (what a plugin's `register` calls). */
export function registerCopula(container: DependencyContainer): void {
  for (const definition of copulaComponents()) container.register(GAN_COMPONENT, { useValue: definition });
}
