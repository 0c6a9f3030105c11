import * as tf from '@tensorflow/tfjs';
import {
  GAN_COMPONENT,
  Rng,
  defineComponent,
  type BatchSampler,
  type BuildContext,
  type DataSource,
  type GanPlugin,
} from '@ganforge/core';
import { tinyMlpDiscriminator, tinyMlpGenerator } from '@ganforge/core/testing';
import { z } from 'zod';

/**
 * Labelled test data: class c (drawn uniformly) gives a sample of shape `sampleShape` whose every
 * entry is `means[c] + std·N(0, 1)`; labels are one-hot `[batch, means.length]`.
 */
export function labelledMixture(
  means: number[],
  std: number,
  sampleShape: readonly number[] = [1],
): DataSource {
  const size = sampleShape.reduce((a, b) => a * b, 1);
  const k = means.length;
  return {
    sampleShape,
    numClasses: k,
    sampler(rng: Rng): BatchSampler {
      return {
        next(batchSize) {
          const x = new Float32Array(batchSize * size);
          const y = new Float32Array(batchSize * k);
          for (let i = 0; i < batchSize; i++) {
            const c = rng.int(k);
            y[i * k + c] = 1;
            for (let j = 0; j < size; j++) x[i * size + j] = means[c] + std * rng.normal();
          }
          return { x: tf.tensor(x, [batchSize, ...sampleShape]), labels: tf.tensor(y, [batchSize, k]) };
        },
        state: () => null,
        restore: () => undefined,
      };
    },
  };
}

/** Registers data `testing-labelled` ({@link labelledMixture}) for these tests. */
export function labelledDataPlugin(): GanPlugin {
  return {
    name: 'plugin-cgan test data',
    register(container) {
      container.register(GAN_COMPONENT, {
        useValue: defineComponent({
          kind: 'data',
          name: 'testing-labelled',
          description: 'Labelled Gaussian classes (plugin-cgan tests only).',
          options: z.strictObject({
            means: z.array(z.number()).min(1),
            std: z.number().positive(),
            sampleShape: z.array(z.number().int().positive()).default([1]),
          }),
          create: (o) => labelledMixture(o.means, o.std, o.sampleShape),
        }),
      });
    },
  };
}

/** A BuildContext whose `build` makes core/testing's tiny MLPs, honouring overrides. */
export function tinyContext(
  latentDim: number,
  sampleShape: readonly number[],
  numClasses?: number,
  seed = 1,
): BuildContext {
  const make = (values: Omit<BuildContext, 'build'>): BuildContext => {
    const ctx: BuildContext = {
      ...values,
      build: (kind, block, _path, overrides) => {
        const c = overrides ? make({ ...values, ...overrides }) : ctx;
        const hidden = (block.hidden as number[] | undefined) ?? [8];
        const activation = 'tanh' as const;
        if (kind === 'generator')
          return tinyMlpGenerator(c.latentDim, c.sampleShape, c.rng, { hidden, activation }) as never;
        return tinyMlpDiscriminator(c.sampleShape, c.rng, { hidden, activation }) as never;
      },
    };
    return ctx;
  };
  return make({ rng: new Rng(seed, 'init'), latentDim, sampleShape, numClasses });
}

/** The values of a tensor as a plain array. */
export function values(t: tf.Tensor): number[] {
  return Array.from(t.dataSync());
}
