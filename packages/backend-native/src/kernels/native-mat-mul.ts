import * as tf from '@tensorflow/tfjs';
import { applyFusedActivation } from '@ganforge/core';
import type { NativeAddon } from '../addon.js';
import { offsetOf, runWasmKernel, type WasmBackendLike } from './wasm-heap.js';

type KernelArgs = Parameters<tf.KernelFunc>[0];

/** Bias layouts the addon adds itself (native/gemm.c's BIAS_* codes). */
const BIAS = { none: 0, scalar: 1, row: 2, matrix: 3, full: 4, column: 5 } as const;

/** Activations the addon applies itself (native/gemm.c's ACT_* codes); prelu is composed. */
const ACTIVATION: Record<string, number> = { linear: 0, relu: 1, relu6: 2, leakyrelu: 3, elu: 4, sigmoid: 5 };

/** How often each path ran; see {@link nativeKernelCalls}. */
export interface NativeKernelCalls {
  /** `BatchMatMul` calls computed by OpenBLAS. */
  batchMatMul: number;
  /** `_FusedMatMul` calls computed by OpenBLAS, bias and activation included. */
  fusedMatMul: number;
  /**
   * Calls split into tfjs ops around a native matmul: `_FusedMatMul` with prelu or an unusual bias
   * shape, and batches broadcast on both sides (`[2,1,m,k]·[1,3,k,n]`, expanded first).
   */
  composite: number;
  /** `Conv2D` calls computed by im2col + OpenBLAS. */
  conv2d: number;
  /** `Conv2DBackpropInput` calls (conv2dTranspose, Conv2D's input gradient): sgemm + col2im. */
  conv2dBackpropInput: number;
  /** `Conv2DBackpropFilter` calls (Conv2D's filter gradient): im2col + sgemm. */
  conv2dBackpropFilter: number;
  /** `Sum` and `Mean` calls reduced natively (one pass, double accumulators). */
  reduce: number;
  /** Fused Adam updates (core's `ADAM_UPDATE_KERNEL`), one per parameter. */
  adam: number;
  /** Calls handed to the wasm backend's own kernel (dtypes other than float32, NCHW convolutions). */
  wasmFallback: number;
}

const counts: NativeKernelCalls = {
  batchMatMul: 0,
  fusedMatMul: 0,
  composite: 0,
  conv2d: 0,
  conv2dBackpropInput: 0,
  conv2dBackpropFilter: 0,
  reduce: 0,
  adam: 0,
  wasmFallback: 0,
};

/** Counts one call of a path (for the other native kernels' files). */
export function countCall(path: keyof NativeKernelCalls): void {
  counts[path]++;
}

/** How often each native matmul path ran since the process started (or the last reset). */
export function nativeKernelCalls(): NativeKernelCalls {
  return { ...counts };
}

/** Sets the counters of {@link nativeKernelCalls} back to zero. */
export function resetNativeKernelCalls(): void {
  for (const key of Object.keys(counts) as (keyof NativeKernelCalls)[]) counts[key] = 0;
}

const product = (dims: number[]) => dims.reduce((a, b) => a * b, 1);

/**
 * The geometry of `op(a)·op(b)`; `broadcast` where both batches need expanding (the addon takes
 * one batch of size 1 at most); undefined for dtypes the addon does not handle.
 */
interface Geometry {
  m: number;
  n: number;
  k: number;
  batch: number;
  batchA: number;
  batchB: number;
  outShape: number[];
}

function geometry(
  a: tf.TensorInfo,
  b: tf.TensorInfo,
  transposeA: boolean,
  transposeB: boolean,
): Geometry | 'broadcast' | undefined {
  if (a.dtype !== 'float32' || b.dtype !== 'float32' || a.shape.length < 2 || b.shape.length < 2)
    return undefined;
  const ra = a.shape.length;
  const rb = b.shape.length;
  const m = transposeA ? a.shape[ra - 1] : a.shape[ra - 2];
  const k = transposeA ? a.shape[ra - 2] : a.shape[ra - 1];
  const kb = transposeB ? b.shape[rb - 1] : b.shape[rb - 2];
  const n = transposeB ? b.shape[rb - 2] : b.shape[rb - 1];
  if (k !== kb) {
    throw new RangeError(
      `matMul: inner dimensions differ (${k} and ${kb}) for shapes [${a.shape}] and [${b.shape}], transposeA=${transposeA}, transposeB=${transposeB}`,
    );
  }
  const outerA = a.shape.slice(0, -2);
  const outerB = b.shape.slice(0, -2);
  const outer = tf.backend_util.assertAndGetBroadcastShape(outerA, outerB);
  const batch = product(outer);
  const batchA = product(outerA);
  const batchB = product(outerB);
  // Equal size means no axis was expanded, so the layouts agree; size 1 broadcasts with stride 0.
  if ((batchA !== batch && batchA !== 1) || (batchB !== batch && batchB !== 1)) return 'broadcast';
  return { m, n, k, batch, batchA, batchB, outShape: [...outer, m, n] };
}

