import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createGan, Rng } from '@ganforge/core';
import { testingPlugin } from '@ganforge/core/testing';
import { modelsPlugin } from './plugin.js';

// DCGAN on the wasm backend (pinned, no fallback): conv2d and conv2dTranspose gradients come from
// core's forward-convolution formulas; stock wasm has no Conv2DBackpropFilter kernel.
describe('DCGAN on wasm', () => {
  it('28×28×1 DCGAN G (batch norm) and D train for 10 steps: finite, changing losses', async () => {
    const values = Array.from(new Rng(5, 'table').uniformArray(32 * 28 * 28, -1, 1));
    const gan = await createGan(
      {
        seed: 1,
        backend: 'wasm',
        data: { kind: 'testing-table', values, sampleShape: [28, 28, 1] },
        generator: { kind: 'dcgan', width: 4 },
        discriminator: { kind: 'dcgan', width: 4 },
        loss: { kind: 'testing-non-saturating' },
        latentDim: 8,
        batchSize: 8,
      },
      { plugins: [modelsPlugin(), testingPlugin()] },
    );
    expect(gan.backend).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    const first = gan.step();
    const start = performance.now();
    let last = first;
    for (let i = 0; i < 9; i++) last = gan.step();
    const ms = (performance.now() - start) / 9;
    console.log(
      `DCGAN 28×28×1 width 4, batch 8 on wasm: ${ms.toFixed(1)} ms/step; d_loss ${first.d_loss.toFixed(4)} → ${last.d_loss.toFixed(4)}`,
    );
    expect(Number.isFinite(last.d_loss) && Number.isFinite(last.g_loss)).toBe(true);
    expect(last.d_loss).not.toBe(first.d_loss);
    expect(last.g_loss).not.toBe(first.g_loss);
    gan.dispose();
  });
});
