import * as tf from '@tensorflow/tfjs';
import type { Rng } from '@ganforge/core';
import { z } from 'zod';

/**
 * Weight initialization schemes, drawn from the run's seeded init stream (tfjs initializers
 * ignore outside seeds, TRAPS.md):
 * - `glorot-uniform`: U(±√(6/(fan_in + fan_out))) (Glorot & Bengio 2010, AISTATS);
 * - `he-normal`: N(0, 2/fan_in) (He et al. 2015, arXiv:1502.01852), for (leaky) ReLU nets;
 * - `dcgan-normal`: N(0, 0.02²) (Radford et al. 2015, arXiv:1511.06434, §4).
 */
export const initSchemeSchema = z.enum(['glorot-uniform', 'he-normal', 'dcgan-normal']);

/** One of {@link initSchemeSchema}'s schemes. */
export type InitScheme = z.infer<typeof initSchemeSchema>;

/** Draws a kernel of `shape` with fan-in/fan-out under `scheme` from `rng`. */
export function initKernel(
  rng: Rng,
  shape: number[],
  fanIn: number,
  fanOut: number,
  scheme: InitScheme,
): tf.Tensor {
  switch (scheme) {
    case 'glorot-uniform': {
      const limit = Math.sqrt(6 / (fanIn + fanOut));
      return rng.uniformTensor(shape, -limit, limit);
    }
    case 'he-normal':
      return rng.normalTensor(shape, 0, Math.sqrt(2 / fanIn));
    case 'dcgan-normal':
      return rng.normalTensor(shape, 0, 0.02);
  }
}
