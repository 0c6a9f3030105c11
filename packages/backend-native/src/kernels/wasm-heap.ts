import type * as tf from '@tensorflow/tfjs';

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
