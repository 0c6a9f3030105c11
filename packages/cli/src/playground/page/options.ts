// Which components of the installed plugins the playground can offer for a 2-D GAN, found by
// asking core's registry and validating a candidate config for each one (no hard-coded list).
import {
  ConfigError,
  createGanContainer,
  getRegistry,
  resolveConfig,
  type GanConfig,
  type GanPlugin,
} from '@ganforge/core';

/** The choices a page offers, each a list of component names (plus '' = none/default). */
export interface PlaygroundChoices {
  data: string[];
  loss: string[];
  discriminator: string[];
  trainer: string[];
  preset: string[];
}

/** What a person picks on the page. */
export interface PlaygroundPick {
  data: string;
  loss: string;
  discriminator: string;
  trainer: string;
  preset: string;
  steps?: number;
}

const MLP = { kind: 'mlp', hidden: [64, 64], activation: 'relu' } as const;
const DATA_2D = new Set(['ring', 'grid', 'spiral']);

/** The config a pick stands for: 2 → 64 → 64 ReLU MLPs, latent 2, batch 256, Adam 1e-3 β 0.5. */
export function pickConfig(p: PlaygroundPick): GanConfig {
  const discriminator = p.discriminator === 'mlp' ? MLP : { kind: p.discriminator, body: MLP };
  return {
    seed: 1,
    data: { kind: p.data },
    generator: { kind: 'mlp', hidden: [64, 64], activation: 'relu', outputActivation: 'linear' },
    discriminator,
    ...(p.preset ? { preset: p.preset } : {}),
    ...(p.loss && !p.preset ? { loss: { kind: p.loss } } : {}),
    ...(p.trainer ? { trainer: { kind: p.trainer } } : {}),
    ...(p.preset
      ? {}
      : {
          optimizers: {
            generator: { kind: 'adam', lr: 1e-3, beta1: 0.5 },
            discriminator: { kind: 'adam', lr: 1e-3, beta1: 0.5 },
          },
        }),
    latentDim: 2,
    batchSize: 256,
    steps: p.steps ?? 100_000,
  } as GanConfig;
}

function valid(plugins: GanPlugin[], config: GanConfig): boolean {
  try {
    resolveConfig(config, getRegistry(createGanContainer(plugins)));
    return true;
  } catch (e) {
    if (e instanceof ConfigError) return false;
    throw e;
  }
}

/**
 * The components of `plugins` a 2-D playground can use: 2-D data sets, every loss, the
 * discriminators that accept an MLP (as themselves or as `body`), every trainer and preset;
 * each kept only if a config using it validates.
 */
export function playgroundChoices(plugins: GanPlugin[]): PlaygroundChoices {
  const registry = getRegistry(createGanContainer(plugins));
  const base: PlaygroundPick = {
    data: 'ring',
    loss: 'non-saturating',
    discriminator: 'mlp',
    trainer: '',
    preset: '',
  };
  const keep = (field: keyof PlaygroundPick, names: string[]) =>
    names.filter((name) => valid(plugins, pickConfig({ ...base, [field]: name })));
  return {
    data: registry.list('data').filter((n) => DATA_2D.has(n)),
    loss: keep('loss', registry.list('loss')),
    discriminator: keep('discriminator', registry.list('discriminator')),
    trainer: ['', ...keep('trainer', registry.list('trainer'))],
    preset: ['', ...keep('preset', registry.list('preset'))],
  };
}
