import * as tf from '@tensorflow/tfjs';
import { BackendError } from '@ganforge/core';
import type { NativeAddon } from '../addon.js';
import { countCall } from './native-mat-mul.js';
import { offsetOf, type WasmBackendLike } from './wasm-heap.js';

type KernelArgs = Parameters<tf.KernelFunc>[0];

interface Conv2DAttrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat?: 'NHWC' | 'NCHW';
  dilations?: number | [number, number];
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/**
 * `Conv2D` on OpenBLAS: the input's patches are gathered (im2col) a chunk of output rows at a
 * time and multiplied by the HWIO filter, seen as a (fh·fw·c)×o matrix, with one sgemm per chunk.
 * Any stride, dilation and padding; NHWC float32 (NCHW and other dtypes go to wasm's kernel).
 *
 * GANForge's Conv2D gradients (core's `installGradientFixes`) are forward convolutions, so both
 * gradients, and derivatives of gradients, run through this kernel too.
 */
export function nativeConv2D(addon: NativeAddon): tf.KernelFunc {
  return (args: KernelArgs) => {
    const { x, filter } = args.inputs as { x: tf.TensorInfo; filter: tf.TensorInfo };
    const attrs = args.attrs as unknown as Conv2DAttrs;
    if (x.dtype !== 'float32' || filter.dtype !== 'float32' || (attrs.dataFormat ?? 'NHWC') !== 'NHWC') {
      countCall('wasmFallback');
      const wasm = tf.getKernel('Conv2D', 'wasm');
      if (wasm === undefined) throw new BackendError('wasm-native: the wasm backend has no Conv2D kernel');
      return wasm.kernelFunc(args);
    }
    const info = tf.backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number],
      filter.shape as [number, number, number, number],
      attrs.strides,
      attrs.dilations ?? 1,
      attrs.pad,
      attrs.dimRoundingMode,
      false,
      'channelsLast',
    );
    countCall('conv2d');
    const backend = args.backend as unknown as WasmBackendLike;
    const xOffset = offsetOf(backend, x);
    const wOffset = offsetOf(backend, filter);
    const out = backend.makeOutput(info.outShape, 'float32');
    const yOffset = offsetOf(backend, out);
    // makeOutput may have grown the heap: read HEAPU8 only now.
    addon.conv2d(
      backend.wasm.HEAPU8,
      xOffset,
      wOffset,
      yOffset,
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
