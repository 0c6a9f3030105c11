import * as tf from '@tensorflow/tfjs';
import { BackendError } from '../errors.js';
import { installGradientFixes, installWasmMatMulFix } from '../gradients/index.js';
import { importOptional } from './optional-import.js';

/**
 * The backends {@link selectBackend} understands; `tensorflow` is tfjs-node (CPU or GPU build);
 * `wasm-native` is wasm with OpenBLAS matmuls (`@ganforge/backend-native`, Node only).
 */
export type BackendName = 'auto' | 'cpu' | 'wasm' | 'wasm-native' | 'tensorflow' | 'webgl' | 'webgpu';

/** Options of {@link selectBackend}. */
export interface SelectBackendOptions {
  /** Where the wasm backend's `.wasm` files are served (a prefix ending in `/`), for browser pages. */
  wasmPaths?: string;
  /**
   * Threads of the wasm backend (XNNPACK); takes effect only before wasm first initializes. For
   * `wasm-native`, OpenBLAS' threads.
   */
  threads?: number;
  /** Receives one line about the choice and the skipped candidates (default: nothing is printed). */
  log?: (msg: string) => void;
}

/** What {@link selectBackend} chose and why the others were not used. */
export interface BackendChoice {
  /** The tfjs backend now active (`tf.getBackend()`): `tensorflow`, `wasm`, `cpu`, `webgl`, `webgpu`. */
  name: string;
  /** What was asked for. */
  requested: BackendName;
  /** The package that provided the backend, where one did (`@tensorflow/tfjs-node-gpu` tells GPU from CPU). */
  package?: string;
  /** Candidates tried before the chosen one (`auto`), by package or backend name, with the reason. */
  skipped: { name: string; reason: string }[];
}

interface Candidate {
  /** Package to import, or none for backends tfjs itself registers (cpu, webgl). */
  pkg?: string;
  backend: string;
}

const NODE_GPU: Candidate = { pkg: '@tensorflow/tfjs-node-gpu', backend: 'tensorflow' };
const NODE_CPU: Candidate = { pkg: '@tensorflow/tfjs-node', backend: 'tensorflow' };
const WASM: Candidate = { pkg: '@tensorflow/tfjs-backend-wasm', backend: 'wasm' };
const NATIVE: Candidate = { pkg: '@ganforge/backend-native', backend: 'wasm-native' };
const CPU: Candidate = { backend: 'cpu' };

const CANDIDATES: Record<Exclude<BackendName, 'auto'>, Candidate[]> = {
  tensorflow: [NODE_GPU, NODE_CPU],
  wasm: [WASM],
  'wasm-native': [NATIVE],
  cpu: [CPU],
  webgl: [{ backend: 'webgl' }],
  webgpu: [{ pkg: '@tensorflow/tfjs-backend-webgpu', backend: 'webgpu' }],
};

const INSTALL_HINT: Record<Exclude<BackendName, 'auto' | 'cpu'>, string> = {
  tensorflow:
    'npm i @tensorflow/tfjs-node (or @tensorflow/tfjs-node-gpu for CUDA), the same version as @tensorflow/tfjs',
  wasm: 'npm i @tensorflow/tfjs-backend-wasm, the same version as @tensorflow/tfjs',
  'wasm-native':
    'npm i @ganforge/backend-native @tensorflow/tfjs-backend-wasm with OpenBLAS installed (Debian: apt install libopenblas-dev), then npm run build:native in it if it reports it was not built',
  webgl: 'run in a browser with WebGL (webgl is registered only there)',
  webgpu: 'npm i @tensorflow/tfjs-backend-webgpu and run in a browser with WebGPU',
};

type WasmModule = { setWasmPaths(prefix: string): void; setThreadsCount?(n: number): void };
type NativeModule = {
  registerNativeBackend(opts: { threads?: number }): Promise<{ ok: true } | { ok: false; reason: string }>;
};

function isInitialized(backend: string): boolean {
  const registry = (tf.engine() as unknown as { registry?: Record<string, unknown> }).registry;
  return registry?.[backend] != null;
}

