import * as tf from '@tensorflow/tfjs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BackendError } from '../errors.js';
import { selectBackend } from './select-backend.js';

// The fixes are another module's subject; here we check that selection calls them.
const { installGradientFixes, installWasmMatMulFix } = vi.hoisted(() => ({
  installGradientFixes: vi.fn(),
  installWasmMatMulFix: vi.fn(),
}));
vi.mock('../gradients/index.js', () => ({ installGradientFixes, installWasmMatMulFix }));
// This file is about tfjs' own backends: @ganforge/backend-native (tried before wasm by auto)
// reads as absent here; select-backend-native.test.ts and that package's tests cover it.
vi.mock('./optional-import.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./optional-import.js')>();
  return {
    importOptional: (spec: string) =>
      spec === '@ganforge/backend-native'
        ? Promise.resolve({ ok: false, reason: 'not installed' })
        : actual.importOptional(spec),
  };
});

const NODE_SKIPS = [
  { name: '@tensorflow/tfjs-node-gpu', reason: 'not installed' },
  { name: '@tensorflow/tfjs-node', reason: 'not installed' },
];

function wasmDir(): string {
  const require = createRequire(import.meta.url);
  return `${path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))}/`;
}

async function sum(): Promise<number[]> {
  const t = tf.tidy(() => tf.add(tf.tensor([1, 2]), tf.tensor([10, 20])));
  const v = Array.from(await t.data());
  t.dispose();
  return v;
}

beforeEach(() => {
  installGradientFixes.mockClear();
  installWasmMatMulFix.mockClear();
});

describe('selectBackend', () => {
  // First in the file: wasmPaths and threads only apply before wasm's first initialization.
  it('auto: skips tfjs-node-gpu and tfjs-node (not installed), picks wasm with wasmPaths, logs why', async () => {
    const lines: string[] = [];
    const choice = await selectBackend('auto', {
      wasmPaths: wasmDir(),
      threads: 1,
      log: (m) => lines.push(m),
    });
    expect(choice).toEqual({
      name: 'wasm',
      requested: 'auto',
      skipped: [...NODE_SKIPS, { name: '@ganforge/backend-native', reason: 'not installed' }],
      package: '@tensorflow/tfjs-backend-wasm',
    });
    expect(tf.getBackend()).toBe('wasm');
    expect(await sum()).toEqual([11, 22]);
    expect(lines).toEqual([
      'backend: wasm (@tensorflow/tfjs-backend-wasm), requested auto; skipped @tensorflow/tfjs-node-gpu: not installed; @tensorflow/tfjs-node: not installed; @ganforge/backend-native: not installed',
    ]);
    expect(installGradientFixes).toHaveBeenCalledTimes(1);
    expect(installWasmMatMulFix).toHaveBeenCalledTimes(1);
  });

  it('cpu: selects cpu, installs the gradient fixes but not the wasm matmul fix', async () => {
    const choice = await selectBackend('cpu');
    expect(choice).toStrictEqual({ name: 'cpu', requested: 'cpu', skipped: [] });
    expect(tf.getBackend()).toBe('cpu');
    expect(await sum()).toEqual([11, 22]);
    expect(installGradientFixes).toHaveBeenCalledTimes(1);
    expect(installWasmMatMulFix).not.toHaveBeenCalled();
  });

  it('wasm: selects wasm by name; a second call is harmless and says options come too late', async () => {
    const lines: string[] = [];
    expect(await selectBackend('wasm')).toStrictEqual({
      name: 'wasm',
      requested: 'wasm',
      skipped: [],
      package: '@tensorflow/tfjs-backend-wasm',
    });
    expect((await selectBackend('wasm', { threads: 2, log: (m) => lines.push(m) })).name).toBe('wasm');
    expect(lines[0]).toBe(
      'backend: wasm is already initialized; wasmPaths/threads apply only before its first use',
    );
    expect(await sum()).toEqual([11, 22]);
    expect(installWasmMatMulFix).toHaveBeenCalledTimes(2);
  });

  it('is idempotent: cpu twice keeps working tensors', async () => {
    await selectBackend('cpu');
    const kept = tf.tensor([3, 4]);
    await selectBackend('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(Array.from(await kept.data())).toEqual([3, 4]);
    kept.dispose();
  });

  it("explicit 'tensorflow' without tfjs-node is a BackendError saying what to install", async () => {
    const err = await selectBackend('tensorflow').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackendError);
    expect((err as Error).message).toBe(
      "backend 'tensorflow' is not available (@tensorflow/tfjs-node-gpu: not installed; @tensorflow/tfjs-node: not installed): " +
        'npm i @tensorflow/tfjs-node (or @tensorflow/tfjs-node-gpu for CUDA), the same version as @tensorflow/tfjs',
    );
    expect(installGradientFixes).not.toHaveBeenCalled();
  });

  it('webgl and webgpu outside a browser are BackendErrors with the remedy', async () => {
    await expect(selectBackend('webgl')).rejects.toThrow(
      /backend 'webgl' is not available \(webgl: not available here.*\): run in a browser with WebGL/,
    );
    await expect(selectBackend('webgpu')).rejects.toThrow(
      /@tensorflow\/tfjs-backend-webgpu: not installed\): npm i @tensorflow\/tfjs-backend-webgpu/,
    );
    await expect(selectBackend('metal' as never)).rejects.toThrow(/unknown backend 'metal'/);
  });

  it('prints nothing by default', async () => {
    const spies = (['log', 'info', 'error'] as const).map((k) =>
      vi.spyOn(console, k).mockImplementation(() => {}),
    );
    await selectBackend('auto');
    await selectBackend('cpu');
    for (const s of spies) {
      expect(s).not.toHaveBeenCalled();
      s.mockRestore();
    }
  });
});
