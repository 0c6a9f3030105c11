import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '@ganforge/core';
import { describe, expect, it } from 'vitest';
import { nativeKernelCalls } from './kernels/native-mat-mul.js';
import { loadAddon } from './addon.js';

const load = loadAddon();
const skipReason = load.ok ? '' : ` (SKIPPED: ${load.reason})`;
if (!load.ok) console.warn(`@ganforge/backend-native selection tests skipped: ${load.reason}`);

describe.skipIf(!load.ok)(`core's selectBackend with the addon built${skipReason}`, () => {
  it('auto picks wasm-native ahead of wasm (tfjs-node absent), and matmuls then run natively', async () => {
    const lines: string[] = [];
    const choice = await selectBackend('auto', { threads: 1, log: (m) => lines.push(m) });
    expect(choice).toMatchObject({
      name: 'wasm-native',
      requested: 'auto',
      package: '@ganforge/backend-native',
    });
    expect(choice.skipped.map((s) => s.name)).toEqual(['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node']);
    expect(lines[0]).toMatch(/^backend: wasm-native \(@ganforge\/backend-native\), requested auto/);
    expect(load.ok && load.addon.threads()).toBe(1);
    const before = nativeKernelCalls().batchMatMul;
    const y = tf.tidy(() => tf.matMul(tf.ones([4, 3]), tf.ones([3, 2])));
    expect(Array.from(await y.data())).toEqual(Array(8).fill(3));
    y.dispose();
    expect(nativeKernelCalls().batchMatMul).toBe(before + 1);
    // Selecting it again (by name now) is harmless.
    expect((await selectBackend('wasm-native')).name).toBe('wasm-native');
  });
});
