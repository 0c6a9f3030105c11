import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OptimizerSettings } from '../config/types.js';
import { ConfigError } from '../errors.js';
import type { BuildContext } from '../registry/component.js';
import type { Optimizer } from '../types/optimizer.js';
import { optimizerComponents } from './components.js';
import { optimizerFromSettings } from './from-settings.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const settings: OptimizerSettings = {
  kind: 'adam',
  lr: 2e-4,
  beta1: 0.5,
  beta2: 0.999,
  epsilon: 1e-8,
  momentum: 0,
  rho: 0.9,
};

/** One step on p = [1] with g = [1]: the parameter after it. */
function oneStep(opt: ReturnType<typeof optimizerFromSettings>): number {
  return tf.tidy(() => {
    const params = { p: tf.tensor([1]) };
    return opt.update({ p: tf.tensor([1]) }, opt.init(params), params).params.p.dataSync()[0];
  });
}

describe('optimizerFromSettings', () => {
  it('builds adam, sgd and rmsprop from resolved settings', () => {
    expect(optimizerFromSettings(settings).name).toBe('adam');
    // Adam's first step moves by lr·g/(|g| + ε) ≈ lr.
    expect(oneStep(optimizerFromSettings(settings))).toBeCloseTo(1 - 2e-4, 7);
    expect(oneStep(optimizerFromSettings({ ...settings, kind: 'sgd', lr: 0.1 }))).toBeCloseTo(0.9, 7);
    // RMSprop's first step: lr·g/√((1 − ρ)g² + ε) = 0.1/√0.1.
    expect(oneStep(optimizerFromSettings({ ...settings, kind: 'rmsprop', lr: 0.1 }))).toBeCloseTo(
      1 - 0.1 / Math.sqrt(0.1 + 1e-8),
      6,
    );
  });

  it('names the known kinds for an unknown one', () => {
    expect(() => optimizerFromSettings({ ...settings, kind: 'adagrad' })).toThrow(ConfigError);
    expect(() => optimizerFromSettings({ ...settings, kind: 'adagrad' })).toThrow(
      /unknown optimizer kind 'adagrad': core provides 'adam', 'sgd', 'rmsprop'/,
    );
  });
});

describe('optimizerComponents', () => {
  it('defines adam, sgd and rmsprop optimizer components whose schemas accept resolved settings', () => {
    const defs = optimizerComponents();
    expect(defs.map((d) => `${d.kind}:${d.name}`)).toEqual([
      'optimizer:adam',
      'optimizer:sgd',
      'optimizer:rmsprop',
    ]);
    const { kind: _kind, ...block } = settings;
    for (const def of defs) {
      expect(def.description.length).toBeGreaterThan(10);
      const parsed = def.options.parse(block);
      const opt = def.create(parsed, {} as BuildContext) as Optimizer;
      expect(opt.name).toBe(def.name);
    }
    const adamDef = defs[0];
    expect(adamDef.options.parse(block)).toEqual({ lr: 2e-4, beta1: 0.5, beta2: 0.999, epsilon: 1e-8 });
  });

  it('rejects invalid options with the field path', () => {
    const result = optimizerComponents()[0].options.safeParse({ lr: -1, beta1: 1 });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['beta1', 'lr']);
  });
});
