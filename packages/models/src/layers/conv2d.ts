import * as tf from '@tensorflow/tfjs';
import type { InitScheme } from './initializers.js';
import { initBias, initKernel } from './initializers.js';
import type { Layer } from './layer.js';

/** Options of {@link conv2d}. */
export interface Conv2dOptions {
  inChannels: number;
  filters: number;
  kernelSize: number;
  /** Default 1. */
  strides?: number;
  /** Default `same`. */
  padding?: 'same' | 'valid';
  /** Default `glorot-uniform`. */
  init?: InitScheme;
  /** Default true. */
  useBias?: boolean;
}

/**
 * A 2-D convolution (NHWC), kernel `[k, k, inChannels, filters]` at `kernel`, bias `[filters]`.
 * Calls `tf.conv2d`, whose gradient core's `installGradientFixes()` replaces with forward
 * convolutions (fast on wasm, differentiable twice on every backend).
 */
export function conv2d(options: Conv2dOptions): Layer {
  const { inChannels, filters, kernelSize: k } = options;
  const strides = options.strides ?? 1;
  const padding = options.padding ?? 'same';
  const useBias = options.useBias ?? true;
  const scheme = options.init ?? 'glorot-uniform';
  return {
    kind: 'conv2d',
    init: (rng) => {
      const kernel = initKernel(
        rng,
        [k, k, inChannels, filters],
        k * k * inChannels,
        k * k * filters,
        scheme,
      );
      const params: Record<string, tf.Tensor> = { kernel };
      if (useBias) params.bias = initBias(rng, filters, k * k * inChannels, scheme);
      return { params, state: {} };
    },
    apply: (params, state, x) =>
      tf.tidy(() => {
        const y = tf.conv2d(x as tf.Tensor4D, params.kernel as tf.Tensor4D, strides, padding);
        return { y: useBias ? tf.add(y, params.bias) : y, state };
      }),
  };
}
