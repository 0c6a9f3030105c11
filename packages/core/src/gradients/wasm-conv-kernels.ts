import * as tf from '@tensorflow/tfjs';
import { BackendError } from '../errors.js';
import { conv2dFilterGradient } from './conv2d-filter-gradient.js';
import { conv2dInputGradient } from './conv2d-input-gradient.js';
import type { ConvPad, DimRoundingMode } from './conv-geometry.js';

type Shape4 = [number, number, number, number];

interface BackpropAttrs {
  strides: number | [number, number];
  pad: ConvPad;
  dataFormat?: 'NHWC' | 'NCHW';
  dimRoundingMode?: DimRoundingMode;
  inputShape?: Shape4;
  filterShape?: Shape4;
}

/** Kernel functions this module installed, so that installing twice registers once. */
const installed = new WeakSet<tf.KernelFunc>();

function asTensor4D(t: tf.TensorInfo | undefined, kernel: string): tf.Tensor4D {
  // Ops call kernels with their Tensor objects; only other kernels pass bare TensorInfos, and no
  // wasm kernel calls these two.
  if (!(t instanceof tf.Tensor)) {
    throw new BackendError(
      `GANForge's wasm ${kernel} kernel was called with a raw TensorInfo; call it through tf ops.`,
    );
  }
  return t as tf.Tensor4D;
}

function checkNhwc(attrs: BackpropAttrs, kernel: string): void {
  if (attrs.dataFormat === 'NCHW') {
    throw new BackendError(
      `GANForge's wasm ${kernel} kernel supports NHWC only (wasm convolutions are NHWC).`,
    );
  }
}

const backpropInput: tf.KernelFunc = ({ inputs, attrs }) => {
  const a = attrs as unknown as BackpropAttrs;
  checkNhwc(a, 'Conv2DBackpropInput');
  const dy = asTensor4D(inputs.dy, 'Conv2DBackpropInput');
  const filter = asTensor4D(inputs.filter, 'Conv2DBackpropInput');
  return conv2dInputGradient(dy, filter, a.inputShape as Shape4, a.strides, a.pad, 1, a.dimRoundingMode);
};

const backpropFilter: tf.KernelFunc = ({ inputs, attrs }) => {
  const a = attrs as unknown as BackpropAttrs;
  checkNhwc(a, 'Conv2DBackpropFilter');
  const x = asTensor4D(inputs.x, 'Conv2DBackpropFilter');
  const dy = asTensor4D(inputs.dy, 'Conv2DBackpropFilter');
  return conv2dFilterGradient(x, dy, a.filterShape as Shape4, a.strides, a.pad, 1, a.dimRoundingMode);
};
installed.add(backpropInput);
installed.add(backpropFilter);

/**
 * Installs wasm kernels for the two convolution backprop kernels, computed with forward
 * convolutions ({@link conv2dInputGradient}, {@link conv2dFilterGradient}) that wasm runs through
 * XNNPACK:
 * - `Conv2DBackpropInput` replaces wasm's naive loop (313 ms → ~40 ms at DCGAN size); it is also
 *   the forward pass of `tf.conv2dTranspose`, so stock transposed convolutions get fast too;
 * - `Conv2DBackpropFilter`, which wasm lacks: `tf.layers` convolutions and `tf.fused.conv2d` call
 *   it directly (bypassing the registered Conv2D gradient) and threw on wasm.
 *
 * Uses tfjs 4.22's kernel registry (`tf.registerKernel`/`unregisterKernel` with backendName
 * 'wasm'): a kernel that returns a Tensor is accepted by the engine, and ops run inside a kernel
 * are not recorded on the gradient tape. Idempotent; returns false (doing nothing) while
 * `@tensorflow/tfjs-backend-wasm` has not been imported.
 */
export function installWasmConvKernels(): boolean {
  if (tf.getKernel('Conv2D', 'wasm') === undefined) return false;
  const kernels: Array<[string, tf.KernelFunc]> = [
    ['Conv2DBackpropInput', backpropInput],
    ['Conv2DBackpropFilter', backpropFilter],
  ];
  for (const [kernelName, kernelFunc] of kernels) {
    const current = tf.getKernel(kernelName, 'wasm');
    if (current !== undefined && installed.has(current.kernelFunc)) continue;
    if (current !== undefined) tf.unregisterKernel(kernelName, 'wasm');
    tf.registerKernel({ kernelName, backendName: 'wasm', kernelFunc });
  }
  return true;
}
