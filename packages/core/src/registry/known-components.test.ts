import { describe, expect, it } from 'vitest';
import { COMPONENT_KINDS } from './component.js';
import { KNOWN_COMPONENTS, knownPackageOf, pluginFactoryName } from './known-components.js';
import { COMPONENT_NAME_PATTERN } from './validate-definition.js';

describe('KNOWN_COMPONENTS (DESIGN.md component-name table)', () => {
  it('covers every kind with kebab-case names and @ganforge packages', () => {
    expect(Object.keys(KNOWN_COMPONENTS).sort()).toEqual([...COMPONENT_KINDS].sort());
    for (const names of Object.values(KNOWN_COMPONENTS)) {
      for (const [name, pkg] of Object.entries(names)) {
        expect(name).toMatch(COMPONENT_NAME_PATTERN);
        expect(pkg).toMatch(/^@ganforge\/[a-z0-9-]+$/);
      }
    }
  });

  it.each([
    ['loss', ['minimax', 'non-saturating', 'least-squares', 'hinge', 'wasserstein'], '@ganforge/losses'],
    ['regularizer', ['r1', 'lecam'], '@ganforge/losses'],
    ['regularizer', ['gradient-penalty'], '@ganforge/plugin-wgan'],
    ['hook', ['weight-clipping'], '@ganforge/plugin-wgan'],
    ['preset', ['wgan', 'wgan-gp'], '@ganforge/plugin-wgan'],
    ['preset', ['sngan'], '@ganforge/models'],
    ['generator', ['mlp', 'dcgan', 'rnn', 'spectral-norm'], '@ganforge/models'],
    ['discriminator', ['mlp', 'dcgan', 'rnn', 'spectral-norm'], '@ganforge/models'],
    ['generator', ['conditional'], '@ganforge/plugin-cgan'],
    ['discriminator', ['conditional'], '@ganforge/plugin-cgan'],
    ['discriminator', ['ebgan'], '@ganforge/plugin-ebgan'],
    ['loss', ['ebgan'], '@ganforge/plugin-ebgan'],
    ['regularizer', ['pulling-away'], '@ganforge/plugin-ebgan'],
    ['trainer', ['default'], '@ganforge/core'],
    ['trainer', ['unrolled'], '@ganforge/plugin-unrolled'],
    ['discriminator', ['minibatch-discrimination', 'minibatch-stddev'], '@ganforge/plugin-minibatch'],
    ['discriminator', ['pacgan'], '@ganforge/plugin-pacgan'],
    ['augment', ['diff-augment', 'ada'], '@ganforge/plugin-augment'],
    ['regularizer', ['bcr'], '@ganforge/plugin-augment'],
    [
      'data',
      ['ring', 'grid', 'spiral', 'mixture-1d', 'mnist', 'idx', 'csv', 'windows', 'image-folder', 'table'],
      '@ganforge/data',
    ],
    [
      'metric',
      [
        'mode-coverage',
        'mmd',
        'classifier-score',
        'frechet-distance',
        'precision-recall',
        'density-coverage',
        'c2st',
        'mmd-multi-scale',
      ],
      '@ganforge/metrics',
    ],
    ['optimizer', ['adam', 'sgd', 'rmsprop'], '@ganforge/core'],
  ] as const)('%s %j → %s', (kind, names, pkg) => {
    for (const name of names) expect(knownPackageOf(kind, name)).toBe(pkg);
  });

  it('knows nothing it was not told, including inherited keys', () => {
    expect(knownPackageOf('loss', 'gradient-penalty')).toBeUndefined();
    expect(knownPackageOf('loss', 'constructor')).toBeUndefined();
  });

  it('derives the plugin factory name from the package name', () => {
    expect(pluginFactoryName('@ganforge/plugin-wgan')).toBe('wganPlugin');
    expect(pluginFactoryName('@ganforge/losses')).toBe('lossesPlugin');
    expect(pluginFactoryName('@ganforge/plugin-unrolled')).toBe('unrolledPlugin');
    expect(pluginFactoryName('@acme/plugin-my-gan')).toBe('myGanPlugin');
  });
});
