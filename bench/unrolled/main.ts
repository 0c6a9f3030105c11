// bench/unrolled (BENCHMARKS.md §3, ring): the unrolled GAN (Metz et al. 2016) with K = 0, 5, 10
// on the 8-Gaussian ring (radius 1, σ 0.01), mean ± sd over seeds at an equal generator-step
// budget, with the time per step of each K. Prints one JSON line per run and per row, then a table.
//   npx tsx --conditions=@ganforge/source bench/unrolled/main.ts \
//     [--backend wasm] [--seeds 5] [--steps 10000] [--ks 0,5,10] [--first-order 5,10] \
//     [--hidden 128] [--batch 512] [--lr 1e-3]
// Defaults are the same-machine reference of BENCHMARKS.md (2→128→128 ReLU MLPs, latent 2, batch
// 512, 10,000 steps, Adam β 0.5/0.999); pass smaller --steps/--hidden/--batch for a reduced run.
import * as tf from '@tensorflow/tfjs';
import { createGan, selectBackend, type GanConfig } from '@ganforge/core';
import { dataPlugin, ringModes } from '@ganforge/data';
import { lossesPlugin } from '@ganforge/losses';
import { modeCoverage } from '@ganforge/metrics';
import { modelsPlugin } from '@ganforge/models';
import { unrolledPlugin } from '@ganforge/plugin-unrolled';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const list = (s: string) => (s === '' ? [] : s.split(',').map(Number));
const backend = arg('backend', 'wasm');
const seeds = Number(arg('seeds', '5'));
const steps = Number(arg('steps', '10000'));
const ks = list(arg('ks', '0,5,10'));
const firstOrderKs = list(arg('first-order', ''));
const hidden = Number(arg('hidden', '128'));
const batchSize = Number(arg('batch', '512'));
const lr = Number(arg('lr', '1e-3'));
const sigma = 0.01;
const modes = ringModes(8, 1);

await selectBackend(backend as 'wasm');

interface Run {
  k: number;
  firstOrder: boolean;
  seed: number;
  modes: number;
  hq: number;
  rkl: number;
  msPerStep: number;
}

async function run(k: number, firstOrder: boolean, seed: number): Promise<Run> {
  const config: GanConfig = {
    seed,
    backend: backend as 'wasm',
    data: { kind: 'ring', modes: 8, radius: 1, sigma },
    loss: { kind: 'non-saturating' },
    generator: { kind: 'mlp', hidden: [hidden, hidden], activation: 'relu', outputActivation: 'linear' },
    discriminator: { kind: 'mlp', hidden: [hidden, hidden], activation: 'relu' },
    optimizers: { generator: { lr, beta1: 0.5 }, discriminator: { lr, beta1: 0.5 } },
    trainer: { kind: 'unrolled', unrollSteps: k, firstOrder },
    latentDim: 2,
    batchSize,
    steps,
  };
  const gan = await createGan(config, {
    plugins: [lossesPlugin(), modelsPlugin(), dataPlugin(), unrolledPlugin()],
  });
  const warmup = Math.min(20, Math.floor(steps / 10));
  let timed = 0;
  let timedSteps = 0;
  for (let i = 0; i < steps; i++) {
    const logs = gan.step();
    if (i >= warmup) {
      timed += logs.step_time_ms;
      timedSteps++;
    }
  }
  const x = gan.metricContext().generate(2500);
  const c = modeCoverage(x.dataSync(), modes, sigma);
  x.dispose();
  gan.dispose();
  return {
    k,
    firstOrder,
    seed,
    modes: c.modes,
    hq: c.highQuality,
    rkl: c.reverseKl,
    msPerStep: timed / Math.max(1, timedSteps),
  };
}

const meanSd = (v: number[]) => {
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  const sd = v.length > 1 ? Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (v.length - 1)) : 0;
  return { mean, sd };
};

const variants = [
  ...ks.map((k) => ({ k, firstOrder: false })),
  ...firstOrderKs.map((k) => ({ k, firstOrder: true })),
];
// Seeds outermost, so a run cut short still has the same seeds for every K (and timings taken
// side by side under the same machine load).
const runs: Run[] = [];
for (let seed = 1; seed <= seeds; seed++) {
  for (const v of variants) {
    const r = await run(v.k, v.firstOrder, seed);
    runs.push(r);
    console.log(JSON.stringify({ kind: 'run', backend: tf.getBackend(), steps, hidden, batchSize, ...r }));
  }
}
const rows: Record<string, unknown>[] = [];
for (const v of variants) {
  const mine = runs.filter((r) => r.k === v.k && r.firstOrder === v.firstOrder);
  const row = {
    kind: 'row',
    variant: `unrolled K=${v.k}${v.firstOrder ? ' first-order' : ''}`,
    k: v.k,
    firstOrder: v.firstOrder,
    seeds,
    steps,
    hidden,
    batchSize,
    backend: tf.getBackend(),
    modes: meanSd(mine.map((r) => r.modes)),
    hqPercent: meanSd(mine.map((r) => 100 * r.hq)),
    reverseKl: meanSd(mine.map((r) => r.rkl)),
    msPerStep: meanSd(mine.map((r) => r.msPerStep)),
  };
  rows.push(row);
  console.log(JSON.stringify(row));
}

const fmt = (s: { mean: number; sd: number }, d: number) => `${s.mean.toFixed(d)} ± ${s.sd.toFixed(d)}`;
console.log(
  `\nring, ${steps} steps, ${seeds} seeds, 2→${hidden}→${hidden} ReLU, batch ${batchSize}, ${tf.getBackend()}`,
);
console.log('| variant | modes (of 8) | HQ % | reverse KL | ms / step |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of rows as unknown as {
  variant: string;
  modes: never;
  hqPercent: never;
  reverseKl: never;
  msPerStep: never;
}[]) {
  console.log(
    `| ${r.variant} | ${fmt(r.modes, 1)} | ${fmt(r.hqPercent, 1)} | ${fmt(r.reverseKl, 3)} | ${fmt(r.msPerStep, 1)} |`,
  );
}
