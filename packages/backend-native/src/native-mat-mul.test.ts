import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadAddon } from './addon.js';
import { nativeKernelCalls, resetNativeKernelCalls } from './kernels/native-mat-mul.js';
import { NATIVE_BACKEND, registerNativeBackend } from './register-native-backend.js';
import { relativeError, runOn, seeded, values } from './test-helpers.js';

const status = await registerNativeBackend();
const skipReason = status.ok ? '' : ` (SKIPPED: ${status.reason})`;
if (!status.ok) console.warn(`@ganforge/backend-native tests skipped: ${status.reason}`);

/** Engines to test: oneDNN (when built in) and OpenBLAS, switched at run time. */
const ENGINES = status.ok && status.onednn.active ? ['oneDNN', 'OpenBLAS'] : ['OpenBLAS'];
if (status.ok && !status.onednn.active) console.warn(`oneDNN tests skipped: ${status.onednn.info}`);
const useEngine = (engine: string) => {
  const load = loadAddon();
  if (load.ok) load.addon.onednn(engine === 'oneDNN');
};

const TOL = 1e-5;
const rand = seeded(25);
const dim = () => 1 + Math.floor(rand() * 70);
const input = (shape: number[]) => ({ shape, data: values(rand, shape) });

/** Worst relative error seen per test, printed once at the end (the README quotes them). */
const worst = new Map<string, number>();

/** Runs `f` on wasm-native and cpu; returns the worst relative error over its outputs. */
async function compare(
  inputs: { shape: number[]; data: Float32Array }[],
  f: (...xs: tf.Tensor[]) => tf.Tensor | tf.Tensor[],
): Promise<number> {
  const native = await runOn(NATIVE_BACKEND, inputs, f);
  const cpu = await runOn('cpu', inputs, f);
  expect(native.length).toBe(cpu.length);
  // A zero reference would make any result pass.
  for (const c of cpu) expect(c.some((v) => v !== 0)).toBe(true);
  const err = Math.max(...native.map((v, i) => relativeError(v, cpu[i])));
  const name = expect.getState().currentTestName ?? '';
  worst.set(name, Math.max(worst.get(name) ?? 0, err));
  return err;
}

function gemmCalls(): number {
  const load = loadAddon();
  return load.ok ? load.addon.calls() : 0;
}

