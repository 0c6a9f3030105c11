import * as tf from '@tensorflow/tfjs';
import { BackendError } from '@ganforge/core';

const tfGetKernel = tf.getKernel;

/** What the native kernels use of tfjs' `BackendWasm` (tfjs 4.22). */
export interface WasmBackendLike {
  wasm: { HEAPU8: Uint8Array };
  dataIdMap: { get(dataId: tf.DataId): { memoryOffset: number | null } };
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
}

/** Byte offset of a tensor's data in the wasm heap (moves it onto the backend first if needed). */
export function offsetOf(backend: WasmBackendLike, t: tf.TensorInfo): number {
  const offset = backend.dataIdMap.get(t.dataId).memoryOffset;
  if (offset === null) throw new TypeError(`native kernel: tensor of dtype ${t.dtype} has no heap data`);
  return offset;
}

/** Per backend object: the wasm kernels whose `setupFunc` has run on it. */
const setUp = new WeakMap<object, Set<string>>();

/**
 * Runs the wasm backend's own kernel `name` (the fallback of a native kernel). tfjs runs a
 * kernel's `setupFunc` (which binds its wasm function) only for the active backend's registered
 * kernels, so a replaced kernel's wasm setup may never have run when only `wasm-native` was
 * activated: it is run here, once, on the shared backend.
 */
export function runWasmKernel(name: string, args: Parameters<tf.KernelFunc>[0]): ReturnType<tf.KernelFunc> {
  const config = tfGetKernel(name, 'wasm');
  if (config === undefined) throw new BackendError(`wasm-native: the wasm backend has no ${name} kernel to fall back on`);
  let done = setUp.get(args.backend);
  if (done === undefined) setUp.set(args.backend, (done = new Set()));
  if (!done.has(name)) {
    config.setupFunc?.(args.backend);
    done.add(name);
  }
  return config.kernelFunc(args);
}
