import type * as tf from '@tensorflow/tfjs';
import { runWasmKernel } from './wasm-heap.js';

type KernelArgs = Parameters<tf.KernelFunc>[0];

interface RefCountingBackend {
  incRef(dataId: tf.DataId): void;
}

function share(args: KernelArgs): tf.TensorInfo {
  const { x } = args.inputs as { x: tf.TensorInfo };
  (args.backend as unknown as RefCountingBackend).incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
}

/**
 * `Identity` that shares the input's heap data (one more reference) instead of copying it, as
 * tfjs' cpu backend and wasm's own `Reshape` do. tfjs clones every tensor an op saves for its
 * gradient (`saveTensorsForBackwardMode` → `Identity`), and wasm's `Identity` copies: 175 copies
 * per DCGAN MNIST step. Safe because no kernel writes into its inputs.
 */
export const sharedIdentity: tf.KernelFunc = share;

/**
 * `Cast` that shares the data when the dtype does not change (tfjs' relu and leaky-relu
 * gradients cast float32 masks to float32; wasm copies them), and is wasm's `Cast` otherwise.
 */
export const sharedCast: tf.KernelFunc = (args: KernelArgs) => {
  const { x } = args.inputs as { x: tf.TensorInfo };
  if (x.dtype === (args.attrs as { dtype?: tf.DataType }).dtype) return share(args);
  return runWasmKernel('Cast', args);
};
