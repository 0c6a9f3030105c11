import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { nativeKernelCalls } from './kernels/native-mat-mul.js';
import { NATIVE_BACKEND, registerNativeBackend } from './register-native-backend.js';

const status = await registerNativeBackend();
const skipReason = status.ok ? '' : ` (SKIPPED: ${status.reason})`;

describe.skipIf(!status.ok)(`the wasm heap growing during a native kernel${skipReason}`, () => {
  it('re-reads the heap after allocating the output (a 64 MiB output grows it)', async () => {
    await tf.setBackend(NATIVE_BACKEND);
    const wasm = tf.findBackend('wasm') as unknown as { wasm: { HEAPU8: Uint8Array } };
    const before = wasm.wasm.HEAPU8.buffer.byteLength;
    const a = tf.fill([4096, 1], 2);
    const b = tf.fill([1, 4096], 3);
    const calls = nativeKernelCalls().batchMatMul;
    const y = tf.matMul(a, b);
    expect(nativeKernelCalls().batchMatMul).toBe(calls + 1);
    expect(wasm.wasm.HEAPU8.buffer.byteLength).toBeGreaterThan(before);
    const values = await y.data();
    expect(values.length).toBe(4096 * 4096);
    expect(values.every((v) => v === 6)).toBe(true);
    tf.dispose([a, b, y]);
  });
});
