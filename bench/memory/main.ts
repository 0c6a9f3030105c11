// bench/memory (BENCHMARKS.md §2): 2,000 trainer steps; tf.memory().numTensors at step 2,000 must
// equal that at step 20, and RSS(2,000) ≤ 1.05 × RSS(500) with gc() before each reading. Also
// 2,000 calls of sample().
//   node --expose-gc --import tsx --conditions=@ganforge/source bench/memory/main.ts [--backend wasm] [--steps 2000]
import * as tf from '@tensorflow/tfjs';
import { createGan, selectBackend } from '@ganforge/core';
import { dataPlugin } from '@ganforge/data';
import { lossesPlugin } from '@ganforge/losses';
import { modelsPlugin } from '@ganforge/models';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const backend = arg('backend', 'wasm');
const steps = Number(arg('steps', '2000'));
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  console.error('run with node --expose-gc');
  process.exit(2);
}
const rss = () => {
  gc();
  return process.memoryUsage().rss;
};

await selectBackend(backend as 'wasm');
const gan = await createGan(
  {
    seed: 1,
    backend,
    data: { kind: 'ring' },
    loss: { kind: 'non-saturating' },
    generator: { kind: 'mlp', hidden: [128, 128], activation: 'relu', outputActivation: 'linear' },
    discriminator: { kind: 'mlp', hidden: [128, 128], activation: 'relu' },
    trainer: { dSteps: 2 },
    latentDim: 2,
    batchSize: 256,
  },
  { plugins: [lossesPlugin(), modelsPlugin(), dataPlugin()], selectBackend: false },
);

function measure(name: string, fn: () => void): Record<string, unknown> {
  const readings: Record<number, { tensors: number; rss: number }> = {};
  for (let i = 1; i <= steps; i++) {
    fn();
    if (i === 20 || i === 500 || i === steps) readings[i] = { tensors: tf.memory().numTensors, rss: rss() };
  }
  const result = {
    bench: 'memory',
    what: name,
    backend,
    steps,
    tensors_at_20: readings[20].tensors,
    tensors_at_end: readings[steps].tensors,
    rss_500_mb: +(readings[500].rss / 2 ** 20).toFixed(1),
    rss_end_mb: +(readings[steps].rss / 2 ** 20).toFixed(1),
    rss_ratio: +(readings[steps].rss / readings[500].rss).toFixed(4),
  };
  const ok = result.tensors_at_20 === result.tensors_at_end && result.rss_ratio <= 1.05;
  console.log(JSON.stringify({ ...result, ok }));
  return result;
}

measure('trainer step (NS, dSteps 2)', () => gan.step());
measure('sample(64)', () => gan.sample({ n: 64 }).dispose());
gan.dispose();
