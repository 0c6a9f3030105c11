import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { installGradientFixes } from './install-gradient-fixes.js';
import { normals, relativeError, useBackend } from './test-helpers.js';
import { installWasmConvKernels } from './wasm-conv-kernels.js';

const X: [number, number, number, number] = [2, 8, 7, 3];
const W: [number, number, number, number] = [4, 4, 3, 5];
const Y: [number, number, number, number] = [2, 4, 4, 5];

function tensors() {
  return {
    x: tf.tensor(normals(2 * 8 * 7 * 3, 91), X) as tf.Tensor4D,
    w: tf.tensor(normals(4 * 4 * 3 * 5, 92, 0.5), W) as tf.Tensor4D,
    bias: tf.tensor(normals(5, 93)) as tf.Tensor1D,
    c: tf.tensor(normals(2 * 4 * 4 * 5, 94), Y) as tf.Tensor4D,
  };
}

/** dL/dx, dL/dw, dL/dbias for L = Σ fused.conv2d(x, w, s2 same, bias) ⊙ c (tf.layers' path). */
function fusedGradients(): Float32Array[] {
  const { x, w, bias, c } = tensors();
  const grads = tf.grads((xi: tf.Tensor, wi: tf.Tensor, bi: tf.Tensor) =>
    tf.sum(
      tf.mul(
        tf.fused.conv2d({
          x: xi as tf.Tensor4D,
          filter: wi as tf.Tensor4D,
          strides: 2,
          pad: 'same',
          bias: bi,
        }),
        c,
      ),
    ),
  )([x, w, bias]);
  const r = grads.map((g) => g.dataSync().slice() as Float32Array);
  tf.dispose([x, w, bias, c, ...grads]);
  return r;
}

/** Gradient penalty ‖∇ₓ Σ tanh(conv(x, w)) ⊙ c‖² differentiated in w, through `conv`. */
function penaltyGradient(conv: (x: tf.Tensor4D, w: tf.Tensor4D) => tf.Tensor): Float32Array {
  const { x, w, bias, c } = tensors();
  const g = tf.grad((wi: tf.Tensor) => {
    const gx = tf.grad((xi: tf.Tensor) =>
      tf.sum(tf.mul(tf.tanh(conv(xi as tf.Tensor4D, wi as tf.Tensor4D)), c)),
    )(x);
    return tf.sum(tf.square(gx));
  })(w);
  const r = g.dataSync().slice() as Float32Array;
  tf.dispose([x, w, bias, c, g]);
  return r;
}

describe('wasm convolution backprop kernels', () => {
  let cpuFused: Float32Array[] = [];

  beforeAll(async () => {
    await useBackend('cpu');
    cpuFused = fusedGradients();
    await useBackend('wasm');
    installGradientFixes();
  });

  it('registers Conv2DBackpropFilter (missing from wasm) idempotently', () => {
    const input = tf.getKernel('Conv2DBackpropInput', 'wasm').kernelFunc;
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
    expect(installWasmConvKernels()).toBe(true);
    expect(tf.getKernel('Conv2DBackpropInput', 'wasm').kernelFunc).toBe(input);
  });

  it('fused conv2d (the tf.layers path, which calls the backprop kernels directly) matches cpu', () => {
    const before = tf.memory().numTensors;
    const wasmFused = fusedGradients();
    expect(tf.memory().numTensors).toBe(before);
    const errors = wasmFused.map((g, i) => relativeError(g, cpuFused[i]));
    console.log(`[wasm] fused conv2d dx/dW/dbias vs cpu: ${errors.map((e) => e.toExponential(2)).join(' ')}`);
    for (const e of errors) expect(e).toBeLessThan(1e-5);
  });

  it('second order through the fused path equals the tf.conv2d path', () => {
    const viaFused = penaltyGradient((x, w) => tf.fused.conv2d({ x, filter: w, strides: 2, pad: 'same' }));
    const viaConv = penaltyGradient((x, w) => tf.conv2d(x, w, 2, 'same'));
    const e = relativeError(viaFused, viaConv);
    console.log(`[wasm] fused vs conv2d second order: ${e.toExponential(2)}`);
    expect(e).toBeLessThan(1e-5);
  });
});
