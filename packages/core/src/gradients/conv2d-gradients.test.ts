import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConvPad } from './conv-geometry.js';
import { installGradientFixes } from './install-gradient-fixes.js';
import { safeNorm } from './safe-norm.js';
import {
  TEST_BACKENDS,
  finiteDifferenceGradient,
  normals,
  relativeError,
  useBackend,
} from './test-helpers.js';

interface ConvCase {
  name: string;
  x: [number, number, number, number];
  w: [number, number, number, number];
  strides: number | [number, number];
  pad: ConvPad;
  dilations: number;
}

const CASES: ConvCase[] = [
  { name: 'k3 s1 same', x: [2, 6, 6, 3], w: [3, 3, 3, 4], strides: 1, pad: 'same', dilations: 1 },
  { name: 'k4 s2 same', x: [2, 8, 8, 3], w: [4, 4, 3, 4], strides: 2, pad: 'same', dilations: 1 },
  { name: 'k3 s2 valid odd H', x: [2, 9, 7, 3], w: [3, 3, 3, 4], strides: 2, pad: 'valid', dilations: 1 },
  { name: 'k5 s3 same', x: [2, 10, 11, 2], w: [5, 5, 2, 3], strides: 3, pad: 'same', dilations: 1 },
  {
    name: 'k2 s3 valid (k < s, unused rows)',
    x: [2, 8, 8, 2],
    w: [2, 2, 2, 3],
    strides: 3,
    pad: 'valid',
    dilations: 1,
  },
  {
    name: 'k3 strides [1,2] explicit pad',
    x: [2, 7, 8, 2],
    w: [3, 3, 2, 3],
    strides: [1, 2],
    pad: [
      [0, 0],
      [2, 1],
      [0, 2],
      [0, 0],
    ],
    dilations: 1,
  },
  { name: 'k3 dilation 2 same', x: [2, 9, 9, 2], w: [3, 3, 2, 3], strides: 1, pad: 'same', dilations: 2 },
  {
    name: 'k3 s2 same cin 1 (im2col dW)',
    x: [2, 9, 8, 1],
    w: [3, 3, 1, 12],
    strides: 2,
    pad: 'same',
    dilations: 1,
  },
  {
    name: 'k2 dilation 2 valid cin 1 (im2col dW)',
    x: [2, 7, 7, 1],
    w: [2, 2, 1, 4],
    strides: 1,
    pad: 'valid',
    dilations: 2,
  },
];

/** Loss L(x, w) = Σ conv2d(x, w) ⊙ c with fixed weights c. */
function convLoss(c: ConvCase, weights: tf.Tensor) {
  return (x: tf.Tensor, w: tf.Tensor) =>
    tf.sum(
      tf.mul(
        tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, c.strides, c.pad as 'same', 'NHWC', c.dilations),
        weights,
      ),
    ) as tf.Scalar;
}

interface Reference {
  dx: Float32Array;
  dw: Float32Array;
}

/**
 * cpu's own backprop kernels (tfjs' built-in gradient), run directly. They have no dilation, so a
 * dilated conv is checked as the equivalent conv with a zero-inserted filter of size (k−1)d + 1,
 * whose filter gradient is then read at the taps i·d.
 */
