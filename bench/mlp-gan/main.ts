// bench/mlp-gan (BENCHMARKS.md §1): GANForge's trainer built from a config vs a hand-written tfjs
// loop vs the PyTorch reference, alternating rounds in one process on one backend.
//   npx tsx --conditions=@ganforge/source bench/mlp-gan/main.ts [--backend wasm] [--rounds 5] [--steps 200]
import * as tf from '@tensorflow/tfjs';
import { createGan, selectBackend, type GanConfig } from '@ganforge/core';
import { lossesPlugin } from '@ganforge/losses';
import { modelsPlugin } from '@ganforge/models';
import { testingPlugin } from '@ganforge/core/testing';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { handLoop } from './hand-loop.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const backendName = arg('backend', 'wasm');
const rounds = Number(arg('rounds', '5'));
const steps = Number(arg('steps', '200'));
const warmup = 20;
const here = dirname(fileURLToPath(import.meta.url));
const torchScript = join(here, '../../../shared/reference/torch_mlp_gan.py');

const choice = await selectBackend(backendName as 'wasm');

function realBatch(): number[] {
  const rng = Array.from({ length: 64 * 784 }, (_, i) => Math.sin(i * 12.9898) * 43758.5453);
  return rng.map((v) => 2 * (v - Math.floor(v)) - 1);
}

const config: GanConfig = {
  seed: 0,
  backend: backendName,
  // One fixed random batch in [-1, 1] (the sampler draws rows of a 64-row table).
  data: { kind: 'testing-table', values: realBatch(), sampleShape: [784] },
  loss: { kind: 'non-saturating' },
  generator: {
    kind: 'mlp',
    hidden: [256, 256],
    activation: 'leaky-relu',
    leakyReluAlpha: 0.2,
    outputActivation: 'tanh',
  },
  discriminator: { kind: 'mlp', hidden: [256, 256], activation: 'leaky-relu', leakyReluAlpha: 0.2 },
  optimizers: {
    generator: { kind: 'adam', lr: 2e-4, beta1: 0.5, beta2: 0.999 },
    discriminator: { kind: 'adam', lr: 2e-4, beta1: 0.5, beta2: 0.999 },
  },
  trainer: { dSteps: 1 },
  latentDim: 64,
  batchSize: 64,
};
const gan = await createGan(config, {
  plugins: [lossesPlugin(), modelsPlugin(), testingPlugin()],
  selectBackend: false,
});
const hand = handLoop(64, 64);

function time(fn: () => unknown, n: number): number {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn();
  return n / ((performance.now() - t0) / 1000);
}

function pytorch(): number | undefined {
  if (!existsSync('/usr/bin/python3') || !existsSync(torchScript)) return undefined;
  try {
    const out = execFileSync('/usr/bin/python3', [torchScript, '--steps', String(steps), '--threads', '2'], {
      encoding: 'utf8',
    });
    return JSON.parse(out.trim().split('\n').pop() as string).steps_per_s;
  } catch {
    return undefined;
  }
}

time(() => gan.step(), warmup);
time(() => hand.step(), warmup);
const rows: { trainer: number; hand: number; torch?: number }[] = [];
for (let r = 0; r < rounds; r++) {
  const trainer = time(() => gan.step(), steps);
  const handRate = time(() => hand.step(), steps);
  const torchRate = pytorch();
  rows.push({ trainer, hand: handRate, torch: torchRate });
  console.log(
    JSON.stringify({
      round: r + 1,
      trainer_steps_per_s: +trainer.toFixed(2),
      hand_steps_per_s: +handRate.toFixed(2),
      pytorch_steps_per_s: torchRate && +torchRate.toFixed(2),
    }),
  );
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const overhead = rows.map((r) => 1 - r.trainer / r.hand);
const vsTorch = rows.filter((r) => r.torch).map((r) => r.trainer / (r.torch as number));
const summary = {
  bench: 'mlp-gan',
  backend: choice.name,
  tensors: tf.memory().numTensors,
  overhead: +median(overhead).toFixed(4),
  overhead_range: [+Math.min(...overhead).toFixed(4), +Math.max(...overhead).toFixed(4)],
  vs_pytorch: vsTorch.length ? +median(vsTorch).toFixed(3) : null,
  vs_pytorch_range: vsTorch.length
    ? [+Math.min(...vsTorch).toFixed(3), +Math.max(...vsTorch).toFixed(3)]
    : null,
  trainer_steps_per_s: +median(rows.map((r) => r.trainer)).toFixed(2),
  hand_steps_per_s: +median(rows.map((r) => r.hand)).toFixed(2),
  pytorch_steps_per_s: vsTorch.length
    ? +median(rows.filter((r) => r.torch).map((r) => r.torch as number)).toFixed(2)
    : null,
};
console.log(JSON.stringify(summary));
console.table(rows);
gan.dispose();
hand.dispose();
