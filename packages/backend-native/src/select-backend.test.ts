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

  it('works again after tf.engine().reset() (which disposes every backend) once selected anew', async () => {
    await selectBackend('wasm-native');
    tf.engine().reset();
    expect((await selectBackend('wasm-native')).name).toBe('wasm-native');
    const before = nativeKernelCalls();
    const [product, sums, conv] = tf.tidy(() => [
      tf.matMul(tf.ones([2, 3]), tf.ones([3, 2])).arraySync(),
      tf.sum(tf.ones([4, 3]), 0).arraySync(),
      tf.conv2d(tf.ones([1, 4, 4, 2]) as tf.Tensor4D, tf.ones([3, 3, 2, 1]) as tf.Tensor4D, 1, 'valid').arraySync(),
    ]);
    expect(product).toEqual([
      [3, 3],
      [3, 3],
    ]);
    expect(sums).toEqual([4, 4, 4]);
    expect(conv).toEqual([[[[18], [18]], [[18], [18]]]]);
    const after = nativeKernelCalls();
    expect(after.batchMatMul - before.batchMatMul).toBe(1);
    expect(after.reduce - before.reduce).toBe(1);
    expect(after.conv2d - before.conv2d).toBe(1);
  });
});
