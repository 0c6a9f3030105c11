/**
 * `@ganforge/core/node`: Node-only parts (files on disk). Everything else is in the
 * browser-safe main entry.
 * @packageDocumentation
 */
import { createGan as createGanBase, type CreateGanOptions } from './gan/create-gan.js';
import type { GanConfig } from './config/types.js';
import type { Gan } from './gan/gan.js';
import { nodeCheckpointStore } from './node/node-checkpoint-store.js';
import { exportGeneratorFiles, loadGenerator, type LoadedGenerator } from './gan/generator-export.js';
import type { GanPlugin } from './types/plugin.js';

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

/** {@link createGanBase | createGan} with checkpoints on the local disk by default. */
export function createGan(config: GanConfig, options: CreateGanOptions = {}): Promise<Gan> {
  return createGanBase(config, { checkpointStore: nodeCheckpointStore, ...options });
}

/** Writes a trained generator alone (config block + weights) to folder `dir`, loadable by `loadGeneratorDir` or, served over HTTP, by `loadGeneratorFromUrl` in a browser. */
export async function saveGenerator(gan: Gan, dir: string): Promise<void> {
  await nodeCheckpointStore.write(dir, await exportGeneratorFiles(gan));
}

/** Loads a generator written by {@link saveGenerator}; `plugins` must provide its kind. */
export async function loadGeneratorDir(dir: string, plugins: GanPlugin[]): Promise<LoadedGenerator> {
  return loadGenerator(await nodeCheckpointStore.reader(dir), dir, plugins);
}
