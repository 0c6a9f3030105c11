import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { reductionBlocks } from './kernels/native-reduce.js';
import { nativeKernelCalls, resetNativeKernelCalls } from './kernels/native-mat-mul.js';
import { NATIVE_BACKEND, registerNativeBackend } from './register-native-backend.js';
import { relativeError, runOn, seeded, values } from './test-helpers.js';

const status = await registerNativeBackend();
const skipReason = status.ok ? '' : ` (SKIPPED: ${status.reason})`;
if (!status.ok) console.warn(`@ganforge/backend-native reduction tests skipped: ${status.reason}`);

const rand = seeded(77);
const input = (shape: number[]) => ({ shape, data: values(rand, shape) });

describe('reductionBlocks', () => {
  it('views consecutive reduced axes as outer × reduce × inner, ignoring size-1 axes', () => {
    expect(reductionBlocks([64, 14, 14, 32], [0, 1, 2])).toEqual({ outer: 1, reduce: 12544, inner: 32 });
    expect(reductionBlocks([5, 6, 7], [2])).toEqual({ outer: 30, reduce: 7, inner: 1 });
    expect(reductionBlocks([5, 6, 7], [1])).toEqual({ outer: 5, reduce: 6, inner: 7 });
    expect(reductionBlocks([5, 1, 6, 7], [0, 2])).toEqual({ outer: 1, reduce: 30, inner: 7 });
    expect(reductionBlocks([5, 6, 7], [0, 2])).toBeUndefined();
    expect(reductionBlocks([5, 1, 7], [1])).toEqual({ outer: 35, reduce: 1, inner: 1 });
  });
});

describe.skipIf(!status.ok)(`native Sum and Mean against cpu${skipReason}`, () => {
  beforeEach(() => resetNativeKernelCalls());
  afterAll(() => tf.setBackend('cpu'));

  const cases: { shape: number[]; axis: number | number[]; keepDims: boolean }[] = [
    { shape: [64, 14, 14, 32], axis: [0, 1, 2], keepDims: false },
    { shape: [64, 7, 7, 64], axis: [0, 1, 2], keepDims: true },
    { shape: [33, 17], axis: -1, keepDims: false },
    { shape: [33, 17], axis: 0, keepDims: true },
    { shape: [4, 5, 6, 7], axis: [1, 2], keepDims: false },
    { shape: [4, 1, 6, 7], axis: [0, 2], keepDims: true },
    { shape: [9, 10], axis: [0, 1], keepDims: false },
    { shape: [3, 1, 5], axis: 1, keepDims: false },
  ];

  it('matches cpu (relative error < 1e-6) over prefixes, suffixes and middles of the axes, with keepDims', async () => {
    for (const c of cases) {
      for (const op of [tf.sum, tf.mean]) {
        const x = input(c.shape);
        const native = await runOn(NATIVE_BACKEND, [x], (t) => op(t, c.axis, c.keepDims));
        const cpu = await runOn('cpu', [x], (t) => op(t, c.axis, c.keepDims));
        expect(native.length).toBe(1);
        expect(relativeError(native[0], cpu[0])).toBeLessThan(1e-6);
      }
    }
    await tf.setBackend(NATIVE_BACKEND);
    const shapes = cases.map((c) => tf.tidy(() => tf.sum(tf.zeros(c.shape), c.axis, c.keepDims).shape));
    await tf.setBackend('cpu');
    const cpuShapes = cases.map((c) => tf.tidy(() => tf.sum(tf.zeros(c.shape), c.axis, c.keepDims).shape));
    expect(shapes).toEqual(cpuShapes);
    expect(nativeKernelCalls()).toMatchObject({ reduce: 2 * cases.length + cases.length, wasmFallback: 0 });
  });

  it('hands non-consecutive axes and int32 to wasm, with the same results as cpu', async () => {
    const x = input([5, 6, 7]);
    const native = await runOn(NATIVE_BACKEND, [x], (t) => tf.sum(t, [0, 2]));
    const cpu = await runOn('cpu', [x], (t) => tf.sum(t, [0, 2]));
    expect(relativeError(native[0], cpu[0])).toBeLessThan(1e-6);
    await tf.setBackend(NATIVE_BACKEND);
    const ints = tf.tidy(() => tf.sum(tf.tensor2d([1, 2, 3, 4], [2, 2], 'int32'), 0).arraySync());
    expect(ints).toEqual([4, 6]);
    expect(nativeKernelCalls()).toMatchObject({ reduce: 0, wasmFallback: 2 });
  });
});

describe.skipIf(!status.ok)(`copy-free Identity and Cast${skipReason}`, () => {
  it('tf.clone and a same-dtype cast share the data; other casts convert; nothing leaks', async () => {
    await tf.setBackend(NATIVE_BACKEND);
    const before = tf.memory().numTensors;
    const buffersBefore = tf.memory().numDataBuffers;
    const x = tf.tensor1d([1.5, -2.25, 3]);
    const copy = tf.clone(x);
    const same = tf.cast(x, 'float32');
    const ints = tf.cast(x, 'int32');
    expect(copy.dataId).toBe(x.dataId);
    expect(same.dataId).toBe(x.dataId);
    expect(ints.dataId).not.toBe(x.dataId);
    expect(Array.from(ints.dataSync())).toEqual([1, -2, 3]);
    // One buffer shared by x, copy and same, one for the int32 cast.
    expect(tf.memory().numDataBuffers - buffersBefore).toBe(2);
    x.dispose();
    expect(Array.from(copy.dataSync())).toEqual([1.5, -2.25, 3]);
    copy.dispose();
    expect(Array.from(same.dataSync())).toEqual([1.5, -2.25, 3]);
    tf.dispose([same, ints]);
    expect(tf.memory().numTensors).toBe(before);
    expect(tf.memory().numDataBuffers).toBe(buffersBefore);
    await tf.setBackend('cpu');
  });
});
