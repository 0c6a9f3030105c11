import * as tf from '@tensorflow/tfjs';
import { conv2dTranspose as coreConv2dTranspose } from '@ganforge/core';
import type { InitScheme } from './initializers.js';
import { initBias, initKernel } from './initializers.js';
import type { Layer } from './layer.js';

/** Options of {@link conv2dTranspose}. */
export interface Conv2dTransposeOptions {
  inChannels: number;
  filters: number;
  kernelSize: number;
  /** Default 1. */
  strides?: number;
  /** Default `same`: output size = input size × strides. `valid`: (input − 1)·strides + k. */
  padding?: 'same' | 'valid';
  /** Default `glorot-uniform`. */
  init?: InitScheme;
  /** Default true. */
  useBias?: boolean;
}

/** Spatial output size of a transposed convolution (the inverse of conv2d's size rule). */
export function transposedOutputSize(
  input: number,
  kernelSize: number,
  strides: number,
  padding: 'same' | 'valid',
): number {
  return padding === 'same' ? input * strides : (input - 1) * strides + kernelSize;
}

/**
 * A transposed 2-D convolution (NHWC), the DCGAN generator's upsampling layer (Radford et al.
 * 2015, arXiv:1511.06434): kernel `[k, k, filters, inChannels]` at `kernel` (tfjs' layout),
 * bias `[filters]`. Runs core's `conv2dTranspose`, built from forward convolutions: fast on wasm
 * and differentiable twice on every backend.
 */
export function conv2dTranspose(options: Conv2dTransposeOptions): Layer {
  const { inChannels, filters, kernelSize: k } = options;
  const strides = options.strides ?? 1;
  const padding = options.padding ?? 'same';
  const useBias = options.useBias ?? true;
  const scheme = options.init ?? 'glorot-uniform';
  return {
    kind: 'conv2d-transpose',
    init: (rng) => {
      // PyTorch's ConvTranspose2d takes fan_in from its weight's second axis (out channels), so
      // `fan-in-uniform` bounds kernel and bias by 1/√(k²·filters), as there.
      const fanIn = scheme === 'fan-in-uniform' ? k * k * filters : k * k * inChannels;
      const kernel = initKernel(rng, [k, k, filters, inChannels], fanIn, k * k * filters, scheme);
      const params: Record<string, tf.Tensor> = { kernel };
      if (useBias) params.bias = initBias(rng, filters, fanIn, scheme);
      return { params, state: {} };
    },
    apply: (params, state, x) =>
      tf.tidy(() => {
        const [n, h, w] = x.shape;
        const outShape: [number, number, number, number] = [
          n,
          transposedOutputSize(h, k, strides, padding),
          transposedOutputSize(w!, k, strides, padding),
          filters,
        ];
        const y = coreConv2dTranspose(
          x as tf.Tensor4D,
          params.kernel as tf.Tensor4D,
          outShape,
          strides,
          padding,
        );
        return { y: useBias ? tf.add(y, params.bias) : y, state };
      }),
  };
}
