import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registerConv2dGradients } from './conv2d-gradients.js';
import { conv2dTranspose } from './conv2d-transpose.js';

/** Wraps the cpu backend's kernel `name` to count its calls; returns the counter and an undo. */
function countKernel(name: string): { calls: () => number; restore: () => void } {
  const original = tf.getKernel(name, 'cpu')!;
  let calls = 0;
  tf.unregisterKernel(name, 'cpu');
  tf.registerKernel({
    ...original,
    kernelFunc: (args) => {
      calls++;
      return original.kernelFunc(args);
    },
  });
  return {
    calls: () => calls,
    restore: () => {
      tf.unregisterKernel(name, 'cpu');
      tf.registerKernel(original);
    },
  };
}

describe("conv gradients use the backend's backprop kernels where it has them", () => {
  const undo: (() => void)[] = [];
  beforeAll(async () => {
    await tf.setBackend('cpu');
    registerConv2dGradients();
  });
  afterEach(() => undo.splice(0).forEach((f) => f()));

  it('Conv2D: dx through Conv2DBackpropInput, dW through Conv2DBackpropFilter (dilation 1)', () => {
    const input = countKernel('Conv2DBackpropInput');
    const filter = countKernel('Conv2DBackpropFilter');
    undo.push(input.restore, filter.restore);
    const x = tf.randomNormal([2, 6, 6, 3], 0, 1, 'float32', 1) as tf.Tensor4D;
    const w = tf.randomNormal([3, 3, 3, 4], 0, 1, 'float32', 2) as tf.Tensor4D;
    const [dx, dw] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 2, 'same')),
    )([x, w]);
    expect(input.calls()).toBe(1);
    expect(filter.calls()).toBe(1);
    expect(dx!.shape).toEqual([2, 6, 6, 3]);
    expect(dw!.shape).toEqual([3, 3, 3, 4]);
    tf.dispose([x, w, dx!, dw!]);
  });

  it('dilations > 1 (no backprop kernel takes them) use forward convolutions', () => {
    const input = countKernel('Conv2DBackpropInput');
    const filter = countKernel('Conv2DBackpropFilter');
    undo.push(input.restore, filter.restore);
    const x = tf.randomNormal([1, 7, 7, 2], 0, 1, 'float32', 3) as tf.Tensor4D;
    const w = tf.randomNormal([3, 3, 2, 2], 0, 1, 'float32', 4) as tf.Tensor4D;
    const grads = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'same', 'NHWC', 2)),
    )([x, w]);
    expect(input.calls()).toBe(0);
    expect(filter.calls()).toBe(0);
    tf.dispose([x, w, ...grads]);
  });

  it("core's conv2dTranspose runs Conv2DBackpropInput forward and Conv2DBackpropFilter for dW", () => {
    const input = countKernel('Conv2DBackpropInput');
    const filter = countKernel('Conv2DBackpropFilter');
    undo.push(input.restore, filter.restore);
    const x = tf.randomNormal([2, 4, 4, 5], 0, 1, 'float32', 5) as tf.Tensor4D;
    const w = tf.randomNormal([4, 4, 3, 5], 0, 1, 'float32', 6) as tf.Tensor4D;
    const expected = tf.conv2dTranspose(x, w, [2, 8, 8, 3], 2, 'same');
    const callsForReference = input.calls();
    const dw = tf.grad((b: tf.Tensor) => tf.sum(conv2dTranspose(x, b as tf.Tensor4D, [2, 8, 8, 3], 2, 'same')))(w);
    const y = conv2dTranspose(x, w, [2, 8, 8, 3], 2, 'same');
    expect(Array.from(y.dataSync())).toEqual(Array.from(expected.dataSync()));
    expect(input.calls() - callsForReference).toBe(2);
    expect(filter.calls()).toBe(1);
    tf.dispose([x, w, expected, dw, y]);
  });
});
