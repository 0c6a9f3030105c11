import { defineComponent, type AnyComponentDefinition, type BuildContext } from '@ganforge/core';
import { z } from 'zod';
import { BatchFeatureDiscriminator } from './networks/batch-feature-discriminator.js';
import type { BatchFeature } from './networks/batch-feature.js';
import { minibatchDiscriminationFeature, minibatchStddevFeature } from './networks/minibatch-features.js';

const body = z
  .looseObject({ kind: z.string() })
  .describe(
    'the wrapped discriminator block whose features are used, e.g. { kind: "mlp", hidden: [64, 64] }',
  );

/** zod schema of the `minibatch-discrimination` wrapper's options (the body is validated when built). */
export const minibatchDiscriminationOptionsSchema = z.strictObject({
  body,
  B: z
    .number()
    .int()
    .positive()
    .default(100)
    .describe('number of kernels B, the features added (default 100, as in the paper)'),
  C: z
    .number()
    .int()
    .positive()
    .default(5)
    .describe('dimension C of each kernel (default 5, as in the paper)'),
  excludeSelf: z
    .boolean()
    .default(true)
    .describe(
      "leave the term j = i (always 1) out of o(x_i)_b = Σ_j c_b(x_i, x_j) (default true, as Salimans et al.'s code does)",
    ),
  average: z
    .boolean()
    .default(true)
    .describe(
      "divide o(x_i)_b by its number of terms (n − 1), so it lies in (0, 1] whatever the batch size (default true, as the authors' ImageNet code does; false: the raw sum in (0, n])",
    ),
  groupSize: z
    .number()
    .int()
    .positive()
    .optional()
    .describe(
      'compare each sample with the other samples of its group of groupSize consecutive rows only (default: the whole batch); cuts the pairwise work from n² to n·groupSize',
    ),
  initStd: z
    .number()
    .positive()
    .default(0.05)
    .describe(
      "standard deviation of T's normal initialization (default 0.05, as in Salimans et al.'s code, for data of unit scale; divide by the data's spread beyond that: 0.0125 for the 25-Gaussian grid in [−4, 4])",
    ),
});

/** zod schema of the `minibatch-stddev` wrapper's options (the body is validated when built). */
export const minibatchStddevOptionsSchema = z.strictObject({
  body,
  epsilon: z
    .number()
    .positive()
    .default(1e-8)
    .describe("ε of √(Var + ε), which keeps the gradient finite (default 1e-8, as in Karras et al.'s code)"),
});

/** Options of the `minibatch-discrimination` wrapper as written in a config. */
export type MinibatchDiscriminationOptions = z.input<typeof minibatchDiscriminationOptionsSchema>;
/** Options of the `minibatch-stddev` wrapper as written in a config. */
export type MinibatchStddevOptions = z.input<typeof minibatchStddevOptionsSchema>;

function wrap(block: { kind: string }, feature: BatchFeature, ctx: BuildContext): BatchFeatureDiscriminator {
  const inner = ctx.build('discriminator', block, 'discriminator.body');
  return new BatchFeatureDiscriminator(inner, feature, ctx.rng, { numClasses: ctx.numClasses });
}

/** Discriminator wrapper `minibatch-discrimination`. */
export const minibatchDiscriminationComponent = defineComponent({
  kind: 'discriminator',
  name: 'minibatch-discrimination',
  description:
    "Minibatch discrimination (Salimans et al. 2016) on the body's features, before a new linear head.",
  options: minibatchDiscriminationOptionsSchema,
  create: ({ body: block, ...o }, ctx) => wrap(block, minibatchDiscriminationFeature(o), ctx),
});

/** Discriminator wrapper `minibatch-stddev`. */
export const minibatchStddevComponent = defineComponent({
  kind: 'discriminator',
  name: 'minibatch-stddev',
  description:
    "Minibatch standard deviation (Karras et al. 2018) appended to the body's features, before a new linear head.",
  options: minibatchStddevOptionsSchema,
  create: ({ body: block, epsilon }, ctx) => wrap(block, minibatchStddevFeature({ epsilon }), ctx),
});

/** Every component of @ganforge/plugin-minibatch. */
export function minibatchComponents(): AnyComponentDefinition[] {
  return [minibatchDiscriminationComponent, minibatchStddevComponent];
}