/** Tries one candidate; returns undefined on success, else the reason it was skipped. */
async function tryCandidate(
  c: Candidate,
  opts: SelectBackendOptions,
  log: (msg: string) => void,
): Promise<string | undefined> {
  if (c.pkg) {
    // A bundled page registers the backend by importing its package statically; the dynamic
    // import below cannot be resolved there, and is not needed.
    const registered = tf.findBackendFactory(c.backend) != null;
    const imported = await importOptional(c.pkg);
    if (!imported.ok && !registered) return imported.reason;
    if (!imported.ok) {
      if (opts.wasmPaths !== undefined || opts.threads !== undefined)
        log(`backend: ${c.pkg} is registered but not importable here; set wasmPaths/threads on it directly`);
    } else if (c === NATIVE) {
      const status = await (imported.module as NativeModule).registerNativeBackend({ threads: opts.threads });
      if (!status.ok) return status.reason;
    } else if (c.backend === 'wasm' && !isInitialized('wasm')) {
      const wasm = imported.module as WasmModule;
      if (opts.wasmPaths !== undefined) wasm.setWasmPaths(opts.wasmPaths);
      if (opts.threads !== undefined) wasm.setThreadsCount?.(opts.threads);
    } else if (c.backend === 'wasm' && (opts.wasmPaths !== undefined || opts.threads !== undefined)) {
      log('backend: wasm is already initialized; wasmPaths/threads apply only before its first use');
    }
  }
  if (tf.findBackendFactory(c.backend) == null) {
    return c.pkg
      ? `installed, but it registered no '${c.backend}' backend with this copy of @tensorflow/tfjs (versions differ? see npm ls @tensorflow/tfjs)`
      : `not available here (tfjs registers '${c.backend}' only where it can run)`;
  }
  let ok: boolean;
  try {
    ok = await tf.setBackend(c.backend);
  } catch (e) {
    return `failed to initialize: ${(e as Error).message}`;
  }
  if (!ok) return 'failed to initialize';
  await tf.ready();
  return undefined;
}

/**
 * Selects and initializes the TensorFlow.js backend, then installs GANForge's gradient fixes
 * (`installGradientFixes()`, and on wasm `installWasmMatMulFix()`; both idempotent).
 *
 * `auto` tries, in order, `@tensorflow/tfjs-node-gpu`, `@tensorflow/tfjs-node` (both the
 * `tensorflow` backend), `@ganforge/backend-native` (`wasm-native`: wasm with OpenBLAS matmuls),
 * `@tensorflow/tfjs-backend-wasm` (with `wasmPaths`/`threads`), then `cpu`;
 * the optional packages are loaded with a dynamic `import()`, and each one passed over is
 * reported in `skipped` with its reason (`not installed`, `failed to load: …`, `failed to
 * initialize`). A backend requested by name that cannot be used is a {@link BackendError} saying
 * what to install. Calling it again is harmless: an active backend is kept as it is.
 *
 * A library must not print: the choice goes to `opts.log` (default: nowhere) and is returned.
 */
export async function selectBackend(
  name: BackendName,
  opts: SelectBackendOptions = {},
): Promise<BackendChoice> {
  const log = opts.log ?? (() => {});
  const skipped: BackendChoice['skipped'] = [];
  const candidates = name === 'auto' ? [NODE_GPU, NODE_CPU, NATIVE, WASM, CPU] : CANDIDATES[name];
  if (candidates === undefined) {
    throw new BackendError(
      `unknown backend '${String(name)}': expected auto, cpu, wasm, wasm-native, tensorflow, webgl or webgpu`,
    );
  }
  for (const c of candidates) {
    const reason = await tryCandidate(c, opts, log);
    if (reason === undefined) {
      installGradientFixes();
      if (c.backend === 'wasm') installWasmMatMulFix();
      const choice: BackendChoice = {
        name: tf.getBackend(),
        requested: name,
        skipped,
        ...(c.pkg ? { package: c.pkg } : {}),
      };
      const why = skipped.map((s) => `${s.name}: ${s.reason}`).join('; ');
      log(
        `backend: ${choice.name}${c.pkg ? ` (${c.pkg})` : ''}, requested ${name}${why ? `; skipped ${why}` : ''}`,
      );
      return choice;
    }
    skipped.push({ name: c.pkg ?? c.backend, reason });
  }
  if (name === 'auto' || name === 'cpu') {
    throw new BackendError(
      `no TensorFlow.js backend could be initialized: ${skipped.map((s) => `${s.name}: ${s.reason}`).join('; ')}`,
    );
  }
  const why = skipped.map((s) => `${s.name}: ${s.reason}`).join('; ');
  throw new BackendError(`backend '${name}' is not available (${why}): ${INSTALL_HINT[name]}`);
}
