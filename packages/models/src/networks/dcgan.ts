import { ConfigError } from '@ganforge/core';
import { z } from 'zod';
import { activationLayer, activationNameSchema } from '../layers/activation.js';
import { batchNorm } from '../layers/batch-norm.js';
import { conv2d } from '../layers/conv2d.js';
import { conv2dTranspose } from '../layers/conv2d-transpose.js';
import { dense } from '../layers/dense.js';
import { initSchemeSchema } from '../layers/initializers.js';
import type { Layer } from '../layers/layer.js';
import { flatten, reshape } from '../layers/reshape.js';
import type { NetworkBuildContext } from './mlp.js';
import { SequentialDiscriminator, SequentialGenerator } from './sequential-network.js';

const common = {
  width: z
    .number()
    .int()
    .positive()
    .default(64)
    .describe('channels of the widest-resolution hidden layer; doubled per halving (default 64)'),
  kernelSize: z.number().int().positive().default(4).describe('convolution kernel size (default 4)'),
  stages: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('number of ×2 resampling stages (default: most with size/2ⁿ ≥ 4 integral)'),
  init: initSchemeSchema
    .default('dcgan-normal')
    .describe('kernel initialization (default dcgan-normal, N(0, 0.02²))'),
};

/** zod schema of the `dcgan` generator's options. */
export const dcganGeneratorOptionsSchema = z.strictObject({
  ...common,
  batchNorm: z
    .boolean()
    .default(true)
    .describe('batch norm after every hidden layer (default true, as the paper)'),
  outputActivation: activationNameSchema.default('tanh').describe('output activation (default tanh)'),
});

/** zod schema of the `dcgan` discriminator's options. */
export const dcganDiscriminatorOptionsSchema = z.strictObject({
  ...common,
  batchNorm: z
    .boolean()
    .default(false)
    .describe(
      'batch norm after every conv but the first (default false: penalties and spectral norm assume per-sample D)',
    ),
  leakyReluAlpha: z.number().min(0).max(1).default(0.2).describe('α of the LeakyReLU (default 0.2)'),
});

/** Options of the `dcgan` generator as written in a config. */
export type DcganGeneratorOptions = z.input<typeof dcganGeneratorOptionsSchema>;
/** Options of the `dcgan` discriminator as written in a config. */
export type DcganDiscriminatorOptions = z.input<typeof dcganDiscriminatorOptionsSchema>;

/** The number of ×2 stages for an image: the most n with H/2ⁿ and W/2ⁿ integral and ≥ 4 (28 → 2, 32 → 3, 64 → 4). */
export function dcganStages(height: number, width: number): number {
  let n = 0;
  while (
    height % 2 ** (n + 1) === 0 &&
    width % 2 ** (n + 1) === 0 &&
    height / 2 ** (n + 1) >= 4 &&
    width / 2 ** (n + 1) >= 4
  )
    n++;
  return n;
}

function imageShape(
  sampleShape: readonly number[],
  stages: number | undefined,
  who: string,
): [number, number, number, number] {
  if (sampleShape.length !== 3) {
    throw new ConfigError(
      `${who} needs image samples [height, width, channels], got [${sampleShape.join(', ')}]`,
      'data',
    );
  }
  const [h, w, c] = sampleShape;
  const n = stages ?? dcganStages(h, w);
  if (n < 1 || h % 2 ** n !== 0 || w % 2 ** n !== 0) {
    throw new ConfigError(
      `${who}: ${h}×${w} is not divisible by 2^${n}; choose 'stages' so that it is`,
      'stages',
    );
  }
  return [h, w, c, n];
}

/**
 * The DCGAN generator (Radford et al. 2015, arXiv:1511.06434): z → dense → reshape to
 * (H/2ⁿ)×(W/2ⁿ)×(width·2ⁿ⁻¹) → BN → ReLU → n transposed convs (k 4, stride 2, 'same'), each but
 * the last followed by BN and ReLU, channels halving to `width`, the last to the image channels →
 * tanh. 28×28×1: 7×7×128 → 14×14×64 → 28×28×1; 32×32×3: 4×4×256 → 8×8×128 → 16×16×64 → 32×32×3.
 */
export function dcganGenerator(
  options: DcganGeneratorOptions,
  ctx: NetworkBuildContext,
): SequentialGenerator {
  const o = dcganGeneratorOptionsSchema.parse(options);
  const [h, w, c, n] = imageShape(ctx.sampleShape, o.stages, 'dcgan generator');
  const [h0, w0, c0] = [h / 2 ** n, w / 2 ** n, o.width * 2 ** (n - 1)];
  const layers: Layer[] = [
    dense(ctx.latentDim, h0 * w0 * c0, { init: o.init, useBias: !o.batchNorm }),
    reshape([h0, w0, c0]),
  ];
  if (o.batchNorm) layers.push(batchNorm(c0));
  layers.push(activationLayer('relu'));
  let channels = c0;
  for (let j = 1; j <= n; j++) {
    const last = j === n;
    const filters = last ? c : o.width * 2 ** (n - 1 - j);
    const useBias = last || !o.batchNorm;
    layers.push(
      conv2dTranspose({
        inChannels: channels,
        filters,
        kernelSize: o.kernelSize,
        strides: 2,
        init: o.init,
        useBias,
      }),
    );
    if (!last && o.batchNorm) layers.push(batchNorm(filters));
    layers.push(activationLayer(last ? o.outputActivation : 'relu'));
    channels = filters;
  }
  return new SequentialGenerator(layers, ctx.latentDim, ctx.sampleShape, ctx.rng);
}

/**
 * The DCGAN discriminator (Radford et al. 2015, arXiv:1511.06434): n strided convs (k 4,
 * stride 2, 'same'), channels `width`, 2·width, …, each followed by LeakyReLU(0.2) (optional BN
 * on all but the first) → flatten (the features) → dense → 1 linear score.
 */
export function dcganDiscriminator(
  options: DcganDiscriminatorOptions,
  ctx: Pick<NetworkBuildContext, 'rng' | 'sampleShape'>,
): SequentialDiscriminator {
  const o = dcganDiscriminatorOptionsSchema.parse(options);
  const [h, w, c, n] = imageShape(ctx.sampleShape, o.stages, 'dcgan discriminator');
  const layers: Layer[] = [];
  let channels = c;
  for (let j = 1; j <= n; j++) {
    const filters = o.width * 2 ** (j - 1);
    const bn = o.batchNorm && j > 1;
    layers.push(
      conv2d({
        inChannels: channels,
        filters,
        kernelSize: o.kernelSize,
        strides: 2,
        init: o.init,
        useBias: !bn,
      }),
    );
    if (bn) layers.push(batchNorm(filters));
    layers.push(activationLayer('leaky-relu', o.leakyReluAlpha));
    channels = filters;
  }
  layers.push(flatten(), dense((h / 2 ** n) * (w / 2 ** n) * channels, 1, { init: o.init }));
  return new SequentialDiscriminator(layers, ctx.sampleShape, ctx.rng);
}
