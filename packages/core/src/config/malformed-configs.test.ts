import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { fixtureRegistry } from '../registry/fixtures/test-components.js';
import { resolveConfig } from './resolve-config.js';

const valid = () => ({
  data: { kind: 'ring' },
  generator: { kind: 'mlp' },
  discriminator: { kind: 'mlp' },
});
const withField = (extra: Record<string, unknown>) => ({ ...valid(), ...extra });

const cyclic: Record<string, unknown> = { a: 1 };
cyclic.self = cyclic;

const throwingGetter = valid() as Record<string, unknown>;
Object.defineProperty(throwingGetter, 'seed', {
  enumerable: true,
  get() {
    throw new TypeError('boom');
  },
});

interface Case {
  name: string;
  input: unknown;
  path: string;
  message?: string | RegExp;
}

const cases: Case[] = [
  { name: 'null', input: null, path: '', message: 'expected a config object, found null' },
  { name: 'undefined', input: undefined, path: '', message: 'found nothing' },
  {
    name: 'an array',
    input: [valid()],
    path: '',
    message: 'found array [{ data: {…}, generator: {…}, discriminator: {…} }]',
  },
  { name: 'a string', input: 'config.json', path: '', message: 'found string "config.json"' },
  { name: 'a number', input: 42, path: '', message: 'found number 42' },
  { name: 'NaN', input: NaN, path: '', message: 'found NaN' },
  { name: 'Infinity', input: Infinity, path: '', message: 'found Infinity' },
  { name: 'a boolean', input: true, path: '', message: 'found boolean true' },
  {
    name: 'an empty object (data missing)',
    input: {},
    path: 'data',
    message: 'expected an object, found nothing (the field is missing)',
  },
  {
    name: 'generator missing',
    input: { data: { kind: 'ring' }, discriminator: { kind: 'mlp' } },
    path: 'generator',
  },
  {
    name: 'data as a string',
    input: withField({ data: 'ring' }),
    path: 'data',
    message: 'found string "ring"',
  },
  {
    name: 'data without kind',
    input: withField({ data: { modes: 8 } }),
    path: 'data.kind',
    message: 'expected a string, found nothing',
  },
  {
    name: 'data kind a number',
    input: withField({ data: { kind: 5 } }),
    path: 'data.kind',
    message: 'found number 5',
  },
  {
    name: 'data kind empty',
    input: withField({ data: { kind: '' } }),
    path: 'data.kind',
    message: 'expected a non-empty string',
  },
  {
    name: 'data kind misspelt',
    input: withField({ data: { kind: 'rings' } }),
    path: 'data.kind',
    message: 'Did you mean "ring"?',
  },
  {
    name: 'unknown top-level key close to a known one',
    input: withField({ batchsize: 32 }),
    path: 'batchsize',
    message: 'did you mean "batchSize"?',
  },
  {
    name: 'unknown top-level key',
    input: withField({ colour: 'red' }),
    path: 'colour',
    message: /expected one of the known keys \(seed, backend, data/,
  },
  {
    name: 'negative seed',
    input: withField({ seed: -1 }),
    path: 'seed',
    message: 'expected an integer >= 0 and <= 4294967295, found number -1',
  },
  { name: 'fractional seed', input: withField({ seed: 1.5 }), path: 'seed', message: 'found number 1.5' },
  { name: 'NaN seed', input: withField({ seed: NaN }), path: 'seed', message: 'found NaN' },
  { name: 'infinite steps', input: withField({ steps: Infinity }), path: 'steps', message: 'found Infinity' },
  {
    name: 'unknown backend',
    input: withField({ backend: 'gpu' }),
    path: 'backend',
    message: 'expected one of "auto", "cpu", "wasm"',
  },
  {
    name: 'very long backend',
    input: withField({ backend: 'x'.repeat(500) }),
    path: 'backend',
    message: `found string "${'x'.repeat(32)}…"`,
  },
  {
    name: 'zero batch size',
    input: withField({ batchSize: 0 }),
    path: 'batchSize',
    message: 'expected an integer > 0, found number 0',
  },
  {
    name: 'batch size as a string',
    input: withField({ batchSize: '64' }),
    path: 'batchSize',
    message: 'found string "64"',
  },
  { name: 'negative steps', input: withField({ steps: -10 }), path: 'steps' },
  { name: 'null latentDim', input: withField({ latentDim: null }), path: 'latentDim', message: 'found null' },
  {
    name: 'negative learning rate',
    input: withField({ optimizers: { generator: { lr: -0.001 } } }),
    path: 'optimizers.generator.lr',
    message: 'expected a number > 0, found number -0.001',
  },
  {
    name: 'zero learning rate',
    input: withField({ optimizers: { discriminator: { lr: 0 } } }),
    path: 'optimizers.discriminator.lr',
  },
  {
    name: 'beta1 of 1',
    input: withField({ optimizers: { discriminator: { beta1: 1 } } }),
    path: 'optimizers.discriminator.beta1',
    message: 'expected a number >= 0 and < 1, found number 1',
  },
  {
    name: 'negative beta2',
    input: withField({ optimizers: { generator: { beta2: -0.1 } } }),
    path: 'optimizers.generator.beta2',
  },
  {
    name: 'zero epsilon',
    input: withField({ optimizers: { generator: { epsilon: 0 } } }),
    path: 'optimizers.generator.epsilon',
  },
  {
    name: 'negative momentum',
    input: withField({ optimizers: { generator: { momentum: -1 } } }),
    path: 'optimizers.generator.momentum',
  },
  {
    name: 'rho of 1',
    input: withField({ optimizers: { generator: { rho: 1 } } }),
    path: 'optimizers.generator.rho',
    message: 'expected a number > 0 and < 1',
  },
  {
    name: 'unknown optimizer setting',
    input: withField({ optimizers: { generator: { learningRate: 1e-3 } } }),
    path: 'optimizers.generator.learningRate',
    message: '(kind, lr, beta1',
  },
  { name: 'unknown optimizers key', input: withField({ optimizers: { gen: {} } }), path: 'optimizers.gen' },
  {
    name: 'optimizers as an array',
    input: withField({ optimizers: [] }),
    path: 'optimizers',
    message: 'expected an object, found array []',
  },
  {
    name: 'unknown optimizer kind',
    input: withField({ optimizers: { generator: { kind: 'lamb' } } }),
    path: 'optimizers.generator.kind',
    message: 'Registered optimizers: adam, rmsprop, sgd',
  },
  { name: 'zero dSteps', input: withField({ trainer: { dSteps: 0 } }), path: 'trainer.dSteps' },
  {
    name: 'fractional dSteps',
    input: withField({ trainer: { dSteps: 2.5 } }),
    path: 'trainer.dSteps',
    message: 'expected an integer > 0, found number 2.5',
  },
  { name: 'trainer as a string', input: withField({ trainer: 'default' }), path: 'trainer' },
  {
    name: 'trainer from an absent plugin',
    input: withField({ trainer: { kind: 'unrolled' } }),
    path: 'trainer.kind',
    message: 'npm i @ganforge/plugin-unrolled and add unrolledPlugin() to plugins',
  },
  {
    name: 'unknown trainer option',
    input: withField({ trainer: { unrollSteps: 5 } }),
    path: 'trainer.unrollSteps',
  },
  {
    name: 'checkpoint keep 0',
    input: withField({ checkpoint: { keep: 0 } }),
    path: 'checkpoint.keep',
    message: 'expected an integer >= 1',
  },
  {
    name: 'negative checkpoint cadence',
    input: withField({ checkpoint: { every: -1 } }),
    path: 'checkpoint.every',
  },
  {
    name: 'unknown checkpoint key',
    input: withField({ checkpoint: { dir: 'runs' } }),
    path: 'checkpoint.dir',
  },
  { name: 'zero logEvery', input: withField({ logEvery: 0 }), path: 'logEvery' },
  {
    name: 'regularizers not an array',
    input: withField({ regularizers: { kind: 'r1' } }),
    path: 'regularizers',
    message: 'expected an array, found object { kind: "r1" }',
  },
  { name: 'null regularizer', input: withField({ regularizers: [null] }), path: 'regularizers[0]' },
  {
    name: 'regularizer without kind',
    input: withField({ regularizers: [{ weight: 1 }] }),
    path: 'regularizers[0].kind',
  },
  {
    name: 'negative regularizer weight',
    input: withField({ regularizers: [{ kind: 'r1', weight: -1 }] }),
    path: 'regularizers[0].weight',
    message: 'found number -1',
  },
  {
    name: 'misspelt regularizer option',
    input: withField({ regularizers: [{ kind: 'r1', wieght: 1 }] }),
    path: 'regularizers[0].wieght',
    message: 'did you mean "weight"?',
  },
  {
    name: 'a loss used as a regularizer',
    input: withField({ regularizers: [{ kind: 'wasserstein' }] }),
    path: 'regularizers[0].kind',
    message: '"wasserstein" is a loss, not a regularizer',
  },
  {
    name: 'wrong hook option type',
    input: withField({ hooks: [{ kind: 'weight-clipping', clip: 'small' }] }),
    path: 'hooks[0].clip',
    message: 'found string "small"',
  },
  {
    name: 'nested wrong element',
    input: withField({ generator: { kind: 'mlp', hidden: [32, -1] } }),
    path: 'generator.hidden[1]',
  },
  {
    name: 'nested wrong type',
    input: withField({ discriminator: { kind: 'mlp', hidden: '32' } }),
    path: 'discriminator.hidden',
    message: 'expected an array',
  },
  {
    name: 'unknown enum option',
    input: withField({ generator: { kind: 'mlp', activation: 'gelu' } }),
    path: 'generator.activation',
    message: 'one of "relu", "leaky-relu", "tanh"',
  },
  {
    name: 'NaN option',
    input: withField({ loss: { kind: 'non-saturating', labelSmoothing: NaN } }),
    path: 'loss.labelSmoothing',
    message: 'found NaN',
  },
  {
    name: 'loss from an absent package',
    input: withField({ loss: { kind: 'hinge' } }),
    path: 'loss.kind',
    message: 'npm i @ganforge/losses and add lossesPlugin() to plugins',
  },
  {
    name: 'unknown preset',
    input: withField({ preset: 'wgan' }),
    path: 'preset',
    message: 'Registered presets: wgan-gp.',
  },
  {
    name: 'misspelt preset',
    input: withField({ preset: 'wgn-gp' }),
    path: 'preset',
    message: 'Did you mean "wgan-gp"?',
  },
  { name: 'preset as a number', input: withField({ preset: 5 }), path: 'preset' },
  {
    name: 'negative metric cadence',
    input: withField({ metrics: [{ kind: 'mode-coverage', every: -1 }] }),
    path: 'metrics[0].every',
  },
  {
    name: 'metric from an absent package',
    input: withField({ metrics: [{ kind: 'mmd' }] }),
    path: 'metrics[0].kind',
    message: '@ganforge/metrics',
  },
  {
    name: 'bad metric option',
    input: withField({ metrics: [{ kind: 'mode-coverage', samples: 0 }] }),
    path: 'metrics[0].samples',
  },
  { name: 'plugins as a string', input: withField({ plugins: '@ganforge/losses' }), path: 'plugins' },
  { name: 'plugins with a number', input: withField({ plugins: [1] }), path: 'plugins[0]' },
  {
    name: 'deeply wrong option shape',
    input: withField({ data: { kind: 'ring', modes: { a: { b: [1, 2, 3] } } } }),
    path: 'data.modes',
    message: 'found object { a: { b: […] } }',
  },
  {
    name: 'cyclic option value',
    input: withField({ data: { kind: 'ring', radius: cyclic } }),
    path: 'data.radius',
    message: 'found object { a: 1, self: { a: 1, self: {…} } }',
  },
  { name: 'a throwing getter', input: throwingGetter, path: '', message: 'boom' },
  {
    name: 'a __proto__ key from JSON',
    input: { ...valid(), ...JSON.parse('{"__proto__": {"seed": 1}}') },
    path: '__proto__',
  },
];

describe('resolveConfig rejects malformed configs with a ConfigError', () => {
  it('has 30 or more cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('$name → $path', ({ input, path, message }) => {
    let thrown: unknown;
    try {
      resolveConfig(input, fixtureRegistry());
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    const error = thrown as ConfigError;
    expect(error.issues[0].path).toBe(path);
    expect(error.message).not.toMatch(/TypeError|ReferenceError|RangeError|\n\s+at /);
    expect(error.message).toContain(`${path === '' ? '(config)' : path}: `);
    if (message !== undefined) expect(error.issues[0].message).toMatch(message);
  });
});

describe('resolveConfig never throws anything but a ConfigError', () => {
  const garbage: unknown[] = [
    null,
    undefined,
    NaN,
    -Infinity,
    0,
    -1,
    1e308,
    '',
    'x',
    true,
    [],
    [null],
    {},
    { kind: 7 },
    { kind: 'ring', extra: [] },
    cyclic,
    () => 1,
    Symbol('s'),
    10n,
  ];
  const paths: string[][] = [
    [],
    ['data'],
    ['data', 'kind'],
    ['data', 'modes'],
    ['generator'],
    ['generator', 'hidden'],
    ['loss'],
    ['preset'],
    ['regularizers'],
    ['hooks'],
    ['trainer'],
    ['trainer', 'kind'],
    ['trainer', 'dSteps'],
    ['optimizers'],
    ['optimizers', 'generator'],
    ['optimizers', 'generator', 'lr'],
    ['checkpoint'],
    ['metrics'],
    ['plugins'],
    ['seed'],
  ];

  it('for every garbage value at every path of a valid config', () => {
    let rejected = 0;
    for (const path of paths) {
      for (const value of garbage) {
        const config: Record<string, unknown> = {
          ...valid(),
          preset: 'wgan-gp',
          optimizers: { generator: {} },
          trainer: {},
        };
        let target = config;
        for (const key of path.slice(0, -1)) {
          target[key] = { ...(target[key] as object) };
          target = target[key] as Record<string, unknown>;
        }
        const input = path.length === 0 ? value : ((target[path[path.length - 1]] = value), config);
        try {
          resolveConfig(input, fixtureRegistry());
        } catch (error) {
          expect(
            error,
            `${path.join('.')} = ${String(typeof value === 'symbol' ? 'symbol' : value)}`,
          ).toBeInstanceOf(ConfigError);
          expect((error as ConfigError).issues.length).toBeGreaterThan(0);
          expect((error as ConfigError).message).not.toMatch(/TypeError|\n\s+at /);
          rejected++;
        }
      }
    }
    expect(rejected).toBeGreaterThan(paths.length * garbage.length * 0.8);
  });
});