function builtinGradients(c: ConvCase, x: tf.Tensor4D, w: tf.Tensor4D, dy: tf.Tensor4D): Reference {
  const d = c.dilations;
  const [kh, kw, cin, cout] = w.shape;
  const dilatedShape: [number, number, number, number] = [(kh - 1) * d + 1, (kw - 1) * d + 1, cin, cout];
  const tap = (i: number, j: number, ci: number, co: number) =>
    ((i * d * dilatedShape[1] + j * d) * cin + ci) * cout + co;
  const wv = w.dataSync();
  const dilated = new Float32Array(dilatedShape.reduce((a, b) => a * b));
  for (let i = 0; i < kh; i++)
    for (let j = 0; j < kw; j++)
      for (let ci = 0; ci < cin; ci++)
        for (let co = 0; co < cout; co++)
          dilated[tap(i, j, ci, co)] = wv[((i * kw + j) * cin + ci) * cout + co];
  const attrs = { strides: c.strides, pad: c.pad, dataFormat: 'NHWC' } as unknown as tf.NamedAttrMap;
  const filter = tf.tensor(dilated, dilatedShape);
  const dx = tf
    .engine()
    .runKernel('Conv2DBackpropInput', { dy, filter }, { ...attrs, inputShape: x.shape }) as tf.Tensor;
  const dwDilated = tf
    .engine()
    .runKernel('Conv2DBackpropFilter', { x, dy }, { ...attrs, filterShape: dilatedShape }) as tf.Tensor;
  const dwv = dwDilated.dataSync();
  const dw = new Float32Array(wv.length);
  for (let i = 0; i < kh; i++)
    for (let j = 0; j < kw; j++)
      for (let ci = 0; ci < cin; ci++)
        for (let co = 0; co < cout; co++) dw[((i * kw + j) * cin + ci) * cout + co] = dwv[tap(i, j, ci, co)];
  const r = { dx: dx.dataSync() as Float32Array, dw };
  tf.dispose([filter, dx, dwDilated]);
  return r;
}

function tensors(c: ConvCase) {
  const x = tf.tensor(
    normals(
      c.x.reduce((a, b) => a * b),
      21,
    ),
    c.x,
  ) as tf.Tensor4D;
  const w = tf.tensor(
    normals(
      c.w.reduce((a, b) => a * b),
      22,
      0.5,
    ),
    c.w,
  ) as tf.Tensor4D;
  const yShape = tf.tidy(() => tf.conv2d(x, w, c.strides, c.pad as 'same', 'NHWC', c.dilations).shape);
  const weights = tf.tensor(
    normals(
      yShape.reduce((a, b) => a * b),
      23,
    ),
    yShape,
  ) as tf.Tensor4D;
  return { x, w, weights };
}

