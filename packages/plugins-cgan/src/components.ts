import { ConfigError, defineComponent, type AnyComponentDefinition, type BuildContext } from '@ganforge/core';
import { z } from 'zod';
import type { ConditionLayout } from './conditioning/condition-input.js';
import { ConditionalDiscriminator, innerInputShape } from './networks/conditional-discriminator.js';
import { ConditionalGenerator, conditionWidth } from './networks/conditional-generator.js';

const shared = {
  inner: z
    .looseObject({ kind: z.string() })
    .describe('the wrapped network block, e.g. { kind: "mlp", hidden: [256] }'),
  numClasses: z
    .number()
    .int()
    .min(2)
    .optional()
    .describe("number of classes (default: the data's); when given, it must equal the data's"),
  embeddingDim: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('width of the learned label embedding, mode "embedding" only (default: numClasses)'),
};

/** zod schema of the `conditional` generator wrapper's options. */
export const conditionalGeneratorOptionsSchema = z.strictObject({
  ...shared,
  mode: z
    .enum(['concat', 'embedding'])
    .default('concat')
    .describe('what joins z: the one-hot label (concat) or a learned embedding of it (default concat)'),
});

/** zod schema of the `conditional` discriminator wrapper's options. */
export const conditionalDiscriminatorOptionsSchema = z.strictObject({
  ...shared,
  mode: z
    .enum(['concat', 'embedding', 'projection'])
    .default('concat')
    .describe('one-hot label or embedding joined to x, or a projection discriminator (default concat)'),
  layout: z
    .enum(['auto', 'flat', 'channels'])
    .default('auto')
    .describe(
      'where the label joins x: flat (to the flattened sample, MLPs) or channels (extra channels of an [H, W, C] image, conv nets); auto: channels for [H, W, C] samples, else flat',
    ),
});

/** Options of the `conditional` generator wrapper as written in a config. */
export type ConditionalGeneratorOptions = z.input<typeof conditionalGeneratorOptionsSchema>;
/** Options of the `conditional` discriminator wrapper as written in a config. */
export type ConditionalDiscriminatorOptions = z.input<typeof conditionalDiscriminatorOptionsSchema>;

/** The number of classes: the data's, checked against the option when both are given. */
export function resolveNumClasses(
  option: number | undefined,
  data: number | undefined,
  path: string,
): number {
  if (data === undefined) {
    throw new ConfigError(
      `${path}: a conditional network needs class labels, but the data source has none (no numClasses)` +
        `${option === undefined ? '' : `, while ${path}.numClasses is ${option}`}: use labelled data such as mnist, or a csv source with a label column`,
      `${path}.numClasses`,
    );
  }
  if (option !== undefined && option !== data) {
    throw new ConfigError(
      `${path}.numClasses is ${option}, but the data has ${data} classes`,
      `${path}.numClasses`,
    );
  }
  return data;
}

function checkEmbeddingDim(o: { mode: string; embeddingDim?: number }, path: string): void {
  if (o.embeddingDim !== undefined && o.mode !== 'embedding') {
    throw new ConfigError(
      `${path}.embeddingDim applies to mode "embedding" only (mode is "${o.mode}")`,
      `${path}.embeddingDim`,
    );
  }
}

function layoutOf(layout: 'auto' | ConditionLayout, sampleShape: readonly number[]): ConditionLayout {
  if (layout !== 'auto') return layout;
  return sampleShape.length === 3 ? 'channels' : 'flat';
}

/** Generator wrapper `conditional`. */
export const conditionalGeneratorComponent = defineComponent({
  kind: 'generator',
  name: 'conditional',
  description:
    'Conditional generator G(z, y) (Mirza & Osindero 2014): one-hot label or learned embedding joined to z.',
  options: conditionalGeneratorOptionsSchema,
  create: (options, ctx: BuildContext) => {
    checkEmbeddingDim(options, 'generator');
    const settings = {
      mode: options.mode,
      numClasses: resolveNumClasses(options.numClasses, ctx.numClasses, 'generator'),
      embeddingDim: options.embeddingDim,
    };
    const latentDim = ctx.latentDim + conditionWidth(settings);
    const inner = ctx.build('generator', options.inner, 'generator.inner', { latentDim });
    return new ConditionalGenerator(inner, ctx.latentDim, settings, ctx.rng);
  },
});

/** Discriminator wrapper `conditional`. */
export const conditionalDiscriminatorComponent = defineComponent({
  kind: 'discriminator',
  name: 'conditional',
  description:
    'Conditional discriminator D(x, y): label or embedding joined to x, or projection (Miyato & Koyama 2018).',
  options: conditionalDiscriminatorOptionsSchema,
  create: (options, ctx: BuildContext) => {
    checkEmbeddingDim(options, 'discriminator');
    const settings = {
      mode: options.mode,
      numClasses: resolveNumClasses(options.numClasses, ctx.numClasses, 'discriminator'),
      embeddingDim: options.embeddingDim,
      layout: layoutOf(options.layout, ctx.sampleShape),
    };
    const sampleShape = innerInputShape(ctx.sampleShape, settings);
    const inner = ctx.build('discriminator', options.inner, 'discriminator.inner', { sampleShape });
    return new ConditionalDiscriminator(inner, ctx.sampleShape, settings, ctx.rng);
  },
});

/** Every component of @ganforge/plugin-cgan. */
export function cganComponents(): AnyComponentDefinition[] {
  return [conditionalGeneratorComponent, conditionalDiscriminatorComponent];
}
