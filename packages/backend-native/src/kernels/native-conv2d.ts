import * as tf from '@tensorflow/tfjs';
import type { NativeAddon } from '../addon.js';
import { countCall } from './native-mat-mul.js';
import { offsetOf, runWasmKernel, type WasmBackendLike } from './wasm-heap.js';

type KernelArgs = Parameters<tf.KernelFunc>[0];
type Shape4 = [number, number, number, number];

interface ConvAttrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat?: 'NHWC' | 'NCHW';
  dilations?: number | [number, number];
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  /** Conv2DBackpropInput: the shape of x (the result). */
  inputShape?: Shape4;
  /** Conv2DBackpropFilter: the shape of W (the result). */
  filterShape?: Shape4;
}

/** The three convolution kernels the addon computes, by tfjs kernel name. */
type ConvKernel = 'Conv2D' | 'Conv2DBackpropInput' | 'Conv2DBackpropFilter';

const COUNTER = {
  Conv2D: 'conv2d',
  Conv2DBackpropInput: 'conv2dBackpropInput',
  Conv2DBackpropFilter: 'conv2dBackpropFilter',
} as const;

const ADDON_FUNCTION = {
  Conv2D: 'conv2d',
  Conv2DBackpropInput: 'conv2dBackpropInput',
  Conv2DBackpropFilter: 'conv2dBackpropFilter',
} as const;

/** The forward convolution's x and W shapes, the kernel's two inputs and its output shape. */
function operands(
  kernel: ConvKernel,
  inputs: Record<string, tf.TensorInfo>,
  attrs: ConvAttrs,
): { xShape: Shape4; wShape: Shape4; first: tf.TensorInfo; second: tf.TensorInfo } {
  switch (kernel) {
    case 'Conv2D':
      return {
        xShape: inputs.x!.shape as Shape4,
        wShape: inputs.filter!.shape as Shape4,
        first: inputs.x!,
        second: inputs.filter!,
      };
    case 'Conv2DBackpropInput':
      return {
        xShape: attrs.inputShape!,
        wShape: inputs.filter!.shape as Shape4,
        first: inputs.dy!,
        second: inputs.filter!,
      };
    case 'Conv2DBackpropFilter':
      return { xShape: inputs.x!.shape as Shape4, wShape: attrs.filterShape!, first: inputs.x!, second: inputs.dy! };
  }
}

/**
 * A convolution kernel on OpenBLAS (native/gemm.c), NHWC float32; NCHW and other dtypes go to
 * the wasm backend's kernel of the same name (for the two gradients that is core's, made of
 * forward convolutions).
 *
 * - `Conv2D` (x, W → y): the input's patches are gathered (im2col) a chunk of output rows at a
 *   time and multiplied by the HWIO filter, seen as a (fh·fw·c)×o matrix, one sgemm per chunk.
 * - `Conv2DBackpropInput` (dy, W → dx; also conv2dTranspose's forward): per chunk,
 *   cols = dy·Wᵀ (sgemm), then col2im adds each patch's gradient into dx.
 * - `Conv2DBackpropFilter` (x, dy → dW): dW = Σ im2col(x)ᵀ·dy over chunks (accumulating sgemm).
 *
 * Any stride and padding; `Conv2D` also any dilation (the two gradient kernels carry none in
 * tfjs: core's Conv2D gradient calls them for dilation 1 only).
 */
export function nativeConvKernel(addon: NativeAddon, kernel: ConvKernel): tf.KernelFunc {
  return (args: KernelArgs) => {
    const inputs = args.inputs as Record<string, tf.TensorInfo>;
    const attrs = args.attrs as unknown as ConvAttrs;
    const { xShape, wShape, first, second } = operands(kernel, inputs, attrs);
    if (first.dtype !== 'float32' || second.dtype !== 'float32' || (attrs.dataFormat ?? 'NHWC') !== 'NHWC') {
      countCall('wasmFallback');
      return runWasmKernel(kernel, args);
    }
    const info = tf.backend_util.computeConv2DInfo(
      xShape,
      wShape,
      attrs.strides,
      attrs.dilations ?? 1,
      attrs.pad,
      attrs.dimRoundingMode,
      false,
      'channelsLast',
    );
    countCall(COUNTER[kernel]);
    const backend = args.backend as unknown as WasmBackendLike;
    const firstOffset = offsetOf(backend, first);
    const secondOffset = offsetOf(backend, second);
    const outShape = kernel === 'Conv2D' ? info.outShape : kernel === 'Conv2DBackpropInput' ? xShape : wShape;
    const out = backend.makeOutput(outShape, 'float32');
    const outOffset = offsetOf(backend, out);
    // makeOutput may have grown the heap: read HEAPU8 only now.
    addon[ADDON_FUNCTION[kernel]](
      backend.wasm.HEAPU8,
      firstOffset,
      secondOffset,
      outOffset,
      info.batchSize,
      info.inHeight,
      info.inWidth,
      info.inChannels,
      info.filterHeight,
      info.filterWidth,
      info.outChannels,
      info.outHeight,
      info.outWidth,
      info.strideHeight,
      info.strideWidth,
      info.dilationHeight,
      info.dilationWidth,
      info.padInfo.top,
      info.padInfo.left,
    );
    return out;
  };
}
