import * as tf from '@tensorflow/tfjs';
import { createGan, selectBackend, type GanConfig, type GanPlugin } from '@ganforge/core';
import { nativeKernelCalls, registerNativeBackend, resetNativeKernelCalls } from '@ganforge/backend-native';
import { dataPlugin } from '@ganforge/data/node';
import { lossesPlugin } from '@ganforge/losses';
import { modelsPlugin } from '@ganforge/models';
import { ebganPlugin } from '@ganforge/plugin-ebgan';
import { minibatchPlugin } from '@ganforge/plugin-minibatch';
import { unrolledPlugin } from '@ganforge/plugin-unrolled';
import { wganPlugin } from '@ganforge/plugin-wgan';
import { describe, expect, it } from 'vitest';

// The trainer and the variant plugins on wasm-native (issue #25): the same steps from the same
// seed on wasm-native and on the cpu backend give the same losses (to float32 rounding), with no
// tensor leaked per step, and the native kernels actually ran.

const status = await registerNativeBackend();
const skipReason = status.ok ? '' : ` (SKIPPED: ${status.reason})`;
if (!status.ok) console.warn(`training on wasm-native skipped: ${status.reason}`);

const mlp = { kind: 'mlp' as const, hidden: [32, 32], activation: 'relu' as const };
const ring = {
  data: { kind: 'ring' },
  generator: { ...mlp, outputActivation: 'linear' },
  latentDim: 2,
} as const;
const digits = {
  data: { kind: 'mnist' },
  generator: { kind: 'dcgan', width: 8 },
  latentDim: 16,
} as const;

const CASES: { name: string; plugins: GanPlugin[]; config: Partial<GanConfig>; steps?: number }[] = [
  {
    name: 'DCGAN, non-saturating (conv, transposed conv and both conv gradients)',
    plugins: [],
    config: { ...digits, discriminator: { kind: 'dcgan', width: 8 }, loss: { kind: 'non-saturating' } },
  },
  {
    name: 'WGAN-GP with a conv critic (second derivatives through convolutions)',
    plugins: [wganPlugin()],
    config: {
      ...digits,
      preset: 'wgan-gp',
      regularizers: [{ kind: 'gradient-penalty', lambda: 10 }],
      discriminator: { kind: 'dcgan', width: 8 },
      batchSize: 8,
    },
    // Each step is 5 critic steps with a penalty: the cpu reference's second derivatives are slow.
    steps: 2,
  },
  {
    name: 'unrolled GAN (differentiates through Adam: the composite update)',
    plugins: [unrolledPlugin()],
    config: {
      ...ring,
      loss: { kind: 'non-saturating' },
      discriminator: mlp,
      trainer: { kind: 'unrolled', unrollSteps: 3 },
    },
  },
  {
    name: 'minibatch discrimination',
    plugins: [minibatchPlugin()],
    config: {
      ...ring,
      loss: { kind: 'non-saturating' },
      discriminator: { kind: 'minibatch-discrimination', body: mlp, B: 4, C: 3 },
    },
  },
  {
    name: 'EBGAN with the pulling-away term',
    plugins: [ebganPlugin()],
    config: {
      ...ring,
      loss: { kind: 'ebgan' },
      regularizers: [{ kind: 'pulling-away', weight: 0.1 }],
      discriminator: { kind: 'ebgan', body: 'mlp', hidden: [16], codeDim: 4, activation: 'relu' },
    },
  },
];

const STEPS = 4;

async function train(backend: 'cpu' | 'wasm-native', c: (typeof CASES)[number]) {
  await selectBackend(backend);
  const gan = await createGan({ seed: 3, backend, batchSize: 16, ...c.config } as GanConfig, {
    plugins: [lossesPlugin(), modelsPlugin(), dataPlugin(), ...c.plugins],
    selectBackend: false,
  });
  const losses: number[][] = [];
  const tensors: number[] = [];
  for (let i = 0; i < (c.steps ?? STEPS); i++) {
    const m = gan.step();
    losses.push([m.g_loss, m.d_loss]);
    tensors.push(tf.memory().numTensors);
  }
  gan.dispose();
  return { losses, tensors };
}

describe.skipIf(!status.ok)(`training on wasm-native matches cpu${skipReason}`, () => {
  it.each(CASES)(
    '$name',
    async (c) => {
      resetNativeKernelCalls();
      const native = await train('wasm-native', c);
      const calls = nativeKernelCalls();
      const cpu = await train('cpu', c);
      for (let i = 0; i < (c.steps ?? STEPS); i++) {
        for (let j = 0; j < 2; j++) {
          const [a, b] = [native.losses[i]![j]!, cpu.losses[i]![j]!];
          expect(Number.isFinite(a)).toBe(true);
          expect(
            Math.abs(a - b) / Math.max(1e-3, Math.abs(b)),
            `step ${i} loss ${j}: ${a} vs ${b}`,
          ).toBeLessThan(1e-3);
        }
      }
      // Flat tensor count from the second step on: nothing leaks per step.
      expect(new Set(native.tensors.slice(1)).size).toBe(1);
      expect(calls.batchMatMul + calls.fusedMatMul).toBeGreaterThan(0);
      expect(calls.adam).toBeGreaterThan(0);
      if (c.config.generator?.kind === 'dcgan') {
        expect(calls.conv2d).toBeGreaterThan(0);
        expect(calls.conv2dBackpropInput).toBeGreaterThan(0);
        expect(calls.conv2dBackpropFilter).toBeGreaterThan(0);
      }
      expect(calls.wasmFallback).toBe(0);
      await tf.setBackend('cpu');
    },
    120_000,
  );
});
