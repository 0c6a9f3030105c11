import * as tf from '@tensorflow/tfjs';
import type { Rng } from '@ganforge/core';
import { z } from 'zod';

/**
 * Weight initialization schemes, drawn from the run's seeded init stream (tfjs initializers
 * ignore outside seeds, TRAPS.md):
 * - `fan-in-uniform`: weights AND biases from U(±1/√fan_in), PyTorch's default for `nn.Linear`
 *   and `nn.Conv2d` (kaiming_uniform with a = √5 gives exactly this bound). The MLP default:
 *   with zero biases every first-layer ReLU kink passes through the origin, which cost 2.8 modes
 *   on the 25-Gaussian grid (TRAPS.md).
 * - `glorot-uniform`: U(±√(6/(fan_in + fan_out))), zero biases (Glorot & Bengio 2010, AISTATS);
 * - `he-normal`: N(0, 2/fan_in), zero biases (He et al. 2015, arXiv:1502.01852), for (leaky) ReLU nets;
 * - `dcgan-normal`: N(0, 0.02²), zero biases (Radford et al. 2015, arXiv:1511.06434, §4).
 */
export const initSchemeSchema = z.enum(['fan-in-uniform', 'glorot-uniform', 'he-normal', 'dcgan-normal']);

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
    case 'fan-in-uniform': {
      const limit = 1 / Math.sqrt(fanIn);
      return rng.uniformTensor(shape, -limit, limit);
    }
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

/**
 * Draws a bias of `[units]` under `scheme`: U(±1/√fan_in) for `fan-in-uniform` (PyTorch's
 * default), zeros for every other scheme. Draw it after the kernel, as PyTorch does.
 */
export function initBias(rng: Rng, units: number, fanIn: number, scheme: InitScheme): tf.Tensor {
  if (scheme !== 'fan-in-uniform') return tf.zeros([units]);
  const limit = 1 / Math.sqrt(fanIn);
  return rng.uniformTensor([units], -limit, limit);
}
