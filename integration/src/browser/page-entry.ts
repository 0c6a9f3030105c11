// Bundled by esbuild into the browser smoke-test page: trains a tiny GAN on the cpu backend.
import * as tf from '@tensorflow/tfjs';
import { createGan } from '@ganforge/core';
import { testingPlugin } from '@ganforge/core/testing';

declare global {
  interface Window {
    __result?: { ok: boolean; backend?: string; losses?: number[]; steps?: number; error?: string };
  }
}

async function main(): Promise<void> {
  try {
    const gan = await createGan(
      {
        seed: 5,
        backend: 'cpu',
        data: { kind: 'testing-mixture-1d', means: [-2, 2], std: 0.2 },
        generator: { kind: 'tiny-mlp', hidden: [16] },
        discriminator: { kind: 'tiny-mlp', hidden: [16] },
        loss: { kind: 'testing-non-saturating' },
        latentDim: 4,
        batchSize: 32,
      },
      { plugins: [testingPlugin()] },
    );
    const history = await gan.fit({ steps: 20 });
    window.__result = {
      ok: true,
      backend: tf.getBackend(),
      steps: gan.stepCount,
      losses: history.map((h) => h.g_loss),
    };
  } catch (e) {
    window.__result = { ok: false, error: String((e as Error)?.stack ?? e) };
  }
}

void main();
