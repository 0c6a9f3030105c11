import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError } from '../errors.js';
import { defineComponent } from '../registry/component.js';
import { createGanContainer, getRegistry } from '../di/create-gan-container.js';
import {
  fixtureComponent,
  fixtureLossComponents,
  fixturePlugin,
  fixtureRegistry,
  fixtureWganComponents,
  fixtureWorldComponents,
} from '../registry/fixtures/test-components.js';
import { resolveConfig } from './resolve-config.js';

const base = () => ({
  data: { kind: 'ring' },
  generator: { kind: 'mlp' },
  discriminator: { kind: 'mlp' },
});

function configError(input: unknown, registry = fixtureRegistry()): ConfigError {
  try {
    resolveConfig(input, registry);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const e = error as ConfigError;
    expect(e.message).not.toMatch(/TypeError|ReferenceError|RangeError|\n\s+at /);
    expect(e.issues.length).toBeGreaterThan(0);
    return e;
  }
  throw new ConfigError(`expected resolveConfig to throw for ${JSON.stringify(input)}`);
}

describe('resolveConfig: a valid config', () => {
  it('resolves every defaultable value from core defaults and records the sources', () => {
    const resolved = resolveConfig(base(), fixtureRegistry());
    expect(resolved).toMatchObject({
      seed: 0,
      backend: 'auto',
      data: { kind: 'ring', modes: 8, radius: 2 },
      generator: { kind: 'mlp', hidden: [32, 32], activation: 'relu' },
      loss: { kind: 'non-saturating', labelSmoothing: 0 },
      regularizers: [],
      hooks: [],
      trainer: { kind: 'default', dSteps: 1 },
      optimizers: {
        generator: { kind: 'adam', lr: 2e-4, beta1: 0.5, beta2: 0.999, epsilon: 1e-8, momentum: 0, rho: 0.9 },
        discriminator: {
          kind: 'adam',
          lr: 2e-4,
          beta1: 0.5,
          beta2: 0.999,
          epsilon: 1e-8,
          momentum: 0,
          rho: 0.9,
        },
      },
      latentDim: 64,
      steps: 1000,
      batchSize: 64,
      checkpoint: { every: 0, keep: 3 },
      logEvery: 10,
      metrics: [],
      plugins: [],
    });
    expect(resolved.preset).toBeUndefined();
    expect(resolved.sources).toMatchObject({
      seed: 'core',
      loss: 'core',
      'trainer.dSteps': 'core',
      'trainer.kind': 'core',
      'optimizers.generator.lr': 'core',
      'optimizers.discriminator.epsilon': 'core',
      batchSize: 'core',
      'checkpoint.keep': 'core',
    });
  });

  it('keeps user values, parses component options with their defaults and adds kind', () => {
    const resolved = resolveConfig(
      {
        ...base(),
        seed: 7,
        backend: 'cpu',
        generator: { kind: 'mlp', hidden: [16] },
        regularizers: [{ kind: 'r1', weight: 0.5 }],
        hooks: [{ kind: 'weight-clipping' }],
        metrics: [
          { kind: 'mode-coverage', every: 100 },
          { kind: 'mode-coverage', samples: 10 },
        ],
        batchSize: 32,
        checkpoint: { every: 500 },
        plugins: ['@ganforge/losses'],
      },
      fixtureRegistry(),
    );
    expect(resolved.seed).toBe(7);
    expect(resolved.generator).toEqual({ kind: 'mlp', hidden: [16], activation: 'relu' });
    expect(resolved.regularizers).toEqual([{ kind: 'r1', weight: 0.5 }]);
    expect(resolved.hooks).toEqual([{ kind: 'weight-clipping', clip: 0.01 }]);
    expect(resolved.metrics).toEqual([
      { kind: 'mode-coverage', samples: 2500, every: 100 },
      { kind: 'mode-coverage', samples: 10, every: 0 },
    ]);
    expect(resolved.checkpoint).toEqual({ every: 500, keep: 3 });
    expect(resolved.plugins).toEqual(['@ganforge/losses']);
    expect(resolved.sources).toMatchObject({
      seed: 'user',
      batchSize: 'user',
      regularizers: 'user',
      'checkpoint.every': 'user',
      'checkpoint.keep': 'core',
      'metrics[0].every': 'user',
      'metrics[1].every': 'core',
    });
  });
});

