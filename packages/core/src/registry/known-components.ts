import type { ComponentKind } from './component.js';

/**
 * DESIGN.md's component-name table as data: kind → name → the package that registers it. Core
 * uses it to tell a user which package to install for a `kind` nobody registered.
 */
export const KNOWN_COMPONENTS: Readonly<Record<ComponentKind, Readonly<Record<string, string>>>> = {
  loss: {
    minimax: '@ganforge/losses',
    'non-saturating': '@ganforge/losses',
    'least-squares': '@ganforge/losses',
    hinge: '@ganforge/losses',
    wasserstein: '@ganforge/losses',
    ebgan: '@ganforge/plugin-ebgan',
  },
  regularizer: {
    r1: '@ganforge/losses',
    lecam: '@ganforge/losses',
    'gradient-penalty': '@ganforge/plugin-wgan',
    'pulling-away': '@ganforge/plugin-ebgan',
    bcr: '@ganforge/plugin-augment',
    'condition-cross-entropy': '@ganforge/plugin-ctgan',
    'weight-decay': '@ganforge/plugin-ctgan',
  },
  hook: {
    'weight-clipping': '@ganforge/plugin-wgan',
  },
  preset: {
    wgan: '@ganforge/plugin-wgan',
    'wgan-gp': '@ganforge/plugin-wgan',
    sngan: '@ganforge/models',
    ctgan: '@ganforge/plugin-ctgan',
    'gaussian-copula': '@ganforge/plugin-ctgan',
  },
  generator: {
    mlp: '@ganforge/models',
    dcgan: '@ganforge/models',
    rnn: '@ganforge/models',
    'spectral-norm': '@ganforge/models',
    conditional: '@ganforge/plugin-cgan',
    'gaussian-copula': '@ganforge/plugin-ctgan',
    ctgan: '@ganforge/plugin-ctgan',
  },
  discriminator: {
    none: '@ganforge/core',
    mlp: '@ganforge/models',
    dcgan: '@ganforge/models',
    rnn: '@ganforge/models',
    'spectral-norm': '@ganforge/models',
    conditional: '@ganforge/plugin-cgan',
    ebgan: '@ganforge/plugin-ebgan',
    'minibatch-discrimination': '@ganforge/plugin-minibatch',
    'minibatch-stddev': '@ganforge/plugin-minibatch',
    pacgan: '@ganforge/plugin-pacgan',
    ctgan: '@ganforge/plugin-ctgan',
  },
  optimizer: {
    adam: '@ganforge/core',
    sgd: '@ganforge/core',
    rmsprop: '@ganforge/core',
  },
  trainer: {
    default: '@ganforge/core',
    'fit-only': '@ganforge/core',
    unrolled: '@ganforge/plugin-unrolled',
  },
  data: {
    ring: '@ganforge/data',
    grid: '@ganforge/data',
    spiral: '@ganforge/data',
    'mixture-1d': '@ganforge/data',
    mnist: '@ganforge/data',
    idx: '@ganforge/data',
    csv: '@ganforge/data',
    windows: '@ganforge/data',
    'image-folder': '@ganforge/data',
    table: '@ganforge/data',
    'training-by-sampling': '@ganforge/plugin-ctgan',
  },
  metric: {
    'mode-coverage': '@ganforge/metrics',
    mmd: '@ganforge/metrics',
    'classifier-score': '@ganforge/metrics',
    'frechet-distance': '@ganforge/metrics',
    'precision-recall': '@ganforge/metrics',
    'density-coverage': '@ganforge/metrics',
    c2st: '@ganforge/metrics',
    'mmd-multi-scale': '@ganforge/metrics',
  },
  callback: {},
  augment: {
    'diff-augment': '@ganforge/plugin-augment',
    ada: '@ganforge/plugin-augment',
  },
};

/** The package that registers `kind`/`name` according to {@link KNOWN_COMPONENTS}, if any. */
export function knownPackageOf(kind: ComponentKind, name: string): string | undefined {
  const byName = KNOWN_COMPONENTS[kind];
  return Object.hasOwn(byName, name) ? byName[name] : undefined;
}

/**
 * The name of the plugin factory a package exports, by the GANForge convention:
 * `@ganforge/plugin-wgan` → `wganPlugin`, `@ganforge/losses` → `lossesPlugin`.
 */
export function pluginFactoryName(packageName: string): string {
  const base = packageName.replace(/^@[^/]+\//, '').replace(/^plugin-/, '');
  const camel = base.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  return `${camel}Plugin`;
}
