import * as tf from '@tensorflow/tfjs';
import { describe, expect, it, vi } from 'vitest';
import { BackendError } from '../errors.js';
import { selectBackend } from './select-backend.js';

vi.mock('../gradients/index.js', () => ({ installGradientFixes: vi.fn(), installWasmMatMulFix: vi.fn() }));
// Simulates a machine without the wasm package and with a broken tfjs-node binding.
vi.mock('./optional-import.js', () => ({
  importOptional: vi.fn(async (spec: string) =>
    spec === '@tensorflow/tfjs-node'
      ? { ok: false, reason: 'failed to load: libtensorflow.so.2: cannot open shared object file' }
      : { ok: false, reason: 'not installed' },
  ),
}));

describe('selectBackend without the optional packages', () => {
  it('auto falls back to cpu and reports every skip with its reason', async () => {
    const choice = await selectBackend('auto');
    expect(choice).toEqual({
      name: 'cpu',
      requested: 'auto',
      skipped: [
        { name: '@tensorflow/tfjs-node-gpu', reason: 'not installed' },
        {
          name: '@tensorflow/tfjs-node',
          reason: 'failed to load: libtensorflow.so.2: cannot open shared object file',
        },
        { name: '@ganforge/backend-native', reason: 'not installed' },
        { name: '@tensorflow/tfjs-backend-wasm', reason: 'not installed' },
      ],
    });
    expect(tf.getBackend()).toBe('cpu');
  });

  it('an explicit wasm request is a BackendError naming the package to install', async () => {
    const err = await selectBackend('wasm').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackendError);
    expect((err as Error).message).toBe(
      "backend 'wasm' is not available (@tensorflow/tfjs-backend-wasm: not installed): npm i @tensorflow/tfjs-backend-wasm, the same version as @tensorflow/tfjs",
    );
  });
});
