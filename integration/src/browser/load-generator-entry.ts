// Bundled into the browser page of the generator-loading test: loads an exported generator by
// URL (no training code involved) and samples from seeded noise.
import * as tf from '@tensorflow/tfjs';
import { loadGeneratorFromUrl } from '@ganforge/core';
import { testingPlugin } from '@ganforge/core/testing';

declare global {
  interface Window {
    __generated?: { ok: boolean; values?: number[]; shape?: number[]; error?: string };
  }
}

async function main(): Promise<void> {
  try {
    await tf.setBackend('cpu');
    const loaded = await loadGeneratorFromUrl('https://ganforge.test/generator/', [testingPlugin()]);
    const x = loaded.sample({ n: 6, seed: 7 });
    window.__generated = { ok: true, values: Array.from(x.dataSync()), shape: x.shape };
  } catch (e) {
    window.__generated = { ok: false, error: String((e as Error)?.stack ?? e) };
  }
}

void main();
