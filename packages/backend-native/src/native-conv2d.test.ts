import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadAddon } from './addon.js';
import { nativeKernelCalls, resetNativeKernelCalls } from './kernels/native-mat-mul.js';
import { NATIVE_BACKEND, registerNativeBackend } from './register-native-backend.js';
import { relativeError, runOn, seeded, values } from './test-helpers.js';

const status = await registerNativeBackend();
const skipReason = status.ok ? '' : ` (SKIPPED: ${status.reason})`;
if (!status.ok) console.warn(`@ganforge/backend-native conv tests skipped: ${status.reason}`);

/** Engines to test: oneDNN (when built in) and OpenBLAS, switched at run time. */
const ENGINES = status.ok && status.onednn.active ? ['oneDNN', 'OpenBLAS'] : ['OpenBLAS'];
if (status.ok && !status.onednn.active) console.warn(`oneDNN tests skipped: ${status.onednn.info}`);
const onednnCalls = () => {
  const load = loadAddon();
  return load.ok ? load.addon.onednnCalls() : 0;
};
const useEngine = (engine: string) => {
  const load = loadAddon();
  if (load.ok) load.addon.onednn(engine === 'oneDNN');
};

const TOL = 1e-5;
const rand = seeded(2025);
const input = (shape: number[]) => ({ shape, data: values(rand, shape) });
const worst = new Map<string, number>();

async function compare(
  inputs: { shape: number[]; data: Float32Array }[],
  f: (...xs: tf.Tensor[]) => tf.Tensor | tf.Tensor[],
): Promise<number> {
  const native = await runOn(NATIVE_BACKEND, inputs, f);
  const cpu = await runOn('cpu', inputs, f);
  for (const c of cpu) expect(c.some((v) => v !== 0)).toBe(true);
  const err = Math.max(...native.map((v, i) => relativeError(v, cpu[i])));
  const name = expect.getState().currentTestName ?? '';
  worst.set(name, Math.max(worst.get(name) ?? 0, err));
  return err;
}

type Geometry = {
  x: [number, number, number, number];
  w: [number, number, number, number];
  strides: number | [number, number];
  pad: 'same' | 'valid' | number;
  dilations: number | [number, number];
};

// Strides, dilations (tfjs allows one of the two > 1 at a time), paddings, 1×1 and odd sizes.
const GEOMETRIES: Geometry[] = [
  { x: [2, 9, 8, 3], w: [3, 3, 3, 5], strides: 1, pad: 'same', dilations: 1 },
  { x: [2, 9, 8, 3], w: [3, 3, 3, 5], strides: 2, pad: 'same', dilations: 1 },
  { x: [1, 11, 10, 4], w: [5, 5, 4, 6], strides: 2, pad: 'valid', dilations: 1 },
  { x: [3, 8, 8, 2], w: [4, 4, 2, 4], strides: [2, 1], pad: 1, dilations: 1 },
  { x: [2, 10, 9, 3], w: [3, 2, 3, 4], strides: 1, pad: 'same', dilations: 2 },
  { x: [2, 7, 6, 8], w: [1, 1, 8, 3], strides: 1, pad: 'valid', dilations: 1 },
  { x: [2, 7, 6, 8], w: [1, 1, 8, 3], strides: 2, pad: 'same', dilations: 1 },
];

