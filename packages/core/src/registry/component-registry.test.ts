import { describe, expect, it } from 'vitest';
import { ConfigError, PluginError } from '../errors.js';
import { ComponentRegistry } from './component-registry.js';
import { fixtureComponent, fixtureRegistry } from './fixtures/test-components.js';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('ComponentRegistry', () => {
  it('gets definitions by kind and name, lists names and remembers the plugin', () => {
    const registry = new ComponentRegistry();
    const r1 = fixtureComponent('regularizer', 'r1');
    const gp = fixtureComponent('regularizer', 'gradient-penalty');
    registry.add(r1, '@ganforge/losses');
    registry.add(gp, '@ganforge/plugin-wgan');
    registry.add(fixtureComponent('loss', 'r1'), '@ganforge/losses');
    expect(registry.get('regularizer', 'r1', 'regularizers[0].kind')).toBe(r1);
    expect(registry.list('regularizer')).toEqual(['gradient-penalty', 'r1']);
    expect(registry.list('hook')).toEqual([]);
    expect(registry.find('regularizer', 'gradient-penalty')).toEqual({
      definition: gp,
      plugin: '@ganforge/plugin-wgan',
    });
    expect(registry.has('loss', 'r1')).toBe(true);
    expect(registry.has('loss', 'gradient-penalty')).toBe(false);
    expect(registry.entries().map((e) => `${e.definition.kind}:${e.definition.name}@${e.plugin}`)).toEqual([
      'regularizer:r1@@ganforge/losses',
      'regularizer:gradient-penalty@@ganforge/plugin-wgan',
      'loss:r1@@ganforge/losses',
    ]);
  });

  it('names the registered names and the package of an unknown component', () => {
    const registry = new ComponentRegistry();
    registry.add(fixtureComponent('regularizer', 'r1'), '@ganforge/losses');
    const error = thrown(() => registry.get('regularizer', 'gradient-penalty', 'regularizers[0].kind'));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toBe(
      'regularizers[0].kind: regularizer "gradient-penalty" is not registered. Registered regularizers: r1. ' +
        'It is provided by @ganforge/plugin-wgan: npm i @ganforge/plugin-wgan and add wganPlugin() to plugins.',
    );
    expect((error as ConfigError).issues).toEqual([
      {
        path: 'regularizers[0].kind',
        message: expect.stringMatching(/^regularizer "gradient-penalty" is not registered/),
      },
    ]);
  });

  it.each([
    [
      'data',
      'ring',
      'data.kind',
      'No data sources are registered. It is provided by @ganforge/data: npm i @ganforge/data and add dataPlugin() to plugins.',
    ],
    [
      'loss',
      'ebgan',
      'loss.kind',
      'It is provided by @ganforge/plugin-ebgan: npm i @ganforge/plugin-ebgan and add ebganPlugin() to plugins.',
    ],
    ['metric', 'frechet-distance', 'metrics[0].kind', 'npm i @ganforge/metrics and add metricsPlugin()'],
    [
      'discriminator',
      'minibatch-stddev',
      'discriminator.kind',
      'npm i @ganforge/plugin-minibatch and add minibatchPlugin()',
    ],
    ['discriminator', 'pacgan', 'discriminator.kind', 'npm i @ganforge/plugin-pacgan and add pacganPlugin()'],
    ['augment', 'ada', 'augment.kind', 'npm i @ganforge/plugin-augment and add augmentPlugin()'],
    ['regularizer', 'bcr', 'regularizers[0].kind', 'npm i @ganforge/plugin-augment and add augmentPlugin()'],
    ['generator', 'conditional', 'generator.kind', 'npm i @ganforge/plugin-cgan and add cganPlugin()'],
    ['trainer', 'default', 'trainer.kind', 'It is built into @ganforge/core'],
    ['regularizer', 'r2', 'regularizers[0].kind', 'Did you mean "r1"?'],
    ['regularizer', 'hinge', 'regularizers[0].kind', '"hinge" is a loss, not a regularizer.'],
    ['hook', 'clipping', 'hooks[0].kind', 'No GANForge package provides it'],
  ] as const)('unknown %s "%s" explains itself', (kind, name, path, expected) => {
    const error = thrown(() =>
      fixtureRegistry({ core: false, wgan: false, world: false }).get(kind, name, path),
    ) as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.issues[0].path).toBe(path);
    expect(error.message).toContain(expected);
  });

  it('refuses a second component of one kind and name, naming both plugins', () => {
    const registry = new ComponentRegistry();
    registry.add(fixtureComponent('loss', 'hinge'), '@ganforge/losses');
    registry.add(fixtureComponent('regularizer', 'hinge'), 'my-plugin');
    const error = thrown(() => registry.add(fixtureComponent('loss', 'hinge'), 'my-plugin'));
    expect(error).toBeInstanceOf(PluginError);
    expect((error as Error).message).toContain(
      'loss "hinge" is registered by both plugin "@ganforge/losses" and plugin "my-plugin"',
    );
  });
});
