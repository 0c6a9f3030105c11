import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ConfigError,
  createGan,
  createGanContainer,
  getRegistry,
  installGradientFixes,
  resolveConfig,
  type GanConfig,
} from '@ganforge/core';
import { expectNoTensorLeak, testingPlugin } from '@ganforge/core/testing';
import { lossesPlugin } from '@ganforge/losses';
import { wganPlugin } from './plugin.js';
import { tinyConfig } from './test-utils.js';
import { WGAN_VERSION } from './version.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
  installGradientFixes();
});

const registry = (...extra: Parameters<typeof createGanContainer>[0]) =>
  getRegistry(createGanContainer([wganPlugin(), testingPlugin(), ...extra]));

function configError(config: GanConfig): ConfigError {
  try {
    resolveConfig(config, registry());
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('wganPlugin', () => {
  it("registers DESIGN.md's names and brings the losses plugin (wasserstein) as a dependency", () => {
    const plugin = wganPlugin();
    expect(plugin.name).toBe('@ganforge/plugin-wgan');
    expect(plugin.dependencies?.map((p) => p.name)).toEqual(['@ganforge/losses']);
    const r = registry();
    expect(r.list('hook')).toContain('weight-clipping');
    expect(r.list('regularizer')).toContain('gradient-penalty');
    expect(r.list('preset')).toEqual(expect.arrayContaining(['wgan', 'wgan-gp']));
    expect(r.list('loss')).toContain('wasserstein');
    // Listing the losses plugin beside it is harmless (registered once).
    expect(registry(lossesPlugin()).list('loss')).toContain('wasserstein');
  });

  it('version equals package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(WGAN_VERSION).toBe(pkg.version);
    expect(wganPlugin().version).toBe(pkg.version);
  });
});

describe('presets', () => {
  it("wgan: the paper's defaults, each recorded as coming from the preset", () => {
    const r = resolveConfig(tinyConfig({ preset: 'wgan' }), registry());
    expect(r.loss).toEqual({ kind: 'wasserstein' });
    expect(r.hooks).toEqual([{ kind: 'weight-clipping', c: 0.01 }]);
    expect(r.regularizers).toEqual([]);
    expect(r.trainer.dSteps).toBe(5);
    for (const net of ['generator', 'discriminator'] as const)
      expect(r.optimizers[net]).toMatchObject({ kind: 'rmsprop', lr: 5e-5, rho: 0.99, epsilon: 1e-8 });
    expect(r.sources['trainer.dSteps']).toBe('preset:wgan');
    expect(r.sources['optimizers.discriminator.lr']).toBe('preset:wgan');
    expect(r.sources.hooks).toBe('preset:wgan');
  });

  it("wgan-gp: the paper's defaults; the user's values override any of them", () => {
    const r = resolveConfig(tinyConfig({ preset: 'wgan-gp' }), registry());
    expect(r.loss).toEqual({ kind: 'wasserstein' });
    expect(r.regularizers).toEqual([{ kind: 'gradient-penalty', lambda: 10, oneSided: false }]);
    expect(r.hooks).toEqual([]);
    expect(r.trainer.dSteps).toBe(5);
    for (const net of ['generator', 'discriminator'] as const)
      expect(r.optimizers[net]).toMatchObject({ kind: 'adam', lr: 1e-4, beta1: 0, beta2: 0.9 });
    const user = resolveConfig(
      tinyConfig({
        preset: 'wgan-gp',
        regularizers: [{ kind: 'gradient-penalty', lambda: 0.1, oneSided: true }],
        trainer: { dSteps: 3 },
        optimizers: { generator: { lr: 2e-4 } },
      }),
      registry(),
    );
    expect(user.regularizers).toEqual([{ kind: 'gradient-penalty', lambda: 0.1, oneSided: true }]);
    expect(user.trainer.dSteps).toBe(3);
    expect(user.optimizers.generator).toMatchObject({ kind: 'adam', lr: 2e-4, beta1: 0 });
    expect(user.sources['optimizers.generator.lr']).toBe('user');
    expect(user.sources['optimizers.generator.beta1']).toBe('preset:wgan-gp');
  });
});

describe('option validation', () => {
  it('λ < 0, c ≤ 0 and dSteps < 1 are ConfigErrors naming their paths', () => {
    const lambda = configError(
      tinyConfig({ preset: 'wgan-gp', regularizers: [{ kind: 'gradient-penalty', lambda: -1 }] }),
    );
    expect(lambda.issues.map((i) => i.path)).toEqual(['regularizers[0].lambda']);
    expect(lambda.message).toContain('regularizers[0].lambda');
    const c = configError(tinyConfig({ preset: 'wgan', hooks: [{ kind: 'weight-clipping', c: 0 }] }));
    expect(c.issues.map((i) => i.path)).toEqual(['hooks[0].c']);
    const dSteps = configError(tinyConfig({ preset: 'wgan', trainer: { dSteps: 0 } }));
    expect(dSteps.issues.map((i) => i.path)).toEqual(['trainer.dSteps']);
    const unknown = configError(
      tinyConfig({ regularizers: [{ kind: 'gradient-penalty', lamda: 1 } as never] }),
    );
    expect(unknown.issues[0].path).toMatch(/^regularizers\[0\]/);
    expect(unknown.message).toContain('lamda');
  });

  it('config blocks are type-checked once the plugin is imported (declaration merging)', () => {
    const ok: GanConfig = tinyConfig({
      regularizers: [{ kind: 'gradient-penalty', lambda: 0.1, oneSided: true }],
      hooks: [{ kind: 'weight-clipping', c: 0.02 }],
    });
    // @ts-expect-error lambda is a number
    const badLambda: GanConfig = tinyConfig({ regularizers: [{ kind: 'gradient-penalty', lambda: '10' }] });
    // @ts-expect-error c is a number
    const badC: GanConfig = tinyConfig({ hooks: [{ kind: 'weight-clipping', c: true }] });
    expect([ok, badLambda, badC]).toHaveLength(3);
  });
});

describe('wgan-gp in the trainer', () => {
  it('logs the Wasserstein estimate, the penalty and the interpolate gradient norm; no accuracy', async () => {
    const gan = await createGan(tinyConfig({ preset: 'wgan-gp' }), {
      plugins: [wganPlugin(), testingPlugin()],
    });
    const logs = gan.step();
    expect(Object.keys(logs)).toEqual(
      expect.arrayContaining([
        'wasserstein_estimate',
        'reg_gradient_penalty',
        'gradient_penalty_grad_norm',
        'd_loss',
      ]),
    );
    expect(logs).not.toHaveProperty('d_acc_real');
    expect(logs.d_loss).toBeCloseTo(logs.d_loss_real + logs.d_loss_fake + 10 * logs.reg_gradient_penalty, 4);
    expect(logs.wasserstein_estimate).toBeCloseTo(-(logs.d_loss_real + logs.d_loss_fake), 5);
    expect(logs.gradient_penalty_grad_norm).toBeGreaterThan(0);
    gan.dispose();
  });

  it('no tensor leak (steps 20, 70, 120)', async () => {
    const gan = await createGan(tinyConfig({ preset: 'wgan-gp' }), {
      plugins: [wganPlugin(), testingPlugin()],
    });
    const report = await expectNoTensorLeak(() => gan.step());
    console.log(`wgan-gp tensor counts: ${JSON.stringify(report.counts)}`);
    gan.dispose();
  });
});
