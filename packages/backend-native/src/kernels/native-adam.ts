import type * as tf from '@tensorflow/tfjs';
import type { NativeAddon } from '../addon.js';
import { countCall } from './native-mat-mul.js';
import { offsetOf, type WasmBackendLike } from './wasm-heap.js';

type KernelArgs = Parameters<tf.KernelFunc>[0];

interface AdamAttrs {
  lr: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

/**
 * Core's fused Adam kernel (`ADAM_UPDATE_KERNEL` of `@ganforge/core`): θ′, m′, v′ of one
 * parameter in one native pass, bit-identical to core's composite update, instead of about
 * fourteen wasm kernels per parameter (a DCGAN MNIST step updates 13 parameters). Core only calls it for float32 tensors with no gradient recorded.
 */
export function nativeAdamUpdate(addon: NativeAddon): tf.KernelFunc {
  return (args: KernelArgs) => {
    const inputs = args.inputs as Record<
      'param' | 'grad' | 'm' | 'v' | 'oneMinusBeta1Power' | 'oneMinusBeta2Power',
      tf.TensorInfo
    >;
    const attrs = args.attrs as unknown as AdamAttrs;
    countCall('adam');
    const backend = args.backend as unknown as WasmBackendLike;
    const scalar = (t: tf.TensorInfo) =>
      new Float32Array(backend.wasm.HEAPU8.buffer, offsetOf(backend, t), 1)[0]!;
    const omp1 = scalar(inputs.oneMinusBeta1Power);
    const omp2 = scalar(inputs.oneMinusBeta2Power);
    const shape = inputs.param.shape;
    const outs = [0, 1, 2].map(() => backend.makeOutput(shape, 'float32'));
    const size = shape.reduce((a, b) => a * b, 1);
    // Offsets after makeOutput (which may grow the heap; offsets stay valid, HEAPU8 is re-read).
    const [pOut, mOut, vOut] = outs.map((t) => offsetOf(backend, t)) as [number, number, number];
    addon.adamUpdate(
      backend.wasm.HEAPU8,
      offsetOf(backend, inputs.param),
      offsetOf(backend, inputs.grad),
      offsetOf(backend, inputs.m),
      offsetOf(backend, inputs.v),
      pOut,
      mOut,
      vOut,
      size,
      attrs.lr,
      attrs.beta1,
      attrs.beta2,
      attrs.epsilon,
      omp1,
      omp2,
    );
    return outs;
  };
}