describe.skipIf(!status.ok).each(ENGINES)(`native Conv2D and its gradient kernels against cpu, %s${skipReason}`, (engine) => {
  beforeAll(() => useEngine(engine));
  afterAll(() => useEngine('oneDNN'));
  beforeEach(() => resetNativeKernelCalls());
  afterAll(async () => {
    await tf.setBackend('cpu');
    const lines = [...worst].map(([name, e]) => `  ${e.toExponential(2)}  ${name.split(' > ').pop()}`);
    console.log(`wasm-native conv vs cpu, worst whole-tensor relative errors:\n${lines.join('\n')}`);
  });

  it('forward: strides, dilations, same/valid/explicit padding, 1×1', async () => {
    const onednnBefore = onednnCalls();
    for (const g of GEOMETRIES) {
      const err = await compare([input(g.x), input(g.w)], (x, w) =>
        tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, g.strides, g.pad, 'NHWC', g.dilations),
      );
      expect(err).toBeLessThan(TOL);
    }
    expect(nativeKernelCalls()).toMatchObject({ conv2d: GEOMETRIES.length, wasmFallback: 0 });
    // Which library computed them: oneDNN all but those it has only reference code for (here the
    // 2-channel, stride [2, 1] one, which goes to im2col), or none on OpenBLAS.
    expect(onednnCalls() - onednnBefore).toBe(engine === 'oneDNN' ? GEOMETRIES.length - 1 : 0);
  });

  it('both gradients run as native Conv2DBackpropInput / Conv2DBackpropFilter and match cpu', async () => {
    for (const g of GEOMETRIES) {
      const wts = input(g.w);
      const { outShape } = tf.backend_util.computeConv2DInfo(g.x, g.w, g.strides, g.dilations, g.pad);
      const weights = input(outShape);
      const err = await compare([input(g.x), wts, weights], (x, w, u) =>
        tf.grads((a: tf.Tensor, b: tf.Tensor) =>
          tf.sum(
            tf.mul(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, g.strides, g.pad, 'NHWC', g.dilations), u),
          ),
        )([x, w]),
      );
      expect(err).toBeLessThan(TOL);
    }
    // Dilated geometries have no backprop kernels in tfjs: core computes them with forward convs.
    const dilated = GEOMETRIES.filter((g) => g.dilations !== 1).length;
    expect(nativeKernelCalls()).toMatchObject({
      conv2d: GEOMETRIES.length + 2 * dilated,
      conv2dBackpropInput: GEOMETRIES.length - dilated,
      conv2dBackpropFilter: GEOMETRIES.length - dilated,
      wasmFallback: 0,
    });
  });

  it('transposed convolutions (Conv2DBackpropInput as a forward op) and their gradients', async () => {
    // conv2dTranspose(x, w) = Conv2DBackpropInput of conv2d(·, w) at dy = x, as in a DCGAN generator.
    const cases: { x: Geometry['x']; w: Geometry['w']; out: Geometry['x']; strides: number; pad: 'same' | 'valid' }[] =
      [
        { x: [2, 7, 7, 6], w: [4, 4, 3, 6], out: [2, 14, 14, 3], strides: 2, pad: 'same' },
        { x: [3, 5, 4, 4], w: [3, 3, 2, 4], out: [3, 11, 9, 2], strides: 2, pad: 'valid' },
        { x: [2, 6, 6, 5], w: [1, 1, 7, 5], out: [2, 6, 6, 7], strides: 1, pad: 'same' },
      ];
    for (const c of cases) {
      const forward = await compare([input(c.x), input(c.w)], (x, w) =>
        tf.conv2dTranspose(x as tf.Tensor4D, w as tf.Tensor4D, c.out, c.strides, c.pad),
      );
      expect(forward).toBeLessThan(TOL);
      const grads = await compare([input(c.x), input(c.w), input(c.out)], (x, w, u) =>
        tf.grads((a: tf.Tensor, b: tf.Tensor) =>
          tf.sum(tf.mul(tf.conv2dTranspose(a as tf.Tensor4D, b as tf.Tensor4D, c.out, c.strides, c.pad), u)),
        )([x, w]),
      );
      expect(grads).toBeLessThan(TOL);
    }
    expect(nativeKernelCalls()).toMatchObject({
      conv2dBackpropInput: 2 * cases.length,
      conv2dBackpropFilter: cases.length,
      wasmFallback: 0,
    });
  });

  it('Conv2DBackpropFilter called directly (as tf.layers convolutions do) matches cpu', async () => {
    for (const g of GEOMETRIES.filter((geometry) => geometry.dilations === 1)) {
      const { outShape } = tf.backend_util.computeConv2DInfo(g.x, g.w, g.strides, 1, g.pad);
      const err = await compare([input(g.x), input(outShape)], (x, dy) =>
        tf.engine().runKernel(
          'Conv2DBackpropFilter',
          { x, dy },
          { strides: g.strides, pad: g.pad, dataFormat: 'NHWC', filterShape: g.w } as unknown as tf.NamedAttrMap,
        ) as tf.Tensor,
      );
      expect(err).toBeLessThan(TOL);
    }
    expect(nativeKernelCalls()).toMatchObject({ conv2dBackpropFilter: 6, wasmFallback: 0 });
  });

  it('second derivatives: gradient penalty of a small conv critic', async () => {
    // D(x) = Σ tanh(conv(x, W1, stride 2)) · v; penalty ‖∇ₓ D‖²; derivatives w.r.t. W1 and v.
    const err = await compare([input([2, 8, 8, 2]), input([3, 3, 2, 4]), input([2, 4, 4, 4])], (x, w1, v) =>
      tf.grads((wv: tf.Tensor, vv: tf.Tensor) => {
        const d = (xi: tf.Tensor) =>
          tf.sum(tf.mul(tf.tanh(tf.conv2d(xi as tf.Tensor4D, wv as tf.Tensor4D, 2, 'same')), vv));
        return tf.sum(tf.square(tf.grad(d)(x)));
      })([w1, v]),
    );
    expect(err).toBeLessThan(TOL);
    const calls = nativeKernelCalls();
    expect(calls.conv2d + calls.conv2dBackpropInput + calls.conv2dBackpropFilter).toBeGreaterThanOrEqual(4);
    expect(calls.conv2dBackpropInput).toBeGreaterThanOrEqual(1);
    expect(calls.wasmFallback).toBe(0);
  });
});
