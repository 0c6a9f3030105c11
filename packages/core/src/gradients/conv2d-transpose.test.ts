import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConvPad } from './conv-geometry.js';
import { conv2dTranspose } from './conv2d-transpose.js';
import { installGradientFixes } from './install-gradient-fixes.js';
import {
  TEST_BACKENDS,
  finiteDifferenceGradient,
  normals,
  relativeError,
  useBackend,
} from './test-helpers.js';

interface TransposeCase {
  name: string;
  x: [number, number, number, number];
  w: [number, number, number, number];
  out: [number, number, number, number];
  strides: number;
  pad: ConvPad;
}

const CASES: TransposeCase[] = [
  { name: 'k4 s2 same 4→8', x: [2, 4, 4, 4], w: [4, 4, 3, 4], out: [2, 8, 8, 3], strides: 2, pad: 'same' },
  { name: 'k3 s1 same', x: [2, 5, 6, 3], w: [3, 3, 2, 3], out: [2, 5, 6, 2], strides: 1, pad: 'same' },
  {
    name: 'k3 s2 valid 4→9 (odd)',
    x: [2, 4, 4, 3],
    w: [3, 3, 2, 3],
    out: [2, 9, 9, 2],
    strides: 2,
    pad: 'valid',
  },
  { name: 'k5 s3 same 3→9', x: [1, 3, 3, 2], w: [5, 5, 3, 2], out: [1, 9, 9, 3], strides: 3, pad: 'same' },
  {
    name: 'k4 s2 same 3→5 (odd output)',
    x: [2, 3, 3, 2],
    w: [4, 4, 2, 2],
    out: [2, 5, 5, 2],
    strides: 2,
    pad: 'same',
  },
];

const size = (s: number[]) => s.reduce((a, b) => a * b, 1);

function tensors(c: TransposeCase) {
  return {
    x: tf.tensor(normals(size(c.x), 51), c.x) as tf.Tensor4D,
    w: tf.tensor(normals(size(c.w), 52, 0.5), c.w) as tf.Tensor4D,
    weights: tf.tensor(normals(size(c.out), 53), c.out) as tf.Tensor4D,
  };
}

interface Reference {
  y: Float32Array;
  dx: Float32Array;
  dw: Float32Array;
}

/**
 * On cpu, with tfjs' own kernels: y = tf.conv2dTranspose; for L = Σ y ⊙ c, dL/dx = conv2d(c, w)
 * (a forward conv) and dL/dw = Conv2DBackpropFilter(x: c, dy: x).
 */
function reference(c: TransposeCase): Reference {
  const { x, w, weights } = tensors(c);
  const y = tf.conv2dTranspose(x, w, c.out, c.strides, c.pad as 'same');
  const dx = tf.conv2d(weights, w, c.strides, c.pad as 'same');
  const dw = tf
    .engine()
    .runKernel(
      'Conv2DBackpropFilter',
      { x: weights, dy: x },
      { strides: c.strides, pad: c.pad, dataFormat: 'NHWC', filterShape: c.w },
    ) as tf.Tensor;
  const r = {
    y: y.dataSync() as Float32Array,
    dx: dx.dataSync() as Float32Array,
    dw: dw.dataSync() as Float32Array,
  };
  tf.dispose([x, w, weights, y, dx, dw]);
  return r;
}

