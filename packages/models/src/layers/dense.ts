import * as tf from '@tensorflow/tfjs';
import type { InitScheme } from './initializers.js';
import { initBias, initKernel } from './initializers.js';
import type { Layer } from './layer.js';

/** Options of {@link dense}. */
export interface DenseOptions {
  /** Default `glorot-uniform` (the `mlp` networks default to `fan-in-uniform`, PyTorch's). */
  init?: InitScheme;
  /** Default true. */
  useBias?: boolean;
}

/**
 * A fully connected layer y = x·W + b, W `[inputs, units]` at `kernel`, b `[units]` at `bias`.
 * `x` is `[batch, inputs]`.
 */
export function dense(inputs: number, units: number, options: DenseOptions = {}): Layer {
  const useBias = options.useBias ?? true;
  const scheme = options.init ?? 'glorot-uniform';
  return {
    kind: 'dense',
    init: (rng) => {
      const kernel = initKernel(rng, [inputs, units], inputs, units, scheme);
      return {
        params: { kernel, ...(useBias ? { bias: initBias(rng, units, inputs, scheme) } : {}) },
        state: {},
      };
    },
    apply: (params, state, x) =>
      tf.tidy(() => {
        const y = tf.matMul(x, params.kernel);
        return { y: useBias ? tf.add(y, params.bias) : y, state };
      }),
  };
}