/** Bias code for the addon, or undefined where the bias shape needs tfjs' broadcasting. */
function biasMode(bias: tf.TensorInfo, g: Geometry): number | undefined {
  if (bias.dtype !== 'float32') return undefined;
  const size = product(bias.shape);
  if (size === 1) return BIAS.scalar;
  let start = 0;
  while (start < bias.shape.length && bias.shape[start] === 1) start++;
  const s = bias.shape.slice(start);
  if (s.length === 1 && s[0] === g.n) return BIAS.row;
  if (s.length === 2 && s[0] === g.m && s[1] === g.n) return BIAS.matrix;
  if (s.length === 2 && s[0] === g.m && s[1] === 1) return BIAS.column;
  const r = bias.shape.length;
  if (size === g.batch * g.m * g.n && r >= 2 && bias.shape[r - 2] === g.m && bias.shape[r - 1] === g.n) {
    return BIAS.full;
  }
  return undefined;
}

function runGemm(
  addon: NativeAddon,
  backend: WasmBackendLike,
  a: tf.TensorInfo,
  b: tf.TensorInfo,
  g: Geometry,
  transposeA: boolean,
  transposeB: boolean,
  bias?: { info: tf.TensorInfo; mode: number },
  activation = 0,
  alpha = 0,
): tf.TensorInfo {
  const aOffset = offsetOf(backend, a);
  const bOffset = offsetOf(backend, b);
  const biasOffset = bias ? offsetOf(backend, bias.info) : 0;
  const out = backend.makeOutput(g.outShape, 'float32');
  const outOffset = offsetOf(backend, out);
  // makeOutput may have grown the heap: read HEAPU8 only now.
  addon.gemm(
    backend.wasm.HEAPU8,
    aOffset,
    bOffset,
    outOffset,
    g.batch,
    g.batchA,
    g.batchB,
    g.m,
    g.n,
    g.k,
    transposeA ? 1 : 0,
    transposeB ? 1 : 0,
    biasOffset,
    bias ? bias.mode : BIAS.none,
    activation,
    alpha,
  );
  return out;
}

/** `op(a)·op(b)` with both batches expanded to their broadcast shape first (tfjs ops). */
function expandedMatMul(a: tf.Tensor, b: tf.Tensor, transposeA: boolean, transposeB: boolean): tf.Tensor {
  const outer = tf.backend_util.assertAndGetBroadcastShape(a.shape.slice(0, -2), b.shape.slice(0, -2));
  return tf.matMul(
    tf.broadcastTo(a, [...outer, ...a.shape.slice(-2)]),
    tf.broadcastTo(b, [...outer, ...b.shape.slice(-2)]),
    transposeA,
    transposeB,
  );
}

/** `BatchMatMul` on OpenBLAS: transposes become BLAS flags, batches loop over one sgemm each. */
export function nativeBatchMatMul(addon: NativeAddon): tf.KernelFunc {
  return (args: KernelArgs) => {
    const { a, b } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
    const { transposeA = false, transposeB = false } = (args.attrs ?? {}) as {
      transposeA?: boolean;
      transposeB?: boolean;
    };
    const g = geometry(a, b, transposeA, transposeB);
    if (g === undefined) {
      counts.wasmFallback++;
      return runWasmKernel('BatchMatMul', args);
    }
    if (g === 'broadcast') {
      counts.composite++;
      return tf.tidy(() => expandedMatMul(a as tf.Tensor, b as tf.Tensor, transposeA, transposeB));
    }
    counts.batchMatMul++;
    return runGemm(addon, args.backend as unknown as WasmBackendLike, a, b, g, transposeA, transposeB);
  };
}

/**
 * `_FusedMatMul` on OpenBLAS: the bias is written into the output and sgemm accumulates onto it
 * (β = 1), then the activation runs in place. prelu and bias shapes other than scalar, row,
 * column, matrix or full fall back to a native matmul plus tfjs ops.
 */
export function nativeFusedMatMul(addon: NativeAddon): tf.KernelFunc {
  return (args: KernelArgs) => {
    const { a, b, bias, preluActivationWeights } = args.inputs as {
      a: tf.TensorInfo;
      b: tf.TensorInfo;
      bias?: tf.TensorInfo;
      preluActivationWeights?: tf.TensorInfo;
    };
    const attrs = (args.attrs ?? {}) as {
      transposeA?: boolean;
      transposeB?: boolean;
      activation?: string;
      leakyreluAlpha?: number;
    };
    const { transposeA = false, transposeB = false } = attrs;
    const activation = attrs.activation ?? 'linear';
    const alpha = attrs.leakyreluAlpha ?? 0.2;
    const g = geometry(a, b, transposeA, transposeB);
    if (g === undefined) {
      counts.wasmFallback++;
      return runWasmKernel('_FusedMatMul', args);
    }
    const mode = g === 'broadcast' || bias == null ? BIAS.none : biasMode(bias, g);
    const code = ACTIVATION[activation];
    if (g === 'broadcast' || mode === undefined || code === undefined) {
      counts.composite++;
      // Ops inside a kernel are not taped; tf.matMul runs this backend's native BatchMatMul.
      return tf.tidy(() => {
        let y = expandedMatMul(a as tf.Tensor, b as tf.Tensor, transposeA, transposeB);
        if (bias != null) y = tf.add(y, bias as tf.Tensor);
        return applyFusedActivation(y, activation, alpha, preluActivationWeights as tf.Tensor | undefined);
      });
    }
    counts.fusedMatMul++;
    const backend = args.backend as unknown as WasmBackendLike;
    return runGemm(
      addon,
      backend,
      a,
      b,
      g,
      transposeA,
      transposeB,
      bias == null ? undefined : { info: bias, mode },
      code,
      alpha,
    );
  };
}
