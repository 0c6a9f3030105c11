import { ConfigError, defineComponent, type BuildContext } from '@ganforge/core';
import {
  activationLayer,
  activationNameSchema,
  conv2d,
  conv2dTranspose,
  dcganStages,
  dense,
  flatten,
  initSchemeSchema,
  reshape,
  type Layer,
} from '@ganforge/models';
import { z } from 'zod';
import { AutoencoderDiscriminator } from './autoencoder-discriminator.js';

const CONV_ONLY = ['width', 'kernelSize', 'stages'] as const;

/**
 * zod schema of the `ebgan` discriminator's options. Body-specific fields carry no schema default
 * (their defaults are applied by body, below) so that a field of the other body is an error.
 */
export const ebganDiscriminatorOptionsSchema = z
  .strictObject({
    body: z
      .enum(['mlp', 'conv'])
      .default('mlp')
      .describe(
        'mlp: dense encoder/decoder; conv: strided convs / transposed convs on [h, w, c] images (default mlp)',
      ),
    codeDim: z.number().int().positive().default(64).describe('size of the encoder code S (default 64)'),
    hidden: z
      .array(z.number().int().positive())
      .min(1)
      .optional()
      .describe('mlp only: encoder hidden widths; the decoder mirrors them (default [256])'),
    width: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('conv only: channels of the first encoder conv, doubled per stage (default 64)'),
    kernelSize: z.number().int().positive().optional().describe('conv only: kernel size (default 4)'),
    stages: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('conv only: ×2 down/up-sampling stages (default: most with size/2ⁿ ≥ 4 integral)'),
    activation: activationNameSchema.default('leaky-relu').describe('hidden activation (default leaky-relu)'),
    leakyReluAlpha: z.number().min(0).max(1).default(0.2).describe('α of leaky-relu (default 0.2)'),
    codeActivation: activationNameSchema
      .default('linear')
      .describe('activation of the code S (default linear)'),
    outputActivation: activationNameSchema
      .default('linear')
      .describe(
        'activation of the reconstruction (default linear; tanh bounds the energy of [−1, 1] data by 4)',
      ),
    init: initSchemeSchema
      .optional()
      .describe(
        "weight and bias initialization (default fan-in-uniform for mlp: U(±1/√fan_in), PyTorch's nn.Linear, as @ganforge/models' mlp; dcgan-normal for conv)",
      ),
  })
  .superRefine((o, ctx) => {
    if (o.body === 'mlp') {
      for (const key of CONV_ONLY)
        if (o[key] !== undefined)
          ctx.addIssue({ code: 'custom', path: [key], message: `'${key}' applies only to body 'conv'` });
    } else if (o.hidden !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['hidden'], message: `'hidden' applies only to body 'mlp'` });
    }
  });

/** Options of the `ebgan` discriminator as written in a config. */
export type EbganDiscriminatorOptions = z.input<typeof ebganDiscriminatorOptionsSchema>;

type Options = z.output<typeof ebganDiscriminatorOptionsSchema>;