describe.skipIf(!status.ok).each(ENGINES)(`native matmul kernels against cpu, %s${skipReason}`, (engine) => {
  beforeAll(() => useEngine(engine));
  afterAll(() => useEngine('oneDNN'));
  beforeEach(() => resetNativeKernelCalls());
  afterAll(async () => {
    await tf.setBackend('cpu');
    const lines = [...worst].map(([name, e]) => `  ${e.toExponential(2)}  ${name.split(' > ').pop()}`);
    console.log(`wasm-native vs cpu, worst whole-tensor relative errors:\n${lines.join('\n')}`);
  });

  it('BatchMatMul: random shapes, all four transpose combinations, batched and broadcast', async () => {
    const before = gemmCalls();
    const errors: number[] = [];
    let calls = 0;
    for (const [ta, tb] of [
      [false, false],
      [true, false],
      [false, true],
      [true, true],
    ] as const) {
      for (const batchShape of [[], [3], [2, 3]]) {
        for (const broadcast of ['none', 'a', 'b'] as const) {
          if (batchShape.length === 0 && broadcast !== 'none') continue;
          const [m, k, n] = [dim(), dim(), dim()];
          const aBatch = broadcast === 'a' ? [1] : batchShape;
          const bBatch = broadcast === 'b' ? [] : batchShape;
          const a = input([...aBatch, ...(ta ? [k, m] : [m, k])]);
          const b = input([...bBatch, ...(tb ? [n, k] : [k, n])]);
          errors.push(await compare([a, b], (x, y) => tf.matMul(x, y, ta, tb)));
          calls++;
        }
      }
    }
    expect(Math.max(...errors)).toBeLessThan(TOL);
    expect(nativeKernelCalls()).toEqual({
      batchMatMul: calls,
      fusedMatMul: 0,
      composite: 0,
      conv2d: 0,
      conv2dBackpropInput: 0,
      conv2dBackpropFilter: 0,
      reduce: 0,
      adam: 0,
      wasmFallback: 0,
    });
    expect(gemmCalls() - before).toBe(calls);
  });

  it('BatchMatMul with batches broadcast on both sides expands them, then runs natively', async () => {
    // tfjs 4.22's own cpu and wasm kernels return 60 of the 120 values here: compare with an
    // explicit expansion on cpu.
    const a = input([2, 1, 5, 7]);
    const b = input([1, 3, 7, 4]);
    const [native] = await runOn(NATIVE_BACKEND, [a, b], (x, y) => tf.matMul(x, y));
    const [cpu] = await runOn('cpu', [a, b], (x, y) =>
      tf.matMul(tf.broadcastTo(x, [2, 3, 5, 7]), tf.broadcastTo(y, [2, 3, 7, 4])),
    );
    expect(native.length).toBe(120);
    expect(relativeError(native, cpu)).toBeLessThan(TOL);
    expect(nativeKernelCalls()).toMatchObject({ composite: 1, batchMatMul: 1, wasmFallback: 0 });
  });

  it('an int32 matmul goes to the wasm kernel (which refuses it, as on plain wasm)', async () => {
    await tf.setBackend(NATIVE_BACKEND);
    const a = tf.tensor2d([1, 2, 3, 4], [2, 2], 'int32');
    expect(() => tf.matMul(a, a)).toThrow('BatchMatMul for non non-float32 tensors not yet supported');
    a.dispose();
    expect(nativeKernelCalls()).toMatchObject({ wasmFallback: 1, batchMatMul: 0 });
  });

  it('_FusedMatMul: bias shapes × activations × transposes × batches, fused in the addon', async () => {
    const activations = ['linear', 'relu', 'relu6', 'leakyrelu', 'elu', 'sigmoid'] as const;
    const errors: number[] = [];
    let calls = 0;
    for (const batch of [[], [3]]) {
      for (const biasKind of ['none', 'scalar', 'row', 'row2d', 'column', 'matrix', 'full'] as const) {
        for (const activation of activations) {
          const [ta, tb] = [rand() < 0.5, rand() < 0.5];
          const [m, k, n] = [dim(), dim(), dim()];
          const biasShape = {
            none: undefined,
            scalar: [],
            row: [n],
            row2d: [1, n],
            column: [m, 1],
            matrix: [m, n],
            full: [...batch, m, n],
          }[biasKind];
          const inputs = [
            input([...batch, ...(ta ? [k, m] : [m, k])]),
            input([...batch, ...(tb ? [n, k] : [k, n])]),
          ];
          if (biasShape) inputs.push(input(biasShape));
          // Scale up so that relu6's upper kink and elu's curve are both exercised.
          for (const x of inputs) x.data.forEach((v, i) => (x.data[i] = 3 * v));
          errors.push(
            await compare(inputs, (a, b, bias) =>
              tf.fused.matMul({
                a,
                b,
                transposeA: ta,
                transposeB: tb,
                bias,
                activation,
                leakyreluAlpha: 0.1,
              }),
            ),
          );
          calls++;
        }
      }
    }
    expect(Math.max(...errors)).toBeLessThan(TOL);
    expect(nativeKernelCalls()).toEqual({
      batchMatMul: 0,
      fusedMatMul: calls,
      composite: 0,
      conv2d: 0,
      conv2dBackpropInput: 0,
      conv2dBackpropFilter: 0,
      reduce: 0,
      adam: 0,
      wasmFallback: 0,
    });
  });

  it('_FusedMatMul with prelu composes a native matmul with tfjs ops', async () => {
    const [m, k, n] = [9, 13, 6];
    const err = await compare(
      [input([2, m, k]), input([2, k, n]), input([n]), input([n])],
      (a, b, bias, alpha) =>
        tf.fused.matMul({ a, b, bias, activation: 'prelu', preluActivationWeights: alpha }),
    );
    expect(err).toBeLessThan(TOL);
    expect(nativeKernelCalls()).toMatchObject({ composite: 1, batchMatMul: 1, fusedMatMul: 0 });
  });

  it('first derivatives of transposed, batched and fused matmuls match cpu', async () => {
    const [m, k, n] = [17, 33, 9];
    const w = input([3, m, n]);
    // Both operands batched: tfjs' BatchMatMul gradient does not sum over broadcast batch axes.
    const err = await compare([input([3, k, m]), input([3, n, k]), input([n]), w], (a, b, bias, wt) =>
      tf.grads((x: tf.Tensor, y: tf.Tensor, c: tf.Tensor) =>
        tf.sum(
          tf.mul(
            tf.add(
              tf.matMul(x, y, true, true),
              tf.fused.matMul({
                a: x,
                b: y,
                transposeA: true,
                transposeB: true,
                bias: c,
                activation: 'leakyrelu',
              }),
            ),
            wt,
          ),
        ),
      )([a, b, bias]),
    );
    expect(err).toBeLessThan(TOL);
    // The gradients are themselves matmuls (with transpose flags): they ran natively too.
    const calls = nativeKernelCalls();
    expect(calls.batchMatMul).toBeGreaterThanOrEqual(4);
    expect(calls.wasmFallback).toBe(0);
  });

  it('second derivatives (gradient penalty of leaky-relu and tanh critics) match cpu', async () => {
    // D(x) = Σ act(x W1 + b1) W2; penalty = ‖∇ₓ D‖²; its gradient w.r.t. the weights goes through
    // the matmuls' gradients twice. With leaky relu it does not depend on b1 (piecewise linear).
    const [batch, inDim, hidden] = [8, 12, 16];
    const err = await compare(
      [input([batch, inDim]), input([inDim, hidden]), input([hidden]), input([hidden, 1])],
      (xt, w1, b1, w2) => {
        const layer = (kind: string, v: tf.Tensor, w: tf.Tensor, b: tf.Tensor) =>
          kind === 'fused'
            ? tf.fused.matMul({ a: v, b: w, bias: b, activation: 'leakyrelu', leakyreluAlpha: 0.2 })
            : kind === 'leaky'
              ? tf.leakyRelu(tf.add(tf.matMul(v, w), b), 0.2)
              : tf.tanh(tf.add(tf.matMul(v, w), b));
        const penalty = (kind: string, w1v: tf.Tensor, b1v: tf.Tensor, w2v: tf.Tensor) =>
          tf.sum(tf.square(tf.grad((v: tf.Tensor) => tf.sum(tf.matMul(layer(kind, v, w1v, b1v), w2v)))(xt)));
        return [
          ...tf.grads((w1v: tf.Tensor, w2v: tf.Tensor) => penalty('leaky', w1v, b1, w2v))([w1, w2]),
          ...tf.grads((w1v: tf.Tensor, w2v: tf.Tensor) => penalty('fused', w1v, b1, w2v))([w1, w2]),
          ...tf.grads((w1v: tf.Tensor, b1v: tf.Tensor, w2v: tf.Tensor) => penalty('tanh', w1v, b1v, w2v))([
            w1,
            b1,
            w2,
          ]),
        ];
      },
    );
    expect(err).toBeLessThan(TOL);
    // tfjs unfuses activations inside gradients (shouldFuse), so everything here is BatchMatMul.
    expect(nativeKernelCalls().batchMatMul).toBeGreaterThanOrEqual(12);
    expect(nativeKernelCalls().wasmFallback).toBe(0);
  });

  it('leaks no tensors and shares the wasm heap (no copies when switching wasm ↔ wasm-native)', async () => {
    await tf.setBackend(NATIVE_BACKEND);
    const a = tf.randomNormal([64, 784]);
    const b = tf.randomNormal([256, 784]);
    const bias = tf.randomNormal([256]);
    const alpha = tf.fill([256], 0.1);
    const before = tf.memory().numTensors;
    const wasmIds = (tf.findBackend('wasm') as unknown as { numDataIds(): number }).numDataIds();
    for (let i = 0; i < 5; i++) {
      tf.dispose(tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.matMul(x, y, false, true)))([a, b]));
      // Every path: fused in the addon, composite (prelu), both-sides broadcast.
      tf.dispose(tf.fused.matMul({ a, b, transposeB: true, bias, activation: 'leakyrelu' }));
      tf.dispose(
        tf.fused.matMul({ a, b, transposeB: true, bias, activation: 'prelu', preluActivationWeights: alpha }),
      );
      tf.tidy(() => {
        tf.matMul(
          tf.reshape(a, [2, 1, 32, 784]),
          tf.reshape(b, [1, 1, 256, 784]).tile([1, 3, 1, 1]),
          false,
          true,
        );
      });
    }
    expect(tf.memory().numTensors).toBe(before);
    // No heap buffers left behind by the kernels either.
    expect((tf.findBackend('wasm') as unknown as { numDataIds(): number }).numDataIds()).toBe(wasmIds);
    tf.dispose([bias, alpha]);
    const wasm = tf.findBackend('wasm') as unknown as { numDataIds(): number };
    const ids = wasm.numDataIds();
    await tf.setBackend('wasm');
    const y = tf.matMul(a, b, false, true);
    expect(wasm.numDataIds()).toBe(ids + 1);
    tf.dispose([y, a, b]);
  });
});

describe('graceful absence', () => {
  it('says why the backend is unavailable instead of throwing', async () => {
    process.env.GANFORGE_NATIVE = '0';
    try {
      expect(await registerNativeBackend()).toEqual({ ok: false, reason: 'disabled by GANFORGE_NATIVE=0' });
    } finally {
      delete process.env.GANFORGE_NATIVE;
    }
  });
});
