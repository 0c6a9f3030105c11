// bench/memory (BENCHMARKS.md §2): 2,000 trainer steps; tf.memory().numTensors at step 2,000 must
// equal that at step 20, and RSS(2,000) ≤ 1.05 × RSS(500) with gc() before each reading. Also
// 2,000 calls of sample(). For the core trainer and every plugin variant.
//   npm run bench:memory -- [--backend wasm] [--steps 2000] [--variants wgan,unrolled]
import * as tf from '@tensorflow/tfjs';
import { createGan, selectBackend, type Gan, type GanConfig, type GanPlugin } from '@ganforge/core';
import { cganPlugin } from '@ganforge/plugin-cgan';
import { ebganPlugin } from '@ganforge/plugin-ebgan';
import { minibatchPlugin } from '@ganforge/plugin-minibatch';
import { unrolledPlugin } from '@ganforge/plugin-unrolled';
import { wganPlugin } from '@ganforge/plugin-wgan';
import { dataPlugin } from '@ganforge/data/node';
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

const mlp = { kind: 'mlp' as const, hidden: [64, 64], activation: 'relu' as const };
const base: GanConfig = {
  seed: 1,
  backend,
  data: { kind: 'ring' },
  loss: { kind: 'non-saturating' },
  generator: { kind: 'mlp', hidden: [64, 64], activation: 'relu', outputActivation: 'linear' },
  discriminator: mlp,
  latentDim: 2,
  batchSize: 64,
};
/** Every variant's step: the core trainer and each plugin's component, on the 8-Gaussian ring. */
const VARIANTS: Record<string, { config: Partial<GanConfig>; plugins: GanPlugin[] }> = {
  'non-saturating, dSteps 2': { config: { trainer: { dSteps: 2 } }, plugins: [] },
  'wgan-gp (5 critic steps, GP)': {
    config: { preset: 'wgan-gp', regularizers: [{ kind: 'gradient-penalty', lambda: 0.1 }] },
    plugins: [wganPlugin()],
  },
  'wgan (weight clipping)': { config: { preset: 'wgan' }, plugins: [wganPlugin()] },
  'unrolled (K 5)': {
    config: { trainer: { kind: 'unrolled', unrollSteps: 5 } },
    plugins: [unrolledPlugin()],
  },
  'minibatch discrimination': {
    config: { discriminator: { kind: 'minibatch-discrimination', body: mlp, B: 8, C: 4 } },
    plugins: [minibatchPlugin()],
  },
  'ebgan (margin + pulling-away)': {
    config: {
      loss: { kind: 'ebgan' },
      regularizers: [{ kind: 'pulling-away', weight: 0.1 }],
      discriminator: { kind: 'ebgan', body: 'mlp', hidden: [64], codeDim: 8 },
    },
    plugins: [ebganPlugin()],
  },
  'cgan (MNIST, concat G, projection D)': {
    config: {
      data: { kind: 'mnist', split: 'train', flatten: true },
      generator: {
        kind: 'conditional',
        mode: 'concat',
        inner: { kind: 'mlp', hidden: [64, 64], activation: 'relu', outputActivation: 'tanh' },
      },
      discriminator: { kind: 'conditional', mode: 'projection', inner: mlp },
    },
    plugins: [cganPlugin()],
  },
};
const only = arg('variants', '');
// RSS is compared from step 500 on (allocator warm-up), or from half-way in shorter runs.
const mid = Math.min(500, Math.floor(steps / 2));
function measure(name: string, fn: () => void): Record<string, unknown> {
  const readings: Record<number, { tensors: number; rss: number }> = {};
  for (let i = 1; i <= steps; i++) {
    fn();
    if (i === 20 || i === mid || i === steps) readings[i] = { tensors: tf.memory().numTensors, rss: rss() };
  }
  const result = {
    bench: 'memory',
    what: name,
    backend,
    steps,
    tensors_at_20: readings[20].tensors,
    tensors_at_end: readings[steps].tensors,
    rss_mid_mb: +(readings[mid].rss / 2 ** 20).toFixed(1),
    rss_end_mb: +(readings[steps].rss / 2 ** 20).toFixed(1),
    rss_ratio: +(readings[steps].rss / readings[mid].rss).toFixed(4),
  };
  const ok = result.tensors_at_20 === result.tensors_at_end && result.rss_ratio <= 1.05;
  console.log(JSON.stringify({ ...result, ok }));
  return result;
}

for (const [name, v] of Object.entries(VARIANTS)) {
  if (only && !only.split(',').some((o) => name.startsWith(o))) continue;
  let gan: Gan;
  try {
    gan = await createGan({ ...base, ...v.config } as GanConfig, {
      plugins: [lossesPlugin(), modelsPlugin(), dataPlugin(), ...v.plugins],
      selectBackend: false,
    });
  } catch (e) {
    console.log(JSON.stringify({ bench: 'memory', what: name, error: String((e as Error).message) }));
    continue;
  }
  measure(`step: ${name}`, () => gan.step());
  if (name.startsWith('non-saturating')) measure('sample(64)', () => gan.sample({ n: 64 }).dispose());
  gan.dispose();
}