function size(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

// fan-in-uniform draws the biases too: with zero biases every first-layer ReLU kink of the
// encoder passes through the origin (TRAPS.md, Initialization). MEASURED_PLACEHOLDER
function mlpBody(o: Options, sampleShape: readonly number[]): { encoder: Layer[]; decoder: Layer[] } {
  const init = o.init ?? 'fan-in-uniform';
  const hidden = o.hidden ?? [256];
  const act = (): Layer => activationLayer(o.activation, o.leakyReluAlpha);
  const encoder: Layer[] = sampleShape.length === 1 ? [] : [flatten()];
  let width = size(sampleShape);
  for (const units of hidden) {
    encoder.push(dense(width, units, { init }), act());
    width = units;
  }
  encoder.push(dense(width, o.codeDim, { init }), activationLayer(o.codeActivation, o.leakyReluAlpha));
  const decoder: Layer[] = [];
  width = o.codeDim;
  for (const units of [...hidden].reverse()) {
    decoder.push(dense(width, units, { init }), act());
    width = units;
  }
  decoder.push(
    dense(width, size(sampleShape), { init }),
    activationLayer(o.outputActivation, o.leakyReluAlpha),
  );
  if (sampleShape.length !== 1) decoder.push(reshape(sampleShape));
  return { encoder, decoder };
}

function convBody(o: Options, sampleShape: readonly number[]): { encoder: Layer[]; decoder: Layer[] } {
  if (sampleShape.length !== 3) {
    throw new ConfigError(
      `ebgan discriminator with body 'conv' needs image samples [height, width, channels], got [${sampleShape.join(', ')}]; use body 'mlp' for vectors`,
      'discriminator.body',
    );
  }
  const [h, w, c] = sampleShape;
  const n = o.stages ?? dcganStages(h, w);
  if (n < 1 || h % 2 ** n !== 0 || w % 2 ** n !== 0) {
    throw new ConfigError(
      `ebgan discriminator: ${h}×${w} is not divisible by 2^${n}; choose 'stages' so that it is`,
      'discriminator.stages',
    );
  }
  const init = o.init ?? 'dcgan-normal';
  const base = o.width ?? 64;
  const k = o.kernelSize ?? 4;
  const act = (): Layer => activationLayer(o.activation, o.leakyReluAlpha);
  const [h0, w0, c0] = [h / 2 ** n, w / 2 ** n, base * 2 ** (n - 1)];
  const encoder: Layer[] = [];
  let channels = c;
  for (let j = 1; j <= n; j++) {
    const filters = base * 2 ** (j - 1);
    encoder.push(conv2d({ inChannels: channels, filters, kernelSize: k, strides: 2, init }), act());
    channels = filters;
  }
  encoder.push(
    flatten(),
    dense(h0 * w0 * c0, o.codeDim, { init }),
    activationLayer(o.codeActivation, o.leakyReluAlpha),
  );
  const decoder: Layer[] = [dense(o.codeDim, h0 * w0 * c0, { init }), reshape([h0, w0, c0]), act()];
  channels = c0;
  for (let j = 1; j <= n; j++) {
    const last = j === n;
    const filters = last ? c : base * 2 ** (n - 1 - j);
    decoder.push(
      conv2dTranspose({ inChannels: channels, filters, kernelSize: k, strides: 2, init }),
      last ? activationLayer(o.outputActivation, o.leakyReluAlpha) : act(),
    );
    channels = filters;
  }
  return { encoder, decoder };
}

/**
 * Builds EBGAN's autoencoder discriminator (Zhao, Mathieu & LeCun 2016, arXiv:1609.03126)
 * from @ganforge/models' functional layers. Energy D(x) = (1/F) Σ_f (Dec(Enc(x))_f − x_f)².
 *
 * - `mlp`: (flatten) → [dense → act] × hidden → dense codeDim → code act = S; then
 *   [dense → act] × reversed hidden → dense F → output act (→ reshape).
 * - `conv` (images `[h, w, c]`): n stride-2 convs (k 4, channels width·2ʲ⁻¹) → act → flatten → dense
 *   codeDim → code act = S; then dense → reshape (h/2ⁿ, w/2ⁿ, width·2ⁿ⁻¹) → act → n stride-2
 *   transposed convs (channels halving, the last to c) → output act.
 *
 * Initialization (`init`): `mlp` defaults to `fan-in-uniform`, weights and biases from
 * U(±1/√fan_in) (the `Linear` default of PyTorch and Lua Torch, and @ganforge/models' `mlp`
 * default); `conv` to `dcgan-normal`, N(0, 0.02²) with zero biases (Radford et al. 2015,
 * arXiv:1511.06434).
 */
export function ebganDiscriminator(
  options: EbganDiscriminatorOptions,
  ctx: Pick<BuildContext, 'rng' | 'sampleShape'>,
): AutoencoderDiscriminator {
  const o = ebganDiscriminatorOptionsSchema.parse(options);
  const { encoder, decoder } = o.body === 'mlp' ? mlpBody(o, ctx.sampleShape) : convBody(o, ctx.sampleShape);
  return new AutoencoderDiscriminator(encoder, decoder, ctx.sampleShape, ctx.rng);
}

/** The registered `ebgan` discriminator component. */
export const ebganDiscriminatorComponent = defineComponent({
  kind: 'discriminator',
  name: 'ebgan',
  description:
    'EBGAN autoencoder discriminator (Zhao et al. 2016): score = reconstruction energy, features = code.',
  options: ebganDiscriminatorOptionsSchema,
  create: (options, ctx) => ebganDiscriminator(options, ctx),
});
