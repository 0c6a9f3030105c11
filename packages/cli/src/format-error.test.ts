import { ConfigError, TrainingError } from '@ganforge/core';
import { describe, expect, it } from 'vitest';
import { EXIT_CODES, exitCodeOf } from './exit-codes.js';
import { formatError } from './format-error.js';

describe('error messages and exit codes', () => {
  it('lists config issues by path, with the CLI way to add a plugin', () => {
    const message =
      'trainer "unrolled" is not registered. Registered trainers: default. It is provided by @ganforge/plugin-unrolled: npm i @ganforge/plugin-unrolled and add unrolledPlugin() to plugins.';
    const text = formatError(
      new ConfigError(`trainer.kind: ${message}`, 'trainer.kind', [{ path: 'trainer.kind', message }]),
      'x.yaml',
    );
    expect(text).toBe(
      'config error in x.yaml:\n  - trainer.kind: trainer "unrolled" is not registered. Registered trainers: default. It is provided by @ganforge/plugin-unrolled: npm i @ganforge/plugin-unrolled and add "@ganforge/plugin-unrolled" to the config\'s plugins: list.',
    );
  });

  it('maps error codes to exit codes', () => {
    expect(exitCodeOf(new ConfigError('bad', 'seed'))).toBe(EXIT_CODES.config);
    expect(exitCodeOf(new TrainingError('NaN', 3, 'g_loss'))).toBe(EXIT_CODES.diverged);
    expect(exitCodeOf(new TypeError('x'))).toBe(EXIT_CODES.internal);
    expect(EXIT_CODES.config).toBe(2);
    expect(EXIT_CODES.interrupted).toBe(130);
  });
});
