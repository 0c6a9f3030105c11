import * as tf from '@tensorflow/tfjs';
import { describe, expect, it, vi } from 'vitest';
import { BackendError } from '../errors.js';
import { selectBackend } from './select-backend.js';

vi.mock('../gradients/index.js', () => ({ installGradientFixes: vi.fn(), installWasmMatMulFix: vi.fn() }));
const NOT_BUILT =
  'native addon not built (run `npm run build:native`; it needs OpenBLAS, e.g. Debian libopenblas-dev, and a C compiler)';
const registerNativeBackend = vi.fn(async (_opts: { threads?: number }) => ({
  ok: false,
  reason: NOT_BUILT,
}));
// Simulates a machine where @ganforge/backend-native is installed but its addon could not be
// built (no OpenBLAS), and neither tfjs-node nor wasm is installed.
vi.mock('./optional-import.js', () => ({
  importOptional: vi.fn(async (spec: string) =>
    spec === '@ganforge/backend-native'
      ? { ok: true, module: { registerNativeBackend } }
      : { ok: false, reason: 'not installed' },
  ),
}));

describe('selectBackend with @ganforge/backend-native unusable', () => {
  it('auto tries wasm-native before wasm, passes threads on, and reports why it was skipped', async () => {
    const choice = await selectBackend('auto', { threads: 2 });
    expect(choice).toEqual({
      name: 'cpu',
      requested: 'auto',
      skipped: [
        { name: '@tensorflow/tfjs-node-gpu', reason: 'not installed' },
        { name: '@tensorflow/tfjs-node', reason: 'not installed' },
        { name: '@ganforge/backend-native', reason: NOT_BUILT },
        { name: '@tensorflow/tfjs-backend-wasm', reason: 'not installed' },
      ],
    });
    expect(registerNativeBackend).toHaveBeenCalledWith({ threads: 2 });
    expect(tf.getBackend()).toBe('cpu');
  });

  it('an explicit wasm-native request is a BackendError saying why and what to install', async () => {
    const err = await selectBackend('wasm-native').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackendError);
    expect((err as Error).message).toBe(
      `backend 'wasm-native' is not available (@ganforge/backend-native: ${NOT_BUILT}): npm i @ganforge/backend-native @tensorflow/tfjs-backend-wasm with OpenBLAS installed (Debian: apt install libopenblas-dev), then npm run build:native in it if it reports it was not built`,
    );
  });
});
