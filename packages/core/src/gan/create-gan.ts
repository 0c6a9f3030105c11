import * as tf from '@tensorflow/tfjs';
import { selectBackend, type BackendChoice, type BackendName } from '../backend/index.js';
import { configErrorFromIssues, resolveConfig } from '../config/index.js';
import type { GanConfig, PresetNetworksConfig } from '../config/types.js';
import { createGanContainer, getRegistry } from '../di/create-gan-container.js';
import type { DependencyContainer } from '../di/tsyringe.js';
import { createRngStreams } from '../rng/streams.js';
import type { DataSource } from '../types/data.js';
import type { GanPlugin } from '../types/plugin.js';
import { buildComponent, buildContext, buildData, buildOptimizer } from './build-parts.js';
import { statefulComponentsOf } from './component-state.js';
import type { CheckpointStore } from './checkpoint-store.js';
import { Gan } from './gan.js';

/** Options of {@link createGan}. */
export interface CreateGanOptions {
  /** Plugins providing the components the config names (dependencies are added automatically). */
  plugins?: GanPlugin[];
  /** Parent DI container (default: a child of tsyringe's root container; nothing is registered globally). */
  parent?: DependencyContainer;
  /** Select the config's `backend` first (default true). With false, the current tfjs backend is used. */
  selectBackend?: boolean;
  /** Where `saveCheckpoint`/`loadCheckpoint` write and read (Node: `@ganforge/core/node`). */
  checkpointStore?: CheckpointStore;
  /** A data source to use instead of building the config's `data` block. */
  data?: DataSource;
  /** Receives one-line progress messages (the chosen backend, and why others were skipped). */
  log?: (message: string) => void;
}

/**
 * Builds a {@link Gan} from a config: validates it completely (a ConfigError names every bad
 * field before any tensor exists), selects the backend, then builds data, networks (weights
 * drawn from the run's seeded `init` stream), loss, regularizers, hooks, the `augment` component,
 * optimizers and trainer. With a preset that supplies the networks (a synthesizer such as
 * `gaussian-copula`), the config may leave `generator` and `discriminator` out
 * ({@link PresetNetworksConfig}).
 *
 * ```ts
 * const gan = await createGan({ data: { kind: 'ring' }, generator: { kind: 'mlp' },
 *   discriminator: { kind: 'mlp' } }, { plugins: [lossesPlugin(), modelsPlugin(), dataPlugin()] });
 * await gan.fit({ steps: 1000 });
 * ```
 */
export async function createGan(
  config: GanConfig | PresetNetworksConfig,
  options: CreateGanOptions = {},
): Promise<Gan> {
  const container = createGanContainer(options.plugins ?? [], options.parent);
  const registry = getRegistry(container);
  const resolved = resolveConfig(config, registry);
  let backend: BackendChoice = {
    name: tf.getBackend(),
    requested: tf.getBackend() as BackendName,
    skipped: [],
  };
  if (options.selectBackend !== false)
    backend = await selectBackend(resolved.backend as BackendName, { log: options.log });
  const streams = createRngStreams(resolved.seed);
  const data = options.data ?? buildData(registry, streams, resolved);
  const ctx = buildContext(registry, streams, resolved.latentDim, data, resolved.batchSize, data);
  const generator = buildComponent(registry, 'generator', resolved.generator, 'generator', ctx);
  if (resolved.ema && !generator.supportsSubstituteParams) {
    generator.dispose();
    throw configErrorFromIssues([
      {
        path: 'ema',
        message: `expected a generator that supports substitute parameters (the average is generated with), but "${resolved.generator.kind}" does not; remove the \`ema\` block`,
      },
    ]);
  }
  const discriminator = buildComponent(
    registry,
    'discriminator',
    resolved.discriminator,
    'discriminator',
    ctx,
  );
  const loss = buildComponent(registry, 'loss', resolved.loss, 'loss', ctx);
  const regularizers = resolved.regularizers.map((b, i) =>
    buildComponent(registry, 'regularizer', b, `regularizers[${i}]`, ctx),
  );
  const hooks = resolved.hooks.map((b, i) => buildComponent(registry, 'hook', b, `hooks[${i}]`, ctx));
  const augment = resolved.augment
    ? buildComponent(registry, 'augment', resolved.augment, 'augment', ctx)
    : undefined;
  const { kind: trainerKind, dSteps, ...trainerOptions } = resolved.trainer;
  const trainer = buildComponent(registry, 'trainer', { kind: trainerKind, ...trainerOptions }, 'trainer', {
    generator,
    discriminator,
    loss,
    regularizers,
    hooks,
    generatorOptimizer: buildOptimizer(registry, resolved.optimizers.generator, 'optimizers.generator', ctx),
    discriminatorOptimizer: buildOptimizer(
      registry,
      resolved.optimizers.discriminator,
      'optimizers.discriminator',
      ctx,
    ),
    dSteps,
    batchSize: resolved.batchSize,
    streams,
    augment,
  } as never);
  return new Gan({
    config: resolved,
    generator,
    discriminator,
    trainer,
    data,
    sampler: data.trainingSampler ? data.trainingSampler(streams.data) : data.sampler(streams.data),
    streams,
    backend: backend.name,
    backendChoice: backend,
    store: options.checkpointStore,
    statefulComponents: statefulComponentsOf({ loss, regularizers, hooks, augment }),
  });
}
