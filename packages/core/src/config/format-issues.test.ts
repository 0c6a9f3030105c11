import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError } from '../errors.js';
import { closestMatch } from './closest-match.js';
import { describeValue } from './describe-value.js';
import { configErrorFromIssues, formatZodIssues } from './format-issues.js';
import { formatPath, joinPath, valueAt } from './issue-path.js';

describe('formatPath', () => {
  it.each<[PropertyKey[], string]>([
    [[], ''],
    [['seed'], 'seed'],
    [['regularizers', 0, 'weight'], 'regularizers[0].weight'],
    [['optimizers', 'generator', 'lr'], 'optimizers.generator.lr'],
    [['metrics', 2], 'metrics[2]'],
    [['data', 'my key'], 'data["my key"]'],
    [['data', 'image-folder'], 'data.image-folder'],
  ])('%j → %s', (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });

  it('joins a base and a relative path', () => {
    expect(joinPath('regularizers[0]', 'weight')).toBe('regularizers[0].weight');
    expect(joinPath('generator', '[1]')).toBe('generator[1]');
    expect(joinPath('', 'seed')).toBe('seed');
  });

  it('reads values along a path without throwing', () => {
    expect(valueAt({ a: [{ b: 3 }] }, ['a', 0, 'b'])).toBe(3);
    expect(valueAt({ a: null }, ['a', 'b'])).toBeUndefined();
    expect(valueAt({}, ['toString'])).toBeUndefined();
  });
});

describe('describeValue', () => {
  it.each<[unknown, string]>([
    [undefined, 'nothing (the field is missing)'],
    [null, 'null'],
    [-0.5, 'number -0.5'],
    [NaN, 'NaN'],
    [-Infinity, '-Infinity'],
    ['ten', 'string "ten"'],
    ['a'.repeat(40), `string "${'a'.repeat(32)}…"`],
    [true, 'boolean true'],
    [[], 'array []'],
    [[1, 2, 3, 4, 5, 6], 'array [1, 2, 3, 4, …]'],
    [{}, 'object {}'],
    [{ kind: 'r1', weight: 'x' }, 'object { kind: "r1", weight: "x" }'],
    [12n, 'bigint 12n'],
  ])('%s → %s', (value, expected) => {
    expect(describeValue(value)).toBe(expected);
  });

  it('truncates long previews to 60 characters', () => {
    const text = describeValue({ alpha: 'x'.repeat(30), beta: 'y'.repeat(30), gamma: 1 });
    expect(text.length).toBeLessThanOrEqual('object '.length + 60);
    expect(text.endsWith('…')).toBe(true);
  });
});

describe('formatZodIssues', () => {
  const schema = z.strictObject({
    regularizers: z.array(z.looseObject({ kind: z.string(), weight: z.number().positive().optional() })),
    rate: z.number().min(0).lt(1).optional(),
    mode: z.enum(['a', 'b']).optional(),
  });

  it('gives dotted paths and "expected …, found …" messages', () => {
    const input = {
      regularizers: [{ kind: 'r1' }, { kind: 'r1', weight: 'ten' }],
      rate: 1,
      mode: 'c',
      rat: 2,
    };
    const parsed = schema.safeParse(input);
    expect(parsed.success).toBe(false);
    const issues = formatZodIssues(parsed.error!.issues, { input, schema });
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'regularizers[1].weight', message: 'expected a number > 0, found string "ten"' },
        { path: 'rate', message: 'expected a number >= 0 and < 1, found number 1' },
        { path: 'mode', message: 'expected one of "a", "b", found string "c"' },
        {
          path: 'rat',
          message: 'expected a known key (did you mean "rate"?), found unknown key "rat" with number 2',
        },
      ]),
    );
    expect(issues).toHaveLength(4);
  });

  it('prefixes a base path and appends a note', () => {
    const optionSchema = z.strictObject({ weight: z.number() });
    const input = { weight: null };
    const parsed = optionSchema.safeParse(input);
    const issues = formatZodIssues(parsed.error!.issues, {
      input,
      schema: optionSchema,
      basePath: 'regularizers[0]',
      note: '(from preset "x")',
    });
    expect(issues).toEqual([
      { path: 'regularizers[0].weight', message: 'expected a number, found null (from preset "x")' },
    ]);
  });

  it('makes one ConfigError listing every issue', () => {
    const error = configErrorFromIssues([
      { path: '', message: 'expected a config object, found null' },
      { path: 'seed', message: 'expected an integer >= 0, found number -1' },
    ]);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toBe(
      'Invalid GANForge config (2 problems):\n  - (config): expected a config object, found null\n  - seed: expected an integer >= 0, found number -1',
    );
    expect(error.issues).toHaveLength(2);
  });
});

describe('closestMatch', () => {
  it('suggests likely typos only', () => {
    expect(closestMatch('batchsize', ['batchSize', 'steps'])).toBe('batchSize');
    expect(closestMatch('wieght', ['weight', 'kind'])).toBe('weight');
    expect(closestMatch('colour', ['seed', 'data', 'steps'])).toBeUndefined();
  });
});
