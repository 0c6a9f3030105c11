import { ConfigError, defineComponent } from '@ganforge/core';
import { mlpDiscriminator } from '@ganforge/models';
import { checkBatchPacking, PackedDiscriminator } from '@ganforge/plugin-pacgan';
import { z } from 'zod';
import { isConditionalTable, isTableSource } from './condition/conditional-table.js';
import { headPlan } from './head/span-activations.js';
import { CtganDiscriminator } from './networks/ctgan-discriminator.js';
import { CtganGenerator } from './networks/ctgan-generator.js';

const widths = (what: string) =>
  z
    .array(z.number().int().positive())
    .min(1)
    .default([256, 256])
    .describe(`${what} (default [256, 256], CTGAN's)`);

/** zod schema of the `ctgan` generator's options (Xu et al. 2019, arXiv:1907.00503). */
export const ctganGeneratorOptionsSchema = z.strictObject({
  embeddingDim: z
    .number()
    .int()
    .positive()
    .default(128)
    .describe(
      "dimension of the noise z_E (default 128, CTGAN's embedding_dim); the generator's latent size adds one Gumbel column per one-hot slot and one condition draw, so the run's latentDim is not used",
    ),
  hidden: widths('widths of the residual blocks, each h ⊕ ReLU(BN(W·h + b))'),
  tau: z
    .number()
    .gt(0)
    .default(0.2)
    .describe('Gumbel-softmax temperature τ of the one-hot spans (default 0.2, CTGAN’s)'),
});

/** Options of the `ctgan` generator as written in a config. */
export type CtganGeneratorOptions = z.input<typeof ctganGeneratorOptionsSchema>;

/** zod schema of the `ctgan` discriminator's options (Xu et al. 2019, arXiv:1907.00503). */
export const ctganDiscriminatorOptionsSchema = z.strictObject({
  hidden: widths('widths of the critic’s layers, each Linear → LeakyReLU → Dropout'),
  packing: z
    .number()
    .int()
    .min(1)
    .default(10)
    .describe('rows scored together (PacGAN’s m; default 10, CTGAN’s pac); batchSize must be a multiple'),
  dropout: z.number().min(0).lt(1).default(0.5).describe('dropout rate after each activation (default 0.5)'),
  leakyReluAlpha: z.number().min(0).max(1).default(0.2).describe('slope α of LeakyReLU (default 0.2)'),
});

/** Options of the `ctgan` discriminator as written in a config. */
export type CtganDiscriminatorOptions = z.input<typeof ctganDiscriminatorOptionsSchema>;

const TABLE_DATA =
  'data: { kind: training-by-sampling, inner: { kind: table, path: … } } (or a table source without conditions)';

/**
 * Generator `ctgan` ({@link CtganGenerator}): built for the run's table data source
 * (`BuildContext.data`), whose layout sets the output head and whose training-by-sampling
 * conditions set the conditional vector. Its noise is `embeddingDim` wide plus the Gumbel and
 * condition columns (`generator.latentDim`); the config's `latentDim` is not used. Without a table source (any other data, or a generator
 * loaded alone without its data) it is a ConfigError at `generator.kind`.
 */
export const ctganGeneratorComponent = defineComponent({
  kind: 'generator',
  name: 'ctgan',
  description:
    'CTGAN generator (Xu et al. 2019): residual blocks on noise ⊕ condition, tanh / Gumbel-softmax head per span of the table layout.',
  options: ctganGeneratorOptionsSchema,
  create: (options, ctx) => {
    const data = ctx.data;
    if (!isTableSource(data))
      throw new ConfigError(
        data === undefined
          ? 'generator: the ctgan generator is built for a table’s layout and needs the run’s data source; a ctgan generator is not loaded alone: rebuild the run (createGan + loadCheckpoint)'
          : `generator: the ctgan generator emits a table's encoded rows; the data (sample shape [${data.sampleShape}]) is not a table source: use ${TABLE_DATA}`,
        'generator.kind',
      );
    const conditions = isConditionalTable(data) && data.conditions.width > 0 ? data.conditions : undefined;
    return new CtganGenerator(
      {
        embeddingDim: options.embeddingDim,
        hidden: options.hidden,
        tau: options.tau,
        plan: headPlan(data.layout.spans, data.layout.width, 'data'),
        conditions,
      },
      ctx.rng,
    );
  },
});

/**
 * Discriminator `ctgan` ({@link CtganDiscriminator}): rows ⊕ conditional vectors (C =
 * `numClasses` of the data, 0 without conditions), packed m at a time into plugin-pacgan's
 * `PackedDiscriminator` over models' `mlp` (LeakyReLU, dropout, PyTorch's init). The run's
 * `batchSize` must be a multiple of m (a ConfigError at `batchSize`).
 */
export const ctganDiscriminatorComponent = defineComponent({
  kind: 'discriminator',
  name: 'ctgan',
  description:
    'CTGAN critic (Xu et al. 2019): row ⊕ condition, packed m = 10 (PacGAN), [Linear → LeakyReLU 0.2 → Dropout 0.5] × 2 → Linear.',
  options: ctganDiscriminatorOptionsSchema,
  create: (options, ctx) => {
    if (ctx.batchSize !== undefined && options.packing > 1) checkBatchPacking(ctx.batchSize, options.packing);
    if (ctx.sampleShape.length !== 1)
      throw new ConfigError(
        `discriminator: the ctgan critic scores encoded table rows [D]; the data's samples are [${ctx.sampleShape}]: use ${TABLE_DATA}`,
        'discriminator.kind',
      );
    const d = ctx.sampleShape[0];
    const c = ctx.numClasses ?? 0;
    const rowWidth = d + c;
    const body = mlpDiscriminator(
      {
        hidden: options.hidden,
        activation: 'leaky-relu',
        leakyReluAlpha: options.leakyReluAlpha,
        dropout: options.dropout,
        init: 'fan-in-uniform',
      },
      { rng: ctx.rng, sampleShape: [options.packing * rowWidth] },
    );
    const inner = options.packing > 1 ? new PackedDiscriminator(body, [rowWidth], options.packing) : body;
    return new CtganDiscriminator(inner, [d], c, options.packing);
  },
});
