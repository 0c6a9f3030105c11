/**
 * `@ganforge/core/node`: Node-only parts (files on disk). Everything else is in the
 * browser-safe main entry.
 * @packageDocumentation
 */
import { createGan as createGanBase, type CreateGanOptions } from './gan/create-gan.js';
import type { GanConfig, PresetNetworksConfig } from './config/types.js';
import type { Gan } from './gan/gan.js';
import { nodeCheckpointStore } from './node/node-checkpoint-store.js';
import {
  exportGeneratorFiles,
  loadGenerator,
  type ExportGeneratorOptions,
  type LoadedGenerator,
} from './gan/generator-export.js';
import type { GanPlugin } from './types/plugin.js';
import { defaultWasmThreads, useWasmThreads } from './node/wasm-threads.js';
import { importOptional } from './backend/optional-import.js';

export { nodeCheckpointStore } from './node/node-checkpoint-store.js';
export { metricsJsonlWriter } from './node/metrics-jsonl.js';
export type { MetricsJsonlOptions } from './node/metrics-jsonl.js';
export { checkpointCallback, checkpointName } from './node/checkpoint-callback.js';
export type { CheckpointCallbackOptions } from './node/checkpoint-callback.js';
export {
  writeCheckpointDir,
  readCheckpointDir,
  listCheckpoints,
  pruneCheckpoints,
  latestCheckpoint,
} from './checkpoint/node.js';

/** Whether `@ganforge/backend-native` is installed and its addon loads here. */
async function nativeKernelsLoad(): Promise<boolean> {
  const imported = await importOptional<{ loadAddon(): { ok: boolean } }>('@ganforge/backend-native');
  return imported.ok && imported.module.loadAddon().ok;
}

/** Options of Node's {@link createGan}: the base options plus the wasm thread count. */
export interface NodeCreateGanOptions extends CreateGanOptions {
  /**
   * XNNPACK threads for the `wasm` backend (default {@link defaultWasmThreads}: the
   * `GANFORGE_WASM_THREADS` variable, else the machine's cores up to 4); 1 keeps tfjs'
   * single-threaded build. Applies when this call is the first to initialize `wasm`.
   */
  wasmThreads?: number;
}

/**
 * {@link createGanBase | createGan} with checkpoints on the local disk by default and, when the
 * config's backend is `wasm` or `auto`, tfjs' multi-threaded wasm build ({@link useWasmThreads});
 * with `auto` and `@ganforge/backend-native` installed and built, its OpenBLAS kernels instead.
 */
export async function createGan(
  config: GanConfig | PresetNetworksConfig,
  options: NodeCreateGanOptions = {},
): Promise<Gan> {
  const { wasmThreads, ...base } = options;
  const backend = config.backend ?? 'auto';
  // The native kernels read wasm's heap, which the threaded build shares across threads where
  // Node-API cannot reach it: with `auto`, native kernels (OpenBLAS threads) win over wasm threads.
  const native = backend === 'auto' && (await nativeKernelsLoad());
  if (base.selectBackend !== false && !native && (backend === 'wasm' || backend === 'auto')) {
    const threads = await useWasmThreads(wasmThreads ?? defaultWasmThreads());
    if (threads.enabled) base.log?.(`backend: wasm will run ${threads.requested} XNNPACK threads`);
  }
  return createGanBase(config, { checkpointStore: nodeCheckpointStore, ...base });
}

/**
 * Writes a trained generator alone (config block + weights) to folder `dir`, loadable by
 * `loadGeneratorDir` or, served over HTTP, by `loadGeneratorFromUrl` in a browser. With EMA on,
 * the averaged weights are written unless `{ weights: 'raw' }` (see `exportGeneratorFiles`).
 */
export async function saveGenerator(
  gan: Gan,
  dir: string,
  options: ExportGeneratorOptions = {},
): Promise<void> {
  await nodeCheckpointStore.write(dir, await exportGeneratorFiles(gan, options));
}

/** Loads a generator written by {@link saveGenerator}; `plugins` must provide its kind. */
export async function loadGeneratorDir(dir: string, plugins: GanPlugin[]): Promise<LoadedGenerator> {
  return loadGenerator(await nodeCheckpointStore.reader(dir), dir, plugins);
}
export { useWasmThreads, defaultWasmThreads } from './node/wasm-threads.js';
export type { WasmThreadsResult } from './node/wasm-threads.js';