describe('resolveConfig: default resolution order user > preset > component > core', () => {
  it('takes component defaults (the loss) over core', () => {
    const resolved = resolveConfig({ ...base(), loss: { kind: 'wasserstein' } }, fixtureRegistry());
    expect(resolved.trainer.dSteps).toBe(5);
    expect(resolved.optimizers.generator).toMatchObject({ kind: 'rmsprop', lr: 5e-5, beta1: 0.5, rho: 0.9 });
    expect(resolved.sources['trainer.dSteps']).toBe('component:loss:wasserstein');
    expect(resolved.sources['optimizers.generator.lr']).toBe('component:loss:wasserstein');
    expect(resolved.sources['optimizers.generator.beta1']).toBe('core');
    expect(resolved.sources.loss).toBe('user');
  });

  it('takes the preset over component defaults, and the user over the preset', () => {
    const resolved = resolveConfig(
      { ...base(), preset: 'wgan-gp', optimizers: { generator: { lr: 3e-4 } } },
      fixtureRegistry(),
    );
    expect(resolved.preset).toBe('wgan-gp');
    expect(resolved.loss).toEqual({ kind: 'wasserstein' });
    expect(resolved.regularizers).toEqual([{ kind: 'gradient-penalty', weight: 10, oneSided: false }]);
    expect(resolved.trainer).toEqual({ kind: 'default', dSteps: 5 });
    // user > preset
    expect(resolved.optimizers.generator.lr).toBe(3e-4);
    // preset > component (wasserstein says rmsprop 5e-5)
    expect(resolved.optimizers.discriminator).toMatchObject({ kind: 'adam', lr: 1e-4, beta1: 0, beta2: 0.9 });
    // core where nobody else says anything
    expect(resolved.optimizers.discriminator.epsilon).toBe(1e-8);
    expect(resolved.sources).toMatchObject({
      'optimizers.generator.lr': 'user',
      'optimizers.discriminator.lr': 'preset:wgan-gp',
      'optimizers.discriminator.kind': 'preset:wgan-gp',
      'optimizers.discriminator.epsilon': 'core',
      'trainer.dSteps': 'preset:wgan-gp',
      loss: 'preset:wgan-gp',
      regularizers: 'preset:wgan-gp',
      hooks: 'core',
      batchSize: 'core',
    });
  });

  it('lets a user value replace a preset block and a preset scalar', () => {
    const resolved = resolveConfig(
      { ...base(), preset: 'wgan-gp', regularizers: [{ kind: 'r1' }], trainer: { dSteps: 2 } },
      fixtureRegistry(),
    );
    expect(resolved.regularizers).toEqual([{ kind: 'r1', weight: 10 }]);
    expect(resolved.trainer.dSteps).toBe(2);
    expect(resolved.sources['trainer.dSteps']).toBe('user');
    expect(resolved.sources.regularizers).toBe('user');
  });

  it('reports an invalid component default with its source', () => {
    const badDefaults = defineComponent({
      kind: 'loss',
      name: 'bad-defaults',
      description: 'a loss whose defaults are out of range',
      options: z.strictObject({}),
      defaults: { dSteps: 0 },
      create: () => {
        throw new ConfigError('never built');
      },
    });
    const e = configError({ ...base(), loss: { kind: 'bad-defaults' } }, fixtureRegistry({}, [badDefaults]));
    expect(e.issues[0].path).toBe('trainer.dSteps');
    expect(e.issues[0].message).toContain('component:loss:bad-defaults');
  });
});

