import type { ResolvedConfig } from '../config/types.js';
import { parseComponentBlock } from '../config/index.js';
import { optimizerFromSettings, BUILTIN_OPTIMIZERS } from '../optim/index.js';
import type { ComponentRegistry } from '../registry/component-registry.js';
import type { BuildContext, ComponentInstanceMap, ComponentKind } from '../registry/component.js';
import type { RngStreams } from '../rng/streams.js';
import type { DataSource } from '../types/data.js';
import type { Optimizer } from '../types/optimizer.js';
import type { OptimizerSettings } from '../config/types.js';

/** Builds one component block through the registry (the block was validated by resolveConfig). */
export function buildComponent<K extends ComponentKind>(
  registry: ComponentRegistry,
  kind: K,
  block: { kind: string; [option: string]: unknown },
  path: string,
  ctx: BuildContext,
): ComponentInstanceMap[K] {
  const { definition, block: parsed } = parseComponentBlock(registry, kind, block, path);
  const { kind: _kind, ...options } = parsed;
  return definition.create(options, ctx as never) as ComponentInstanceMap[K];
}

/**
 * A {@link BuildContext} whose `build` recurses through the registry; `source` is the run's data
 * source (`BuildContext.data`), when there is one.
 */
export function buildContext(
  registry: ComponentRegistry,
  streams: RngStreams,
  latentDim: number,
  data: { sampleShape: readonly number[]; numClasses?: number },
  batchSize?: number,
  source?: DataSource,
): BuildContext {
  return nestedContext(registry, {
    rng: streams.init,
    latentDim,
    sampleShape: data.sampleShape,
    numClasses: data.numClasses,
    batchSize,
    ...(source !== undefined ? { data: source } : {}),
  });
}

/** A context whose `build` builds nested blocks with it, or with the caller's overrides applied. */
function nestedContext(registry: ComponentRegistry, values: Omit<BuildContext, 'build'>): BuildContext {
  const ctx: BuildContext = {
    ...values,
    build: (kind, block, path, overrides) =>
      buildComponent(
        registry,
        kind,
        block,
        path,
        overrides ? nestedContext(registry, { ...values, ...overrides }) : ctx,
      ),
  };
  return ctx;
}

/** Builds the data source before anything else (networks need its sample shape). */
export function buildData(
  registry: ComponentRegistry,
  streams: RngStreams,
  config: ResolvedConfig,
): DataSource {
  const ctx = buildContext(registry, streams, config.latentDim, { sampleShape: [] });
  return buildComponent(registry, 'data', config.data, 'data', ctx);
}

/** Builds an optimizer: core's own from its settings, a plugin's through the registry. */
export function buildOptimizer(
  registry: ComponentRegistry,
  settings: OptimizerSettings,
  path: string,
  ctx: BuildContext,
): Optimizer {
  if ((BUILTIN_OPTIMIZERS as readonly string[]).includes(settings.kind))
    return optimizerFromSettings(settings);
  return buildComponent(registry, 'optimizer', { ...settings }, path, ctx);
}
