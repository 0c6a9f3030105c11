import * as tf from '@tensorflow/tfjs';
import type { NativeAddon } from '../addon.js';
import { countCall } from './native-mat-mul.js';
import { offsetOf, runWasmKernel, type WasmBackendLike } from './wasm-heap.js';

type KernelArgs = Parameters<tf.KernelFunc>[0];

interface ReduceAttrs {
  axis: number | number[];
  keepDims: boolean;
}

/**
 * x's shape seen as outer×reduce×inner when the reduced axes are consecutive (after dropping
 * size-1 axes, which reduce to themselves); undefined when they are not.
 */
export function reductionBlocks(
  shape: readonly number[],
  axes: readonly number[],
): { outer: number; reduce: number; inner: number } | undefined {
  const reduced = new Set(axes);
  const kept = shape.map((_, i) => i).filter((i) => shape[i] !== 1);
  const firstReduced = kept.findIndex((i) => reduced.has(i));
  if (firstReduced < 0) return { outer: shape.reduce((a, b) => a * b, 1), reduce: 1, inner: 1 };
  let end = firstReduced;
  while (end < kept.length && reduced.has(kept[end]!)) end++;
  if (kept.slice(end).some((i) => reduced.has(i))) return undefined;
  const size = (dims: number[]) => dims.reduce((a, i) => a * shape[i]!, 1);
  return {
    outer: size(kept.slice(0, firstReduced)),
    reduce: size(kept.slice(firstReduced, end)),
    inner: size(kept.slice(end)),
  };
}

/**
 * `Sum` and `Mean` of float32 tensors over consecutive axes (after size-1 axes are dropped) in
 * one pass with double accumulators: y[o, i] = Σ_r x[o, r, i] (÷ reduce for the mean). wasm
 * transposes the reduced axes innermost first, a copy of the whole tensor; in a DCGAN step these
 * reductions (bias gradients, batch-norm statistics over N, H, W) took 17 ms of 92.
 * Other dtypes and non-consecutive axes go to wasm's kernel.
 */
export function nativeReduce(addon: NativeAddon, kernel: 'Sum' | 'Mean'): tf.KernelFunc {
  return (args: KernelArgs) => {
    const { x } = args.inputs as { x: tf.TensorInfo };
    const attrs = args.attrs as unknown as ReduceAttrs;
    const axes = tf.util.parseAxisParam(attrs.axis, x.shape);
    const blocks = x.dtype === 'float32' ? reductionBlocks(x.shape, axes) : undefined;
    if (blocks === undefined) {
      countCall('wasmFallback');
      return runWasmKernel(kernel, args);
    }
    countCall('reduce');
    const [outShape] = tf.backend_util.computeOutAndReduceShapes(x.shape, axes);
    const shape = attrs.keepDims ? tf.backend_util.expandShapeToKeepDim(outShape, axes) : outShape;
    const backend = args.backend as unknown as WasmBackendLike;
    const xOffset = offsetOf(backend, x);
    const out = backend.makeOutput(shape, 'float32');
    const outOffset = offsetOf(backend, out);
    addon.reduceSum(
      backend.wasm.HEAPU8,
      xOffset,
      outOffset,
      blocks.outer,
      blocks.reduce,
      blocks.inner,
      kernel === 'Mean' ? 1 : 0,
    );
    return out;
  };
}
