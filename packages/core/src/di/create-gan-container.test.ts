import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { builtinComponents } from '../builtin-components.js';
import { ConfigError, PluginError } from '../errors.js';
import type { AnyComponentDefinition } from '../registry/component.js';
import { fixtureComponent, fixturePlugin } from '../registry/fixtures/test-components.js';
import type { GanPlugin } from '../types/plugin.js';
import { createGanContainer, getRegistry } from './create-gan-container.js';
import { COMPONENT_REGISTRY, GAN_COMPONENT } from './tokens.js';
import { rootContainer } from './tsyringe.js';

const coreNames = builtinComponents().map((d) => `${d.kind}:${d.name}`);
const names = (plugins: GanPlugin[], parent?: Parameters<typeof createGanContainer>[1]) =>
  getRegistry(createGanContainer(plugins, parent))
    .entries()
    .map((e) => `${e.definition.kind}:${e.definition.name}`)
    .filter((n) => !coreNames.includes(n));

function pluginError(fn: () => unknown): PluginError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(PluginError);
    return error as PluginError;
  }
  throw new PluginError('expected a PluginError');
}

const lossesLike = () =>
  fixturePlugin('@test/losses', [
    fixtureComponent('loss', 'wasserstein'),
    fixtureComponent('regularizer', 'r1'),
  ]);

