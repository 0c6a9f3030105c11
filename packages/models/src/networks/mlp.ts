import { ConfigError, type BuildContext } from '@ganforge/core';
import { z } from 'zod';
import { activationLayer, activationNameSchema } from '../layers/activation.js';
import { batchNorm } from '../layers/batch-norm.js';
import { dense } from '../layers/dense.js';
import { dropout } from '../layers/dropout.js';
import { initSchemeSchema } from '../layers/initializers.js';
import type { Layer } from '../layers/layer.js';
import { layerNorm } from '../layers/layer-norm.js';
import { flatten, reshape } from '../layers/reshape.js';
import { SequentialDiscriminator, SequentialGenerator } from './sequential-network.js';

const hiddenShape = {
  hidden: z
    .array(z.number().int().positive())
    .min(1)
    .default([256, 256])
    .describe('hidden layer widths (default [256, 256])'),
  activation: activationNameSchema.default('leaky-relu').describe('hidden activation (default leaky-relu)'),
  leakyReluAlpha: z.number().min(0).max(1).default(0.2).describe('α of leaky-relu (default 0.2)'),
  normalization: z
    .enum(['none', 'batch-norm', 'layer-norm'])
    .default('none')
    .describe('after each hidden dense layer (default none)'),
  dropout: z
    .number()
    .min(0)
    .lt(1)
    .default(0)
    .describe('dropout rate after each hidden activation (default 0)'),
  init: initSchemeSchema
    .default('fan-in-uniform')
    .describe("weight and bias initialization (default fan-in-uniform: U(±1/√fan_in), PyTorch's nn.Linear)"),
};

/** zod schema of the `mlp` generator's options. */
export const mlpGeneratorOptionsSchema = z.strictObject({
  ...hiddenShape,
  outputActivation: activationNameSchema.default('tanh').describe('output activation (default tanh)'),
});

/** zod schema of the `mlp` discriminator's options (the score is linear: losses take logits). */
export const mlpDiscriminatorOptionsSchema = z.strictObject(hiddenShape);

/** Options of the `mlp` generator as written in a config. */
export type MlpGeneratorOptions = z.input<typeof mlpGeneratorOptionsSchema>;
/** Options of the `mlp` discriminator as written in a config. */
export type MlpDiscriminatorOptions = z.input<typeof mlpDiscriminatorOptionsSchema>;

type HiddenOptions = z.output<typeof mlpDiscriminatorOptionsSchema>;

/** What building a network needs from the run (a subset of core's BuildContext). */
export type NetworkBuildContext = Pick<BuildContext, 'rng' | 'latentDim' | 'sampleShape'>;

function hiddenLayers(inputs: number, o: HiddenOptions): { layers: Layer[]; width: number } {
  const layers: Layer[] = [];
  let width = inputs;
  for (const units of o.hidden) {
    layers.push(dense(width, units, { init: o.init, useBias: o.normalization !== 'batch-norm' }));
    if (o.normalization === 'batch-norm') layers.push(batchNorm(units));
    if (o.normalization === 'layer-norm') layers.push(layerNorm(units));
    layers.push(activationLayer(o.activation, o.leakyReluAlpha));
    if (o.dropout > 0) layers.push(dropout(o.dropout));
    width = units;
  }
  return { layers, width };
}

function size(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/**
 * A multilayer-perceptron generator (Goodfellow et al. 2014, arXiv:1406.2661):
 * z → [dense → (norm) → activation → (dropout)] × hidden → dense → output activation → reshape to
 * the sample shape.
 */
export function mlpGenerator(options: MlpGeneratorOptions, ctx: NetworkBuildContext): SequentialGenerator {
  const o = mlpGeneratorOptionsSchema.parse(options);
  if (!(ctx.latentDim > 0))
    throw new ConfigError(`mlp generator needs latentDim > 0, got ${ctx.latentDim}`, 'latentDim');
  const { layers, width } = hiddenLayers(ctx.latentDim, o);
  const outputs = size(ctx.sampleShape);
  layers.push(dense(width, outputs, { init: o.init }), activationLayer(o.outputActivation, o.leakyReluAlpha));
  if (ctx.sampleShape.length !== 1) layers.push(reshape(ctx.sampleShape));
  return new SequentialGenerator(layers, ctx.latentDim, ctx.sampleShape, ctx.rng);
}

/**
 * A multilayer-perceptron discriminator (Goodfellow et al. 2014, arXiv:1406.2661):
 * flatten → [dense → (norm) → activation → (dropout)] × hidden → dense → 1 linear score (a logit
 * or critic value). Features are the last hidden activations.
 */
export function mlpDiscriminator(
  options: MlpDiscriminatorOptions,
  ctx: Pick<NetworkBuildContext, 'rng' | 'sampleShape'>,
): SequentialDiscriminator {
  const o = mlpDiscriminatorOptionsSchema.parse(options);
  const inputs = size(ctx.sampleShape);
  const { layers, width } = hiddenLayers(inputs, o);
  if (ctx.sampleShape.length !== 1) layers.unshift(flatten());
  layers.push(dense(width, 1, { init: o.init }));
  return new SequentialDiscriminator(layers, ctx.sampleShape, ctx.rng);
}
