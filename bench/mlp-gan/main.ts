// bench/mlp-gan (BENCHMARKS.md §1): GANForge's trainer built from a config vs a hand-written tfjs
// loop vs the PyTorch reference, alternating rounds in one process on one backend.
//   npx tsx --conditions=@ganforge/source bench/mlp-gan/main.ts [--backend wasm] [--rounds 5] [--steps 200] [--threads N]
import * as tf from '@tensorflow/tfjs';
import { createGan, selectBackend } from '@ganforge/core';
import { lossesPlugin } from '@ganforge/losses';
import { modelsPlugin } from '@ganforge/models';
import { testingPlugin } from '@ganforge/core/testing';
import { defaultWasmThreads, useWasmThreads } from '@ganforge/core/node';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { handLoop } from './hand-loop.js';
import { mlpGanConfig } from './config.js';

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

const threads = Number(arg('threads', String(defaultWasmThreads())));
const wasmThreads = backendName === 'wasm' ? await useWasmThreads(threads) : undefined;
const choice = await selectBackend(backendName as 'wasm');

const config = mlpGanConfig(backendName);
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
  wasm_threads: wasmThreads?.enabled ? threads : 1,
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