describe('createGanContainer', () => {
  it('returns a child container with a registry, registering nothing into the root container', () => {
    const container = createGanContainer([lossesLike()]);
    expect(container).not.toBe(rootContainer);
    expect(container.isRegistered(COMPONENT_REGISTRY)).toBe(true);
    expect(rootContainer.isRegistered(COMPONENT_REGISTRY, true)).toBe(false);
    expect(rootContainer.isRegistered(GAN_COMPONENT, true)).toBe(false);
    const registry = getRegistry(container);
    expect(registry.find('loss', 'wasserstein')?.plugin).toBe('@test/losses');
    expect(registry.list('regularizer')).toEqual(['r1']);
  });

  it("registers core's components first, under @ganforge/core", () => {
    const entries = getRegistry(createGanContainer([lossesLike()])).entries();
    expect(entries.slice(0, coreNames.length).every((e) => e.plugin === '@ganforge/core')).toBe(true);
    expect(entries.map((e) => `${e.definition.kind}:${e.definition.name}`)).toEqual([
      ...coreNames,
      'loss:wasserstein',
      'regularizer:r1',
    ]);
  });

  it('registers dependencies first, depth-first, each plugin once', () => {
    const order: string[] = [];
    const tracked = (name: string, dependencies: GanPlugin[] = []): GanPlugin => ({
      name,
      dependencies,
      register: () => order.push(name),
    });
    const losses = tracked('losses');
    const models = tracked('models');
    const wgan = tracked('wgan', [losses]);
    const cgan = tracked('cgan', [models, losses]);
    createGanContainer([cgan, wgan, losses]);
    expect(order).toEqual(['models', 'losses', 'cgan', 'wgan']);
  });

  it('registers a plugin listed twice and as a dependency once', () => {
    const losses = lossesLike();
    const again = lossesLike();
    const wgan = fixturePlugin('@test/plugin-wgan', [fixtureComponent('regularizer', 'gradient-penalty')], {
      dependencies: [again],
    });
    const registry = getRegistry(createGanContainer([losses, wgan, losses]));
    expect(losses.registerCalls + again.registerCalls).toBe(1);
    expect(wgan.registerCalls).toBe(1);
    expect(registry.list('regularizer')).toEqual(['gradient-penalty', 'r1']);
  });

  it('accepts one plugin twice with deep-equal options', () => {
    const a = fixturePlugin('@test/wgan', [fixtureComponent('hook', 'weight-clipping')], {
      version: '1.2.0',
      options: { clip: 0.01, extra: [1, { x: 2 }] },
    });
    const b = fixturePlugin('@test/wgan', [fixtureComponent('hook', 'weight-clipping')], {
      version: '1.2.0',
      options: { clip: 0.01, extra: [1, { x: 2 }] },
    });
    expect(names([a, b])).toEqual(['hook:weight-clipping']);
    expect(a.registerCalls + b.registerCalls).toBe(1);
  });

  it('refuses one plugin twice with different options, naming it and the difference', () => {
    const a = fixturePlugin('@test/wgan', [], { options: { clip: 0.01 } });
    const b = fixturePlugin('@test/wgan', [], { options: { clip: 0.02 } });
    const error = pluginError(() =>
      createGanContainer([a, fixturePlugin('@test/other', [], { dependencies: [b] })]),
    );
    expect(error.message).toContain('Plugin "@test/wgan" is listed twice');
    expect(error.message).toContain('options.clip: 0.01 vs 0.02');
  });

  it('refuses one plugin twice with different versions', () => {
    const error = pluginError(() =>
      createGanContainer([
        fixturePlugin('@test/wgan', [], { version: '1.0.0' }),
        fixturePlugin('@test/wgan', [], { version: '1.1.0' }),
      ]),
    );
    expect(error.message).toContain('version: "1.0.0" vs "1.1.0"');
  });

  it('refuses two plugins registering one component, naming both plugins and the component', () => {
    const error = pluginError(() =>
      createGanContainer([
        lossesLike(),
        fixturePlugin('@acme/my-losses', [fixtureComponent('loss', 'wasserstein')]),
      ]),
    );
    expect(error.message).toContain(
      'loss "wasserstein" is registered by both plugin "@test/losses" and plugin "@acme/my-losses"',
    );
  });

  // Runs once core's own components exist (builtinComponents() is filled by the trainer/optimizer work).
  it.skipIf(builtinComponents().length === 0)(
    'refuses a plugin that registers a name core already owns',
    () => {
      const taken = builtinComponents()[0];
      const error = pluginError(() =>
        createGanContainer([fixturePlugin('@acme/x', [fixtureComponent(taken.kind, taken.name)])]),
      );
      expect(error.message).toContain('"@ganforge/core"');
    },
  );

  it.each<[string, unknown, string]>([
    [
      'a bad kind',
      { ...fixtureComponent('loss', 'ok'), kind: 'lossy' },
      'kind "lossy" is not one of loss, regularizer',
    ],
    [
      'a name that is not kebab-case',
      fixtureComponent('loss', 'GradientPenalty'),
      'name "GradientPenalty" is not kebab-case',
    ],
    ['an underscore name', fixtureComponent('loss', 'gradient_penalty'), 'is not kebab-case'],
    ['no create', { ...fixtureComponent('loss', 'ok'), create: undefined }, 'create is missing'],
    [
      'no options schema',
      { ...fixtureComponent('loss', 'ok'), options: undefined },
      'options is missing or is not a zod schema',
    ],
    [
      'options that are not a schema',
      { ...fixtureComponent('loss', 'ok'), options: { weight: 1 } },
      'not a zod schema',
    ],
    [
      'no description',
      { ...fixtureComponent('loss', 'ok'), description: undefined },
      'description is missing',
    ],
    ['a string', 'hinge', 'expected a component definition object, found string'],
  ])('refuses a plugin registering %s', (_, definition, expected) => {
    const error = pluginError(() =>
      createGanContainer([fixturePlugin('@acme/broken', [definition as AnyComponentDefinition])]),
    );
    expect(error.message).toContain('Plugin "@acme/broken" registered an invalid component');
    expect(error.message).toContain(expected);
  });

  it('refuses malformed plugins and dependency cycles', () => {
    expect(pluginError(() => createGanContainer([null as unknown as GanPlugin])).message).toContain(
      'Invalid plugin in plugins',
    );
    expect(pluginError(() => createGanContainer([{ name: 'x' } as GanPlugin])).message).toContain(
      'has no register(container)',
    );
    expect(pluginError(() => createGanContainer('x' as unknown as GanPlugin[])).message).toContain(
      'expects an array of plugins',
    );
    const a: { name: string; dependencies: GanPlugin[]; register(): void } = {
      name: 'a',
      dependencies: [],
      register() {},
    };
    const b: GanPlugin = { name: 'b', dependencies: [a], register() {} };
    a.dependencies.push(b);
    expect(pluginError(() => createGanContainer([a])).message).toContain(
      'Plugin dependency cycle: a → b → a',
    );
  });

  it('wraps a failing register in a PluginError, and passes GANForge errors through', () => {
    const failing: GanPlugin = {
      name: '@acme/failing',
      register() {
        throw new RangeError('no such layer');
      },
    };
    expect(pluginError(() => createGanContainer([failing])).message).toBe(
      'Plugin "@acme/failing" failed to register its components: no such layer',
    );
    const strict: GanPlugin = {
      name: '@acme/strict',
      register() {
        throw new ConfigError('bad plugin options', 'plugins[0]');
      },
    };
    expect(() => createGanContainer([strict])).toThrow(ConfigError);
  });

  it('keeps containers with different plugin sets apart', () => {
    const first = createGanContainer([lossesLike()]);
    const second = createGanContainer([
      fixturePlugin('@test/wgan', [fixtureComponent('regularizer', 'gradient-penalty')]),
    ]);
    expect(getRegistry(first).list('regularizer')).toEqual(['r1']);
    expect(getRegistry(second).list('regularizer')).toEqual(['gradient-penalty']);
    expect(getRegistry(second).has('loss', 'wasserstein')).toBe(false);
    expect(getRegistry(first)).not.toBe(getRegistry(second));
  });

  it("does not attribute a parent's registrations to a plugin that registers nothing (TRAPS.md resolveAll)", () => {
    const parent = rootContainer.createChildContainer();
    parent.register(GAN_COMPONENT, { useValue: fixtureComponent('loss', 'from-parent') });
    const empty = fixturePlugin('@test/empty', []);
    expect(names([empty], parent)).toEqual([]);
    expect(empty.registerCalls).toBe(1);
  });

  it('reads factory registrations too', () => {
    const plugin: GanPlugin = {
      name: '@test/factory',
      register(container) {
        container.register(GAN_COMPONENT, {
          useFactory: () => fixtureComponent('metric', 'mmd', z.strictObject({ sigma: z.number() })),
        });
      },
    };
    expect(names([plugin])).toEqual(['metric:mmd']);
  });

  it('getRegistry refuses a container made elsewhere', () => {
    expect(pluginError(() => getRegistry(rootContainer.createChildContainer())).message).toContain(
      'createGanContainer',
    );
  });
});
