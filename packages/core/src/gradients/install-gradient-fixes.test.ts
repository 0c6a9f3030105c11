import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { installGradientFixes } from './install-gradient-fixes.js';
import { normals, relativeError } from './test-helpers.js';
import { installWasmConvKernels } from './wasm-conv-kernels.js';
import { installWasmMatMulFix } from './wasm-matmul.js';

// One file, one module state: this file must not import the wasm backend at its top level.
describe('installGradientFixes', () => {
  it('is idempotent and does nothing to wasm before wasm is imported; wrapped kernels keep their setup', async () => {
    await tf.setBackend('cpu');
    installGradientFixes();
    const tanhGrad = tf.getGradient('Tanh');
    installGradientFixes();
    expect(tf.getGradient('Tanh')).toBe(tanhGrad);
    expect(tanhGrad.inputsToSave).toEqual(['x']);
    expect(tf.getKernel('BatchMatMul', 'wasm')).toBeUndefined();
    expect(installWasmMatMulFix()).toBe(false);
    expect(installWasmConvKernels()).toBe(false);

    const a = normals(6 * 4, 1);
    const b = normals(5 * 4, 2);
    const cpu = tf.tidy(() =>
      tf
        .matMul(tf.tensor(a, [6, 4]), tf.tensor(b, [5, 4]), false, true)
        .dataSync()
        .slice(),
    );

    // Registered after the call, and before the backend initializes: selectBackend's order.
    await import('@tensorflow/tfjs-backend-wasm');
    const stock = tf.getKernel('BatchMatMul', 'wasm').kernelFunc;
    expect(installWasmMatMulFix()).toBe(true);
    expect(installWasmConvKernels()).toBe(true);
    expect(tf.getKernel('BatchMatMul', 'wasm').kernelFunc).not.toBe(stock);
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
    await tf.setBackend('wasm');
    await tf.ready();
    const wasm = tf.tidy(() =>
      tf
        .matMul(tf.tensor(a, [6, 4]), tf.tensor(b, [5, 4]), false, true)
        .dataSync()
        .slice(),
    );
    expect(relativeError(wasm, cpu)).toBeLessThan(1e-6);
  });
});
