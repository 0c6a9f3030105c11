import * as tf from '@tensorflow/tfjs';
import { ADAM_UPDATE_KERNEL, installGradientFixes } from '@ganforge/core';
import { loadAddon } from './addon.js';
import { nativeConvKernel } from './kernels/native-conv2d.js';
import { nativeBatchMatMul, nativeFusedMatMul } from './kernels/native-mat-mul.js';
import { nativeAdamUpdate } from './kernels/native-adam.js';
import { nativeReduce } from './kernels/native-reduce.js';
import { sharedCast, sharedIdentity } from './kernels/shared-identity.js';

/** The tfjs backend name the native kernels are registered under. */
export const NATIVE_BACKEND = 'wasm-native';

/** Options of {@link registerNativeBackend}. */
export interface NativeBackendOptions {
  /**
   * Threads of oneDNN and OpenBLAS (default: their own choice, `OMP_NUM_THREADS` /
   * `OPENBLAS_NUM_THREADS` or one per core).
   */
  threads?: number;
  /**
   * Products and convolutions on oneDNN where it was built in (default true; false, or
   * `GANFORGE_NATIVE_ONEDNN=0`, puts everything on OpenBLAS and im2col).
   */
  onednn?: boolean;
}

/** What {@link registerNativeBackend} did: ready to use, or why not. */
export type NativeBackendStatus =
  | {
      ok: true;
      /** Always {@link NATIVE_BACKEND}. */
      backend: string;
      /** OpenBLAS threads in use. */
      threads: number;
      /** OpenBLAS' build configuration, e.g. `OpenBLAS 0.3.21 … Cooperlake MAX_THREADS=64`. */
      blas: string;
      /** The oneDNN computing products and convolutions (e.g. `oneDNN 2.6.3`), or why none does. */
      onednn: { active: boolean; info: string };
    }
  | { ok: false; reason: string };

/** Kernels replaced by native (or copy-free) ones; every other kernel is the wasm backend's own. */
const NATIVE_KERNELS = new Set([
  'BatchMatMul',
  '_FusedMatMul',
  'Conv2D',
  'Conv2DBackpropInput',
  'Conv2DBackpropFilter',
  'Identity',
  'Cast',
  'Sum',
  'Mean',
]);

type WasmInstance = tf.KernelBackend & { wasm: { HEAPU8: Uint8Array } | null };

/** The wasm instance the registered `wasm-native` factory views. */
let registeredOver: WasmInstance | undefined;

/**
 * The `wasm-native` backend object: the initialized `wasm` backend itself, seen through a proxy
 * whose `dispose` does nothing. Both names then share one heap and one tensor table (tfjs' wasm
 * module keys tensors by an id that each BackendWasm numbers from 1, so two instances over one
 * module would collide), no tensor is copied when switching between them, and disposing
 * `wasm-native` leaves `wasm` working.
 */
function sharedBackend(wasm: WasmInstance): tf.KernelBackend {
  const bound = new Map<PropertyKey, unknown>();
  return new Proxy(wasm, {
    get(target, prop) {
      if (prop === 'dispose') return () => {};
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      let f = bound.get(prop);
      if (f === undefined) {
        f = (value as (...a: unknown[]) => unknown).bind(target);
        bound.set(prop, f);
      }
      return f;
    },
  });
}

/** The initialized `wasm` backend instance (initializing it without making it active). */
async function wasmInstance(): Promise<WasmInstance | undefined> {
  let found = tf.findBackend('wasm');
  if (found === null) {
    // findBackend started wasm's asynchronous initialization; tf.ready() waits for it.
    await tf.ready();
    found = tf.findBackend('wasm');
  }
  return (found ?? undefined) as WasmInstance | undefined;
}

function copyWasmKernels(): void {
  for (const config of tf.getKernelsForBackend('wasm')) {
    if (NATIVE_KERNELS.has(config.kernelName)) continue;
    if (tf.getKernel(config.kernelName, NATIVE_BACKEND)?.kernelFunc === config.kernelFunc) continue;
    if (tf.getKernel(config.kernelName, NATIVE_BACKEND) !== undefined)
      tf.unregisterKernel(config.kernelName, NATIVE_BACKEND);
    tf.registerKernel({ ...config, backendName: NATIVE_BACKEND });
  }
}