describe('resolveConfig: unknown kinds and option types', () => {
  it('names the registered kinds and the package that provides an unknown one', () => {
    const e = configError(
      { ...base(), regularizers: [{ kind: 'gradient-penalty', weight: 10 }] },
      fixtureRegistry({ wgan: false }),
    );
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0].path).toBe('regularizers[0].kind');
    expect(e.message).toContain(
      'regularizers[0].kind: regularizer "gradient-penalty" is not registered. Registered regularizers: r1. ' +
        'It is provided by @ganforge/plugin-wgan: npm i @ganforge/plugin-wgan and add wganPlugin() to plugins.',
    );
  });

  it('reports a wrong option type at the field path, with what was found', () => {
    const e = configError({ ...base(), regularizers: [{ kind: 'r1' }, { kind: 'r1', weight: 'ten' }] });
    expect(e.issues).toEqual([
      { path: 'regularizers[1].weight', message: 'expected a number > 0, found string "ten"' },
    ]);
    expect(e.message).toContain('regularizers[1].weight: expected a number > 0, found string "ten"');
  });

  it('collects every issue of a config in one error', () => {
    const e = configError({
      ...base(),
      batchsize: 32,
      optimizers: { generator: { lr: -1 } },
      generator: { kind: 'mlp', hiden: [8] },
      loss: { kind: 'non-saturating', labelSmoothing: 2 },
    });
    expect(e.issues.map((i) => i.path).sort()).toEqual([
      'batchsize',
      'generator.hiden',
      'loss.labelSmoothing',
      'optimizers.generator.lr',
    ]);
    expect(e.message).toContain(
      'batchsize: expected a known key (did you mean "batchSize"?), found unknown key "batchsize" with number 32',
    );
    expect(e.message).toContain('generator.hiden: expected a known key (did you mean "hidden"?)');
    expect(e.message).toContain('optimizers.generator.lr: expected a number > 0, found number -1');
    expect(e.message).toMatch(/^Invalid GANForge config \(4 problems\):/);
  });

  it('validates the augment block by its component and names the package of an unknown one', () => {
    const e = configError({ ...base(), augment: { kind: 'ada', target: 0.6 } });
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0].path).toBe('augment.kind');
    expect(e.message).toContain('npm i @ganforge/plugin-augment and add augmentPlugin() to plugins');
    const flip = fixtureComponent(
      'augment',
      'flip',
      z.strictObject({ p: z.number().min(0).max(1).default(0.5) }),
    );
    const registry = fixtureRegistry({}, [flip]);
    expect(configError({ ...base(), augment: { kind: 'flip', p: 2 } }, registry).issues).toEqual([
      { path: 'augment.p', message: 'expected a number >= 0 and <= 1, found number 2' },
    ]);
    expect(resolveConfig({ ...base(), augment: { kind: 'flip' } }, registry).augment).toEqual({
      kind: 'flip',
      p: 0.5,
    });
    expect(resolveConfig(base(), registry).augment).toBeUndefined();
  });

  it('checks the optimizer kind against the registry', () => {
    const e = configError({ ...base(), optimizers: { discriminator: { kind: 'adamw' } } });
    expect(e.issues[0].path).toBe('optimizers.discriminator.kind');
    expect(e.issues[0].message).toContain('Registered optimizers: adam, rmsprop, sgd');
  });

  it('reports an invalid preset result as a problem of the preset', () => {
    const broken = fixtureComponent('preset', 'broken', z.strictObject({}), {
      create: () => ({ loss: { kind: 'wasserstein' }, trainer: { dSteps: -5 } }),
    });
    const e = configError({ ...base(), preset: 'broken' }, fixtureRegistry({}, [broken]));
    expect(e.issues[0].path).toBe('preset');
    expect(e.issues[0].message).toContain('trainer.dSteps: expected an integer > 0');
  });
});

describe('resolveConfig against a real container', () => {
  it("resolves with core's own trainer and optimizers and the plugins' components", () => {
    const container = createGanContainer([
      fixturePlugin('@test/world', fixtureWorldComponents()),
      fixturePlugin('@test/wgan', fixtureWganComponents(), {
        dependencies: [fixturePlugin('@test/losses', fixtureLossComponents())],
      }),
    ]);
    const registry = getRegistry(container);
    const resolved = resolveConfig(
      { ...base(), preset: 'wgan-gp', trainer: { kind: 'default', dSteps: 3 } },
      registry,
    );
    expect(resolved.trainer).toEqual({ kind: 'default', dSteps: 3 });
    expect(resolved.optimizers.generator).toMatchObject({
      kind: 'adam',
      lr: 1e-4,
      beta1: 0,
      beta2: 0.9,
      epsilon: 1e-8,
    });
    expect(registry.find('trainer', 'default')?.plugin).toBe('@ganforge/core');
    expect(() => resolveConfig({ ...base(), trainer: { dStep: 3 } }, registry)).toThrow(
      /trainer\.dStep: expected a known key/,
    );
  });
});