describe.each(TEST_BACKENDS)('conv2dTranspose on %s', (backend) => {
  const references = new Map<string, Reference>();

  beforeAll(async () => {
    await useBackend('cpu');
    for (const c of CASES) references.set(c.name, reference(c));
    await useBackend(backend);
    installGradientFixes();
  });

  it.each(CASES)('$name: GANForge op, forward and gradients, match tfjs cpu', (c) => {
    const tensorsBefore = tf.memory().numTensors;
    const ref = references.get(c.name) as Reference;
    const { x, w, weights } = tensors(c);
    const y = conv2dTranspose(x, w, c.out, c.strides, c.pad);
    const loss = (xi: tf.Tensor, wi: tf.Tensor) =>
      tf.sum(
        tf.mul(conv2dTranspose(xi as tf.Tensor4D, wi as tf.Tensor4D, c.out, c.strides, c.pad), weights),
      ) as tf.Scalar;
    const [dx, dw] = tf.grads(loss)([x, w]);
    const errors = [
      relativeError(y.dataSync(), ref.y),
      relativeError(dx.dataSync(), ref.dx),
      relativeError(dw.dataSync(), ref.dw),
    ];
    console.log(
      `[${backend}] conv2dTranspose ${c.name}: y/dx/dW ${errors.map((e) => e.toExponential(2)).join(' ')}`,
    );
    expect(y.shape).toEqual(c.out);
    for (const e of errors) expect(e).toBeLessThan(1e-5);
    tf.dispose([x, w, weights, y, dx, dw]);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });

  it.each(CASES)('$name: stock tf.conv2dTranspose (GANForge kernel and gradient) matches tfjs cpu', (c) => {
    const ref = references.get(c.name) as Reference;
    const { x, w, weights } = tensors(c);
    const y = tf.conv2dTranspose(x, w, c.out, c.strides, c.pad as 'same');
    const loss = (xi: tf.Tensor, wi: tf.Tensor) =>
      tf.sum(
        tf.mul(
          tf.conv2dTranspose(xi as tf.Tensor4D, wi as tf.Tensor4D, c.out, c.strides, c.pad as 'same'),
          weights,
        ),
      ) as tf.Scalar;
    const [dx, dw] = tf.grads(loss)([x, w]);
    const errors = [
      relativeError(y.dataSync(), ref.y),
      relativeError(dx.dataSync(), ref.dx),
      relativeError(dw.dataSync(), ref.dw),
    ];
    console.log(
      `[${backend}] tf.conv2dTranspose ${c.name}: y/dx/dW ${errors.map((e) => e.toExponential(2)).join(' ')}`,
    );
    for (const e of errors) expect(e).toBeLessThan(1e-5);
    tf.dispose([x, w, weights, y, dx, dw]);
  });

  it('first and second order of a tanh conv2dTranspose layer match finite differences', () => {
    // Small shapes: wasm accumulates in float32 (cpu in float64 before storing), so its finite
    // differences are ~3× noisier; the second-order functional is ⟨∂g/∂x, r⟩ for that reason.
    const xShape: [number, number, number, number] = [1, 3, 3, 3];
    const out: [number, number, number, number] = [1, 6, 6, 2];
    const x = tf.tensor(normals(size(xShape), 61), xShape) as tf.Tensor4D;
    const w = tf.tensor(normals(4 * 4 * 2 * 3, 62, 0.3), [4, 4, 2, 3]) as tf.Tensor4D;
    const weights = tf.tensor(normals(size(out), 63), out);
    const r = tf.tensor(normals(size(xShape), 64), xShape);
    const g = (xi: tf.Tensor, wi: tf.Tensor) =>
      tf.sum(tf.mul(tf.tanh(conv2dTranspose(xi as tf.Tensor4D, wi as tf.Tensor4D, out, 2, 'same')), weights));
    const first = (wi: tf.Tensor) => g(x, wi) as tf.Scalar;
    const second = (wi: tf.Tensor) =>
      tf.sum(tf.mul(tf.grad((xi: tf.Tensor) => g(xi, wi))(x), r)) as tf.Scalar;
    const e1 = relativeError(tf.grad(first)(w).dataSync(), finiteDifferenceGradient(first, w));
    const e2 = relativeError(tf.grad(second)(w).dataSync(), finiteDifferenceGradient(second, w));
    console.log(
      `[${backend}] conv2dTranspose tanh layer: first ${e1.toExponential(2)} second ${e2.toExponential(2)}`,
    );
    expect(e1).toBeLessThan(1e-3);
    expect(e2).toBeLessThan(1e-3);
    tf.dispose([x, w, weights, r]);
  });
});