describe.each(TEST_BACKENDS)('Conv2D gradient from forward convolutions on %s', (backend) => {
  const references = new Map<string, Reference>();

  beforeAll(async () => {
    await useBackend('cpu');
    for (const c of CASES) {
      const { x, w, weights } = tensors(c);
      references.set(c.name, builtinGradients(c, x, w, weights));
      tf.dispose([x, w, weights]);
    }
    await useBackend(backend);
    installGradientFixes();
  });

  it.each(CASES)('$name: dx and dW match the cpu built-in backprop kernels', (c) => {
    const tensorsBefore = tf.memory().numTensors;
    const { x, w, weights } = tensors(c);
    const [dx, dw] = tf.grads(convLoss(c, weights))([x, w]);
    const ref = references.get(c.name) as Reference;
    const ex = relativeError(dx.dataSync(), ref.dx);
    const ew = relativeError(dw.dataSync(), ref.dw);
    console.log(`[${backend}] ${c.name}: dx ${ex.toExponential(2)} dW ${ew.toExponential(2)}`);
    expect(dx.shape).toEqual(c.x);
    expect(dw.shape).toEqual(c.w);
    expect(ex).toBeLessThan(1e-5);
    expect(ew).toBeLessThan(1e-5);
    tf.dispose([x, w, weights, dx, dw]);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });

  it.skipIf(backend !== 'cpu')(
    'NCHW (cpu only; wasm convs are NHWC): dx and dW match the built-in kernels',
    () => {
      const x = tf.tensor(normals(2 * 3 * 7 * 7, 1), [2, 3, 7, 7]) as tf.Tensor4D;
      const w = tf.tensor(normals(3 * 3 * 3 * 4, 2), [3, 3, 3, 4]) as tf.Tensor4D;
      const dy = tf.tensor(normals(2 * 4 * 4 * 4, 3), [2, 4, 4, 4]) as tf.Tensor4D;
      const [dx, dw] = tf.grads((xi: tf.Tensor, wi: tf.Tensor) =>
        tf.sum(tf.mul(tf.conv2d(xi as tf.Tensor4D, wi as tf.Tensor4D, 2, 'same', 'NCHW'), dy)),
      )([x, w]);
      const attrs = { strides: 2, pad: 'same', dataFormat: 'NCHW' } as unknown as tf.NamedAttrMap;
      const refDx = tf
        .engine()
        .runKernel('Conv2DBackpropInput', { dy, filter: w }, { ...attrs, inputShape: x.shape }) as tf.Tensor;
      const refDw = tf
        .engine()
        .runKernel('Conv2DBackpropFilter', { x, dy }, { ...attrs, filterShape: w.shape }) as tf.Tensor;
      expect(relativeError(dx.dataSync(), refDx.dataSync())).toBeLessThan(1e-5);
      expect(relativeError(dw.dataSync(), refDw.dataSync())).toBeLessThan(1e-5);
      tf.dispose([x, w, dy, dx, dw, refDx, refDw]);
    },
  );

  /**
   * Two-conv critic D(x) = Σ tanh(conv(tanh(conv(x, w1, s2 same)), w2, s2 valid)) ⊙ r (tanh: no
   * constant offsets to add float32 round-off to the finite differences). With cin = 1 and 12
   * hidden channels, the first layer's dW takes the im2col path (k·k·cin ≤ cout).
   */
  const CRITICS = [
    { name: 'cin 2 → 3 → 2 (dilated-conv dW)', cin: 2, hidden: 3 },
    { name: 'cin 1 → 12 → 2 (im2col dW in layer 1)', cin: 1, hidden: 12 },
  ];

  function criticOf(cin: number, hidden: number) {
    const n1 = 3 * 3 * cin * hidden;
    const n2 = 3 * 3 * hidden * 2;
    const apply = (theta: tf.Tensor, x: tf.Tensor) => {
      const [w1, w2] = tf.split(theta, [n1, n2]);
      const h = tf.tanh(
        tf.conv2d(x as tf.Tensor4D, tf.reshape(w1, [3, 3, cin, hidden]) as tf.Tensor4D, 2, 'same'),
      );
      const o = tf.conv2d(h, tf.reshape(w2, [3, 3, hidden, 2]) as tf.Tensor4D, 2, 'valid');
      return tf.sum(tf.mul(tf.tanh(o), tf.linspace(-1, 1, o.size).reshape(o.shape)));
    };
    return { apply, size: n1 + n2 };
  }

  it.each(CRITICS)(
    'gradient penalty through a 2-conv critic, $name, matches finite differences in the weights',
    ({ name, cin, hidden }) => {
      const critic = criticOf(cin, hidden);
      const theta = tf.tensor(normals(critic.size, 31, 0.5));
      const x = tf.tensor(normals(2 * 7 * 7 * cin, 32), [2, 7, 7, cin]);
      const penalty = (t: tf.Tensor) => {
        const gx = tf.grad((xi: tf.Tensor) => critic.apply(t, xi))(x);
        return tf.mean(tf.square(tf.sub(safeNorm(gx, [1, 2, 3]), 1))) as tf.Scalar;
      };
      const e = relativeError(tf.grad(penalty)(theta).dataSync(), finiteDifferenceGradient(penalty, theta));
      console.log(`[${backend}] conv critic ${name} gradient penalty: ${e.toExponential(2)}`);
      expect(e).toBeLessThan(1e-3);
      tf.dispose([theta, x]);
    },
  );

  it.each(CRITICS)(
    'unrolled-GAN second derivative d/dx Σ(∂D/∂W ⊙ V), $name, matches finite differences in x',
    ({ name, cin, hidden }) => {
      const critic = criticOf(cin, hidden);
      const theta = tf.tensor(normals(critic.size, 41, 0.5));
      const x = tf.tensor(normals(2 * 7 * 7 * cin, 43), [2, 7, 7, cin]);
      // V plays the role of the vector backpropagated through an unrolled update θ − η∂D/∂θ.
      const v = tf.grad((t: tf.Tensor) => critic.apply(t, x))(theta);
      const inner = (xi: tf.Tensor) => {
        const gw = tf.grad((t: tf.Tensor) => critic.apply(t, xi))(theta);
        return tf.sum(tf.mul(gw, v)) as tf.Scalar;
      };
      const e = relativeError(tf.grad(inner)(x).dataSync(), finiteDifferenceGradient(inner, x));
      console.log(`[${backend}] conv critic ${name} unrolled d/dx of dD/dW: ${e.toExponential(2)}`);
      expect(e).toBeLessThan(1e-3);
      tf.dispose([theta, v, x]);
    },
  );
});
