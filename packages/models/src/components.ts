import { defineComponent, type AnyComponentDefinition } from '@ganforge/core';
import { z } from 'zod';
import {
  dcganDiscriminator,
  dcganDiscriminatorOptionsSchema,
  dcganGenerator,
  dcganGeneratorOptionsSchema,
} from './networks/dcgan.js';
import {
  mlpDiscriminator,
  mlpDiscriminatorOptionsSchema,
  mlpGenerator,
  mlpGeneratorOptionsSchema,
} from './networks/mlp.js';
import { rnnDiscriminator } from './networks/recurrent-discriminator.js';
import { rnnGenerator } from './networks/recurrent-generator.js';
import { rnnDiscriminatorOptionsSchema, rnnGeneratorOptionsSchema } from './networks/recurrent-options.js';
import { SpectralNormDiscriminator, SpectralNormGenerator } from './spectral-norm/spectral-norm-network.js';
import { snganPresetComponent } from './sngan-preset.js';

/** zod schema of the `spectral-norm` wrapper's options (the inner block is validated when built). */
export const spectralNormOptionsSchema = z.strictObject({
  inner: z
    .looseObject({ kind: z.string() })
    .describe('the wrapped network block, e.g. { kind: "dcgan", width: 32 }'),
  powerIterations: z
    .number()
    .int()
    .positive()
    .default(1)
    .describe('power iterations per training forward (default 1)'),
  epsilon: z.number().positive().default(1e-12).describe('ε of the power-iteration norms (default 1e-12)'),
});

/** Options of the `spectral-norm` wrapper as written in a config. */
export type SpectralNormBlockOptions = z.input<typeof spectralNormOptionsSchema>;

/** Generator `mlp`. */
export const mlpGeneratorComponent = defineComponent({
  kind: 'generator',
  name: 'mlp',
  description: 'Multilayer-perceptron generator (widths, activation, tanh output, optional BN/LN/dropout).',
  options: mlpGeneratorOptionsSchema,
  create: (options, ctx) => mlpGenerator(options, ctx),
});

/** Discriminator `mlp`. */
export const mlpDiscriminatorComponent = defineComponent({
  kind: 'discriminator',
  name: 'mlp',
  description: 'Multilayer-perceptron discriminator with a linear score (optional BN/LN/dropout).',
  options: mlpDiscriminatorOptionsSchema,
  create: (options, ctx) => mlpDiscriminator(options, ctx),
});

/** Generator `dcgan`. */
export const dcganGeneratorComponent = defineComponent({
  kind: 'generator',
  name: 'dcgan',
  description: 'DCGAN generator (Radford et al. 2015): dense, transposed convs, batch norm, ReLU, tanh.',
  options: dcganGeneratorOptionsSchema,
  create: (options, ctx) => dcganGenerator(options, ctx),
});

/** Discriminator `dcgan`. */
export const dcganDiscriminatorComponent = defineComponent({
  kind: 'discriminator',
  name: 'dcgan',
  description: 'DCGAN discriminator (Radford et al. 2015): strided convs, LeakyReLU, linear score.',
  options: dcganDiscriminatorOptionsSchema,
  create: (options, ctx) => dcganDiscriminator(options, ctx),
});

/** Generator `rnn`: a GRU/LSTM sequence generator (per-step noise, optional static condition). */
export const rnnGeneratorComponent = defineComponent({
  kind: 'generator',
  name: 'rnn',
  description:
    'Recurrent sequence generator: per-step noise (+ condition) → stacked GRU/LSTM → per-step dense head.',
  options: rnnGeneratorOptionsSchema,
  create: (options, ctx) => rnnGenerator(options, ctx),
});

/** Discriminator `rnn`: a GRU/LSTM sequence discriminator with a linear score. */
export const rnnDiscriminatorComponent = defineComponent({
  kind: 'discriminator',
  name: 'rnn',
  description:
    'Recurrent sequence discriminator: stacked GRU/LSTM (+ condition) → last or mean state → linear score.',
  options: rnnDiscriminatorOptionsSchema,
  create: (options, ctx) => rnnDiscriminator(options, ctx),
});

/** Generator wrapper `spectral-norm`. */
export const spectralNormGeneratorComponent = defineComponent({
  kind: 'generator',
  name: 'spectral-norm',
  description: 'Spectral normalization (Miyato et al. 2018) of every kernel of the inner generator.',
  options: spectralNormOptionsSchema,
  create: (options, ctx) => {
    const { inner, ...sn } = options;
    return new SpectralNormGenerator(ctx.build('generator', inner, 'generator.inner'), ctx.rng, sn);
  },
});

/** Discriminator wrapper `spectral-norm`. */
export const spectralNormDiscriminatorComponent = defineComponent({
  kind: 'discriminator',
  name: 'spectral-norm',
  description: 'Spectral normalization (Miyato et al. 2018) of every kernel of the inner discriminator.',
  options: spectralNormOptionsSchema,
  create: (options, ctx) => {
    const { inner, ...sn } = options;
    return new SpectralNormDiscriminator(
      ctx.build('discriminator', inner, 'discriminator.inner'),
      ctx.rng,
      sn,
    );
  },
});

/** Every component of @ganforge/models. */
export function modelsComponents(): AnyComponentDefinition[] {
  return [
    mlpGeneratorComponent,
    mlpDiscriminatorComponent,
    dcganGeneratorComponent,
    dcganDiscriminatorComponent,
    rnnGeneratorComponent,
    rnnDiscriminatorComponent,
    spectralNormGeneratorComponent,
    spectralNormDiscriminatorComponent,
    snganPresetComponent,
  ];
}