/**
 * Registers the `wasm-native` TensorFlow.js backend: tfjs' wasm backend with `BatchMatMul` and
 * `_FusedMatMul` computed by an sgemm (row-major, transpose flags instead of explicit
 * transposes, bias and activation fused in the addon), `Conv2D`, `Conv2DBackpropInput`
 * (conv2dTranspose) and `Conv2DBackpropFilter` by oneDNN's convolution primitives (or
 * im2col/col2im + sgemm), `Sum`/`Mean` in one pass and core's Adam update fused, directly on the
 * wasm heap, without copies; `Identity` and same-dtype `Cast` share data instead of copying.
 * The sgemm and convolutions are oneDNN's where it was built in (Debian libdnnl-dev), else
 * OpenBLAS' (libopenblas-dev, required).
 * Every other kernel is wasm's own, including GANForge's wasm fixes (`installGradientFixes()` is
 * called first, so they are in place).
 *
 * Needs the compiled addon (OpenBLAS, see the README), `@tensorflow/tfjs-backend-wasm`, and
 * wasm's single-threaded build: the threaded build (`useWasmThreads`) keeps its heap in a
 * SharedArrayBuffer, which Node-API cannot address. OpenBLAS brings its own threads.
 *
 * Never throws: returns why the backend is unavailable instead. Idempotent, and to be called
 * again after `tf.engine().reset()` (which disposes every backend; core's `selectBackend` does);
 * afterwards
 * `await tf.setBackend('wasm-native')` (or core's `selectBackend('wasm-native')`) activates it.
 * Initializes the `wasm` backend (without activating it) if that has not happened yet.
 */
export async function registerNativeBackend(opts: NativeBackendOptions = {}): Promise<NativeBackendStatus> {
  const load = loadAddon();
  if (!load.ok) return { ok: false, reason: load.reason };
  const { addon } = load;
  try {
    await import('@tensorflow/tfjs-backend-wasm');
  } catch (e) {
    return {
      ok: false,
      reason: `@tensorflow/tfjs-backend-wasm could not be imported: ${(e as Error).message}`,
    };
  }
  let wasm: WasmInstance | undefined;
  try {
    wasm = await wasmInstance();
  } catch (e) {
    return { ok: false, reason: `the wasm backend failed to initialize: ${(e as Error).message}` };
  }
  if (wasm === undefined || wasm.wasm === null)
    return { ok: false, reason: 'the wasm backend failed to initialize' };
  if (!(wasm.wasm.HEAPU8.buffer instanceof ArrayBuffer)) {
    return {
      ok: false,
      reason:
        "wasm runs tfjs' threaded build (SharedArrayBuffer heap, e.g. after useWasmThreads), which Node-API cannot address; wasm-native needs the single-threaded build (OpenBLAS brings the threads)",
    };
  }
  if (opts.threads !== undefined) addon.threads(opts.threads);
  if (opts.onednn !== undefined) addon.onednn(opts.onednn);
  installGradientFixes();
  copyWasmKernels();
  const ours: Array<[string, tf.KernelFunc]> = [
    ['BatchMatMul', nativeBatchMatMul(addon)],
    ['_FusedMatMul', nativeFusedMatMul(addon)],
    ['Conv2D', nativeConvKernel(addon, 'Conv2D')],
    ['Conv2DBackpropInput', nativeConvKernel(addon, 'Conv2DBackpropInput')],
    ['Conv2DBackpropFilter', nativeConvKernel(addon, 'Conv2DBackpropFilter')],
    ['Identity', sharedIdentity],
    ['Cast', sharedCast],
    ['Sum', nativeReduce(addon, 'Sum')],
    ['Mean', nativeReduce(addon, 'Mean')],
    [ADAM_UPDATE_KERNEL, nativeAdamUpdate(addon)],
  ];
  for (const [kernelName, kernelFunc] of ours) {
    if (tf.getKernel(kernelName, NATIVE_BACKEND) !== undefined) continue;
    tf.registerKernel({ kernelName, backendName: NATIVE_BACKEND, kernelFunc });
  }
  if (tf.findBackendFactory(NATIVE_BACKEND) == null || registeredOver !== wasm) {
    // First registration, or the wasm instance was replaced (tf.engine().reset() disposes every
    // backend): the factory must hand out a view of the live instance.
    if (tf.findBackendFactory(NATIVE_BACKEND) != null) tf.removeBackend(NATIVE_BACKEND);
    const instance = wasm;
    // Priority 1 (wasm has 2): registering does not change which backend tfjs picks by itself.
    tf.registerBackend(NATIVE_BACKEND, () => sharedBackend(instance), 1);
    registeredOver = wasm;
  }
  return {
    ok: true,
    backend: NATIVE_BACKEND,
    threads: addon.threads(),
    blas: addon.config(),
    onednn: addon.onednn(),
  };
}
