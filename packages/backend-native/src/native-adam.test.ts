import * as tf from '@tensorflow/tfjs';
import { adam, type ParamTree } from '@ganforge/core';
import { afterAll, describe, expect, it } from 'vitest';
import { nativeKernelCalls, resetNativeKernelCalls } from './kernels/native-mat-mul.js';
import { NATIVE_BACKEND, registerNativeBackend } from './register-native-backend.js';
import { seeded, values } from './test-helpers.js';

const status = await registerNativeBackend();
const skipReason = status.ok ? '' : ` (SKIPPED: ${status.reason})`;

const SHAPES: Record<string, number[]> = { 'g/w': [7, 5], 'g/b': [5], 'd/k': [3, 3, 2, 4] };
const STEPS = 5;

/** Five Adam updates of three parameters on `backend`; every final parameter and slot, as numbers. */
async function train(backend: string): Promise<Record<string, number[]>> {
  await tf.setBackend(backend);
  const rand = seeded(9);
  const opt = adam({ lr: 2e-3, beta1: 0.5, beta2: 0.999 });
  let params: ParamTree = Object.fromEntries(
    Object.entries(SHAPES).map(([k, s]) => [k, tf.tensor(values(rand, s), s)]),
  );
  let state = opt.init(params);
  for (let step = 0; step < STEPS; step++) {
    const grads = tf.tidy(() =>
      Object.fromEntries(
        Object.entries(SHAPES).map(([k, s]) => [k, tf.mul(tf.tensor(values(rand, s), s), step === 2 ? 0 : 1)]),
      ),
    );
    const next = opt.update(grads, state, params);
    tf.dispose([...Object.values(grads), ...Object.values(params), ...Object.values(state)]);
    params = next.params;
    state = next.state;
  }
  const out: Record<string, number[]> = {};
  for (const [k, t] of [...Object.entries(params), ...Object.entries(state)]) out[`${k}`] = Array.from(t.dataSync());
  tf.dispose([...Object.values(params), ...Object.values(state)]);
  return out;
}

describe.skipIf(!status.ok)(`fused Adam update (core's ADAM_UPDATE_KERNEL)${skipReason}`, () => {
  afterAll(() => tf.setBackend('cpu'));

  it("is bit-identical to core's composite update (wasm), one kernel per parameter and step", async () => {
    resetNativeKernelCalls();
    const fused = await train(NATIVE_BACKEND);
    expect(nativeKernelCalls().adam).toBe(STEPS * Object.keys(SHAPES).length);
    resetNativeKernelCalls();
    const composite = await train('wasm');
    expect(nativeKernelCalls().adam).toBe(0);
    expect(Object.keys(fused).sort()).toEqual(Object.keys(composite).sort());
    for (const key of Object.keys(composite)) expect(fused[key], key).toEqual(composite[key]);
    // Slots were written (an update that did nothing would also be "identical").
    expect(Object.keys(fused).filter((k) => k.startsWith('m/') || k.startsWith('v/'))).toHaveLength(6);
    expect(fused['v/d/k']!.every((v) => v > 0)).toBe(true);
  });

  it('leaves updates that are differentiated (the unrolled GAN) to the composite ops', async () => {
    await tf.setBackend(NATIVE_BACKEND);
    resetNativeKernelCalls();
    const opt = adam({ lr: 0.1 });
    const p = tf.tensor1d([0.5, -1, 2]);
    const state = opt.init({ p });
    const before = tf.memory().numTensors;
    // d/dg of Σ θ′, θ′ = θ − α·m̂/(√v̂ + ε): needs the update's ops on the tape.
    const g0 = tf.tensor1d([0.3, -0.2, 0.1]);
    const dg = tf.grad((g: tf.Tensor) => tf.sum(opt.update({ p: g }, state, { p }).params.p!))(g0);
    const values = Array.from(dg.dataSync());
    expect(values.every((v) => Number.isFinite(v))).toBe(true);
    expect(nativeKernelCalls().adam).toBe(0);
    tf.dispose([dg, g0]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([p, ...Object.values(state)]);
  });
});
