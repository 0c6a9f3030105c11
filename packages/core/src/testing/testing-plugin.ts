import { z } from 'zod';
import { GAN_COMPONENT } from '../di/tokens.js';
import { defineComponent } from '../registry/component.js';
import type { GanPlugin } from '../types/plugin.js';
import { gaussianMixture1d, inMemoryData } from './in-memory-data.js';
import { testingClipHook, testingL2Regularizer, testingNonSaturatingLoss } from './testing-components.js';
import { tinyMlpDiscriminator, tinyMlpGenerator, type TinyMlpOptions } from './tiny-mlp.js';

declare module '../index.js' {
  interface GeneratorOptionsMap {
    'tiny-mlp': TinyMlpOptions;
  }
  interface DiscriminatorOptionsMap {
    'tiny-mlp': TinyMlpOptions;
  }
  interface LossOptionsMap {
    'testing-non-saturating': { readonly [K in never]: never };
  }
  interface RegularizerOptionsMap {
    'testing-l2': { target: 'discriminator' | 'generator'; weight: number };
  }
  interface HookOptionsMap {
    'testing-clip': { after: 'discriminatorUpdate' | 'generatorUpdate'; c: number };
  }
  interface DataOptionsMap {
    'testing-table': { values: number[]; sampleShape: number[] };
    'testing-mixture-1d': { means: number[]; std: number };
  }
}

const mlpOptions = z.strictObject({
  hidden: z.array(z.number().int().positive()).default([16]),
  activation: z.enum(['leaky-relu', 'tanh', 'relu']).default('leaky-relu'),
});

/**
 * Registers core's testing components, so core's own tests run a whole GAN without the losses,
 * models and data packages: generator/discriminator `tiny-mlp`, loss `testing-non-saturating`,
 * regularizer `testing-l2` (D- or G-side), hook `testing-clip`, data `testing-table` and
 * `testing-mixture-1d`.
 */
export function testingPlugin(): GanPlugin {
  return {
    name: '@ganforge/core/testing',
    version: '1.0.0',
    register(container) {
      const defs = [
        defineComponent({
          kind: 'generator',
          name: 'tiny-mlp',
          description: 'A tiny functional MLP generator (tests only).',
          options: mlpOptions,
          create: (o, ctx) => tinyMlpGenerator(ctx.latentDim, ctx.sampleShape, ctx.rng, o),
        }),
        defineComponent({
          kind: 'discriminator',
          name: 'tiny-mlp',
          description: 'A tiny functional MLP discriminator (tests only).',
          options: mlpOptions,
          create: (o, ctx) => tinyMlpDiscriminator(ctx.sampleShape, ctx.rng, o),
        }),
        defineComponent({
          kind: 'loss',
          name: 'testing-non-saturating',
          description: 'Non-saturating loss on logits (tests only).',
          options: z.strictObject({}),
          create: () => testingNonSaturatingLoss(),
        }),
        defineComponent({
          kind: 'regularizer',
          name: 'testing-l2',
          description: 'Σ‖W‖² of one network (tests only).',
          options: z.strictObject({
            target: z.enum(['discriminator', 'generator']),
            weight: z.number().nonnegative(),
          }),
          create: (o) => testingL2Regularizer(o.target, o.weight),
        }),
        defineComponent({
          kind: 'hook',
          name: 'testing-clip',
          description: 'Clips parameters to [−c, c] after an update (tests only).',
          options: z.strictObject({
            after: z.enum(['discriminatorUpdate', 'generatorUpdate']),
            c: z.number().positive(),
          }),
          create: (o) => testingClipHook(o.after, o.c),
        }),
        defineComponent({
          kind: 'data',
          name: 'testing-table',
          description: 'Rows of an inline table (tests only).',
          options: z.strictObject({
            values: z.array(z.number()).min(1),
            sampleShape: z.array(z.number().int().positive()),
          }),
          create: (o) => inMemoryData(o.values, o.sampleShape),
        }),
        defineComponent({
          kind: 'data',
          name: 'testing-mixture-1d',
          description: 'A 1-D Gaussian mixture (tests only).',
          options: z.strictObject({ means: z.array(z.number()).min(1), std: z.number().positive() }),
          create: (o) => gaussianMixture1d(o.means, o.std),
        }),
      ];
      for (const def of defs) container.register(GAN_COMPONENT, { useValue: def });
    },
  };
}
