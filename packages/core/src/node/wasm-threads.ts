import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { BackendError } from '../errors.js';

/** What {@link useWasmThreads} did. */
export interface WasmThreadsResult {
  /** Whether the multi-threaded build now backs the `wasm` backend. */
  enabled: boolean;
  /** Threads asked for. */
  requested: number;
  /** Why it was not enabled (wasm already initialized, package missing, one thread asked for). */
  reason?: string;
}

interface EmscriptenWorker {
  unref(): void;
}
interface ThreadedModule {
  cwrap(name: string, ret: string | null, args: string[]): (...a: number[]) => number;
  PThread: { runningWorkers: EmscriptenWorker[]; unusedWorkers: EmscriptenWorker[] };
  tfjs?: Record<string, unknown>;
}
type Factory = (config: Record<string, unknown>) => Promise<ThreadedModule>;
interface WasmPackage {
  BackendWasm: new (module: unknown) => tf.KernelBackend;
  setThreadsCount(n: number): void;
  getThreadsCount(): number;
}

const require = createRequire(import.meta.url);

/** The threaded module's pthread worker script, written once per content to the temp folder. */
function workerScript(contents: string): string {
  // tfjs turns the script into a Blob after the same escaping (its template literal unescaped \n).
  const text = contents.replace(/\n/g, '\\n');
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
  const file = path.join(os.tmpdir(), `ganforge-wasm-${hash}.worker.cjs`);
  if (!fs.existsSync(file)) {
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
  }
  return file;
}

/**
 * Instantiates tfjs' `tfjs-backend-wasm-threaded-simd` build in Node with `threads` XNNPACK
 * threads (worker_threads under Emscripten's pthreads).
 *
 * tfjs never does this in Node (`WASM_HAS_MULTITHREAD_SUPPORT` is hard-wired to false there, and
 * its worker script is handed over as a Blob URL, which Node's `Worker` refuses). The module also
 * caps its thread pool at `os.cpus().length / 2` (it assumes two hyper-threads per core), so the
 * CPU count is reported as `2 × threads` for the instantiation only.
 */
async function instantiateThreaded(threads: number): Promise<ThreadedModule> {
  const dir = path.dirname(
    require.resolve('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js'),
  );
  const factory = require(path.join(dir, 'tfjs-backend-wasm-threaded-simd.js')) as Factory;
  const { wasmWorkerContents } = require(path.join(dir, 'tfjs-backend-wasm-threaded-simd.worker.js')) as {
    wasmWorkerContents: string;
  };
  const worker = workerScript(wasmWorkerContents);
  const realCpus = os.cpus;
  const one = realCpus()[0];
  os.cpus = () => Array.from({ length: 2 * threads }, () => one!);
  let module: ThreadedModule;
  try {
    module = await factory({
      locateFile: (file: string, prefix: string) =>
        file.endsWith('.worker.js')
          ? worker
          : file.endsWith('.wasm')
            ? path.join(dir, 'tfjs-backend-wasm-threaded-simd.wasm')
            : prefix + file,
      mainScriptUrlOrBlob: path.join(dir, 'tfjs-backend-wasm-threaded-simd.js'),
    });
  } finally {
    os.cpus = realCpus;
  }
  // The same wrappers tfjs' own init() attaches.
  module.tfjs = {
    init: module.cwrap('init', null, []),
    initWithThreadsCount: module.cwrap('init_with_threads_count', null, ['number']),
    getThreadsCount: module.cwrap('get_threads_count', 'number', []),
    registerTensor: module.cwrap('register_tensor', null, ['number', 'number', 'number']),
    disposeData: module.cwrap('dispose_data', null, ['number']),
    dispose: module.cwrap('dispose', null, []),
  };
  return module;
}

/** Lets the process exit while XNNPACK's pool threads wait for work. */
function unrefWorkers(module: ThreadedModule): void {
  for (const w of [...module.PThread.runningWorkers, ...module.PThread.unusedWorkers]) w.unref();
}

function isInitialized(backend: string): boolean {
  const registry = (tf.engine() as unknown as { registry?: Record<string, unknown> }).registry;
  return registry?.[backend] != null;
}

/**
 * The default thread count for the wasm backend in Node: the `GANFORGE_WASM_THREADS` environment
 * variable when set, else `os.availableParallelism()` capped at 4 (XNNPACK gains little beyond
 * that at GAN sizes).
 */
export function defaultWasmThreads(): number {
  const env = process.env.GANFORGE_WASM_THREADS;
  if (env !== undefined && env !== '') {
    const n = Number(env);
    if (!Number.isInteger(n) || n < 1) {
      throw new BackendError(
        `GANFORGE_WASM_THREADS: expected a whole number ≥ 1, found ${JSON.stringify(env)}`,
      );
    }
    return n;
  }
  return Math.min(4, Math.max(1, os.availableParallelism()));
}

/**
 * Makes tfjs' `wasm` backend run multi-threaded in Node: the next initialization of `wasm`
 * (by `selectBackend('wasm' | 'auto')` or `tf.setBackend('wasm')`) instantiates tfjs' own
 * threaded SIMD build with an XNNPACK pool of `threads` threads (worker_threads), instead of
 * the single-threaded build tfjs always uses in Node. Kernels, numerics and memory layout are
 * tfjs' own: results are bit-identical to one thread (XNNPACK splits output tiles, not sums).
 *
 * Measured on the project machine (2 cores): BENCHMARKS.md §1 MLP GAN trainer, see
 * docs/benchmarks.md. Must run before `wasm` first initializes; later it does nothing and says
 * why. `threads` = 1 keeps tfjs' single-threaded build.
 *
 * @param threads - XNNPACK threads (default {@link defaultWasmThreads}).
 */
export async function useWasmThreads(threads = defaultWasmThreads()): Promise<WasmThreadsResult> {
  if (!Number.isInteger(threads) || threads < 1) {
    throw new BackendError(`useWasmThreads: expected threads to be a whole number ≥ 1, found ${threads}`);
  }
  if (threads === 1) return { enabled: false, requested: threads, reason: 'one thread asked for' };
  if (isInitialized('wasm')) {
    return { enabled: false, requested: threads, reason: 'wasm is already initialized' };
  }
  let wasm: WasmPackage;
  try {
    wasm = (await import('@tensorflow/tfjs-backend-wasm')) as unknown as WasmPackage;
  } catch {
    return { enabled: false, requested: threads, reason: '@tensorflow/tfjs-backend-wasm is not installed' };
  }
  if (typeof SharedArrayBuffer === 'undefined') {
    return { enabled: false, requested: threads, reason: 'SharedArrayBuffer is unavailable' };
  }
  tf.removeBackend('wasm');
  tf.registerBackend(
    'wasm',
    async () => {
      const module = await instantiateThreaded(threads);
      const backend = new wasm.BackendWasm(module);
      unrefWorkers(module);
      return backend;
    },
    2,
  );
  wasm.setThreadsCount(threads);
  return { enabled: true, requested: threads };
}
