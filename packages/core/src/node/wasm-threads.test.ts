import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BackendError } from '../errors.js';
import { defaultWasmThreads, useWasmThreads } from './wasm-threads.js';

const run = promisify(execFile);
const worker = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'wasm-threads-worker.ts');

async function train(threads: number): Promise<{ backend: string; threads: number; digest: string }> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', '--conditions=@ganforge/source', worker, String(threads)],
    { timeout: 60_000 },
  );
  return JSON.parse(stdout.trim().split('\n').pop() as string);
}

describe('useWasmThreads (Node)', () => {
  it('runs tfjs wasm with 2 XNNPACK threads, bit-identical to 1 thread, and the process ends by itself', async () => {
    const [one, two] = await Promise.all([train(1), train(2)]);
    expect(one).toMatchObject({ backend: 'wasm', threads: 1 });
    expect(two).toMatchObject({ backend: 'wasm', threads: 2 });
    expect(two.digest).toBe(one.digest);
  });

  it('rejects a bad thread count, naming what was expected', async () => {
    await expect(useWasmThreads(0)).rejects.toThrow(
      new BackendError('useWasmThreads: expected threads to be a whole number ≥ 1, found 0'),
    );
    expect(await useWasmThreads(1)).toEqual({ enabled: false, requested: 1, reason: 'one thread asked for' });
  });

  it('reads GANFORGE_WASM_THREADS, and refuses a malformed value', () => {
    const saved = process.env.GANFORGE_WASM_THREADS;
    try {
      process.env.GANFORGE_WASM_THREADS = '3';
      expect(defaultWasmThreads()).toBe(3);
      process.env.GANFORGE_WASM_THREADS = 'two';
      expect(() => defaultWasmThreads()).toThrow(
        'GANFORGE_WASM_THREADS: expected a whole number ≥ 1, found "two"',
      );
      delete process.env.GANFORGE_WASM_THREADS;
      expect(defaultWasmThreads()).toBeGreaterThanOrEqual(1);
      expect(defaultWasmThreads()).toBeLessThanOrEqual(4);
    } finally {
      if (saved === undefined) delete process.env.GANFORGE_WASM_THREADS;
      else process.env.GANFORGE_WASM_THREADS = saved;
    }
  });
});
