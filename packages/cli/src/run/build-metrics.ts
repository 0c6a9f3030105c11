import {
  ConfigError,
  Rng,
  createGanContainer,
  getRegistry,
  parseComponentBlock,
  type BuildContext,
  type ComponentBlock,
  type Gan,
  type GanPlugin,
  type Metric,
  type MetricContextOptions,
} from '@ganforge/core';

/** A metric of the config with its cadence (`every: 0` = only at the end). */
export interface ConfiguredMetric {
  metric: Metric;
  every: number;
}

/**
 * Builds metric blocks (`{ kind, every?, ...options }`) through the plugins' registry. Metrics
 * are not part of the GAN itself, so the CLI builds them: their options are validated by their
 * schemas (errors name `metrics[i].…`).
 */
export function buildMetrics(
  gan: Gan,
  plugins: GanPlugin[],
  blocks: readonly (ComponentBlock & { every?: number })[],
): ConfiguredMetric[] {
  if (blocks.length === 0) return [];
  const registry = getRegistry(createGanContainer(plugins));
  const ctx: BuildContext = {
    rng: new Rng(gan.config.seed, 'cli-metric-init'),
    latentDim: gan.generator.latentDim,
    sampleShape: gan.data.sampleShape,
    numClasses: gan.data.numClasses,
    build: (_kind, _block, path) => {
      throw new ConfigError(`${path}: a metric cannot build nested components`, path);
    },
  };
  return blocks.map((block, i) => {
    const path = `metrics[${i}]`;
    const { definition, block: parsed } = parseComponentBlock(registry, 'metric', block, path, {
      reserved: ['every'],
    });
    const { kind: _kind, every: _every, ...options } = parsed;
    return { metric: definition.create(options, ctx), every: block.every ?? 0 };
  });
}

/**
 * Computes metrics on the GAN's metric context (the EMA generator when the run has an `ema`
 * block, unless `weights: 'raw'`); values are keyed `<metric>_<name>` (snake_case).
 */
export async function computeMetrics(
  gan: Gan,
  metrics: readonly ConfiguredMetric[],
  options: MetricContextOptions = {},
): Promise<Record<string, number>> {
  const ctx = gan.metricContext(options);
  const out: Record<string, number> = {};
  for (const { metric } of metrics) {
    const values = await metric.compute(ctx);
    for (const [k, v] of Object.entries(values)) out[`${metric.name.replace(/-/g, '_')}_${k}`] = v;
  }
  return out;
}

/** Metrics to evaluate when a config names none: mode coverage and MMD for mixtures, classifier scores for MNIST. */
export function defaultMetricBlocks(gan: Gan): ComponentBlock[] {
  const d = gan.data as { modes?: unknown };
  if (Array.isArray(d.modes)) return [{ kind: 'mode-coverage' }, { kind: 'mmd' }];
  if (gan.config.data.kind === 'mnist') return [{ kind: 'classifier-score' }, { kind: 'frechet-distance' }];
  return [{ kind: 'mmd' }];
}
