import { ConfigError, defineComponent, type AnyComponentDefinition } from '@ganforge/core';
import { z } from 'zod';
import { checkBatchPacking, sampleSize } from './pack-samples.js';
import { PackedDiscriminator } from './packed-discriminator.js';

/**
 * zod schema of the `pacgan` wrapper's options (Lin et al. 2018, arXiv:1712.04086): `body`, the
 * discriminator of packs [x₁, …, x_m] (validated when built), and `packing` m ≥ 2.
 */
export const pacganOptionsSchema = z.strictObject({
  body: z
    .looseObject({ kind: z.string() })
    .describe(
      'the inner discriminator block that scores each pack of m concatenated samples (built for inputs of m·d values), e.g. { kind: "mlp", hidden: [128, 128] }',
    ),
  packing: z
    .number()
    .int()
    .min(2)
    .default(4)
    .describe(
      'm, the number of samples packed into one discriminator input (PacGAN2, PacGAN3, PacGAN4, …; default 4, the PacGAN4 of the paper’s Table 1); batchSize must be a multiple of it',
    ),
});

/** Options of the `pacgan` wrapper as written in a config. */
export type PacganOptions = z.input<typeof pacganOptionsSchema>;

/**
 * Discriminator wrapper `pacgan` (Lin, Khetan, Fanti & Oh 2018, arXiv:1712.04086): builds the
 * `body` block for samples of m·d values (d = ∏ sampleShape) and wraps it in a
 * {@link PackedDiscriminator}. The run's `batchSize` must be a multiple of m: a
 * `ConfigError` at `batchSize` otherwise, before the body is built.
 */
export const pacganComponent = defineComponent({
  kind: 'discriminator',
  name: 'pacgan',
  description:
    'PacGAN (Lin et al. 2018): the body discriminator scores m samples concatenated, D([x₁, …, x_m]).',
  options: pacganOptionsSchema,
  create: ({ body, packing }, ctx) => {
    if (ctx.batchSize !== undefined) checkBatchPacking(ctx.batchSize, packing);
    if (body.kind === 'conditional') {
      throw new ConfigError(
        'pacgan: put the conditional wrapper outside pacgan ({ kind: conditional, inner: { kind: pacgan, body: … } }), ' +
          'where it appends each sample’s labels before the samples are packed',
        'discriminator.body.kind',
      );
    }
    const sampleShape = [packing * sampleSize(ctx.sampleShape)];
    const inner = ctx.build('discriminator', body, 'discriminator.body', { sampleShape });
    return new PackedDiscriminator(inner, ctx.sampleShape, packing);
  },
});

/** Every component of @ganforge/plugin-pacgan: the `pacgan` wrapper (Lin et al. 2018, arXiv:1712.04086). */
export function pacganComponents(): AnyComponentDefinition[] {
  return [pacganComponent];
}
