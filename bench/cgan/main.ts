// bench/cgan: a conditional GAN on the real MNIST digits of @ganforge/data (8,000-digit training
// split); every `--every` steps and at the end, 1,000 samples (100 per requested digit) are scored
// by @ganforge/metrics' MNIST classifier: the share it labels as the requested digit
// ("agreement", acceptance ≥ 90 %). Saves a 10×10 grid (row = requested digit) with pngjs.
//   npx tsx --conditions=@ganforge/source bench/cgan/main.ts [--steps 12000] [--every 1000]
//     [--d-mode projection|concat|embedding] [--g-mode concat|embedding] [--d-dropout 0] [--loss non-saturating]
//     [--seed 1] [--backend wasm] [--out runs/bench-cgan]
import * as tf from '@tensorflow/tfjs';
import { createGan, type GanConfig } from '@ganforge/core';
import { dataPlugin, mnist } from '@ganforge/data/node';
import { lossesPlugin } from '@ganforge/losses';
import { loadMnistClassifier, type MnistClassifier } from '@ganforge/metrics';
import { modelsPlugin } from '@ganforge/models';
import { cganPlugin } from '@ganforge/plugin-cgan';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeDigitGrid } from './grid-png.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const steps = Number(arg('steps', '12000'));
const every = Number(arg('every', '1000'));
const dMode = arg('d-mode', 'projection');
const gMode = arg('g-mode', 'concat');
const backend = arg('backend', 'wasm');
const seed = Number(arg('seed', '1'));
const dDropout = Number(arg('d-dropout', '0'));
const loss = arg('loss', 'non-saturating');
const out = resolve(arg('out', 'runs/bench-cgan'));
mkdirSync(out, { recursive: true });

const config: GanConfig = {
  seed,
  backend,
  data: { kind: 'mnist', split: 'train', flatten: true },
  generator: {
    kind: 'conditional',
    mode: gMode,
    inner: { kind: 'mlp', hidden: [256, 256], activation: 'leaky-relu', outputActivation: 'tanh' },
  },
  discriminator: {
    kind: 'conditional',
    mode: dMode,
    inner: { kind: 'mlp', hidden: [256, 256], activation: 'leaky-relu', dropout: dDropout },
  },
  loss: { kind: loss },
  optimizers: {
    generator: { kind: 'adam', lr: 2e-4, beta1: 0.5 },
    discriminator: { kind: 'adam', lr: 2e-4, beta1: 0.5 },
  },
  latentDim: 64,
  batchSize: 64,
} as GanConfig;

const gan = await createGan(config, {
  plugins: [lossesPlugin(), modelsPlugin(), dataPlugin(), cganPlugin()],
});
const classifier = await loadMnistClassifier();
const requested = Array.from({ length: 1000 }, (_, i) => Math.floor(i / 100));

/** Share of samples the classifier labels as the requested digit, overall and per digit. */
function agreement(
  c: MnistClassifier,
  x: tf.Tensor,
  labels: number[],
): { overall: number; perDigit: number[] } {
  const { probabilities } = c.evaluate(x);
  const hits = Array(10).fill(0);
  const counts = Array(10).fill(0);
  labels.forEach((y, i) => {
    const p = probabilities.subarray(i * 10, i * 10 + 10);
    const argmax = p.indexOf(Math.max(...p));
    counts[y]++;
    if (argmax === y) hits[y]++;
  });
  return {
    overall: hits.reduce((a, b) => a + b, 0) / labels.length,
    perDigit: hits.map((h, d) => h / counts[d]),
  };
}

function evaluate(step: number, started: number): number {
  const x = gan.sample({ n: 1000, labels: requested });
  const a = agreement(classifier, x, requested);
  x.dispose();
  const seconds = (performance.now() - started) / 1000;
  console.log(
    JSON.stringify({
      bench: 'cgan',
      step,
      agreement: +a.overall.toFixed(4),
      per_digit: a.perDigit.map((v) => +v.toFixed(2)),
      seconds: +seconds.toFixed(1),
    }),
  );
  return a.overall;
}

// The ceiling: the classifier on the 2,000 held-out real digits.
const heldOut = mnist({ split: 'held-out', flatten: true })
  .sampler(new (await import('@ganforge/core')).Rng(0, 'bench'))
  .next(2000);
const realLabels = Array.from(tf.argMax(heldOut.labels as tf.Tensor, 1).dataSync());
const ceiling = agreement(classifier, heldOut.x, realLabels).overall;
tf.dispose([heldOut.x, heldOut.labels as tf.Tensor]);

console.log(
  `cgan bench: backend ${gan.backend}, G ${gMode} / D ${dMode} MLPs (D dropout ${dDropout}), ${loss} loss, ${steps} steps of batch 64; held-out real digits: ${(100 * ceiling).toFixed(1)} % agreement`,
);
const started = performance.now();
let last = 0;
for (let step = 1; step <= steps; step++) {
  const logs = gan.step();
  if (step % every === 0 || step === steps) {
    console.log(
      `  step ${step}: g_loss ${logs.g_loss.toFixed(3)} d_loss ${logs.d_loss.toFixed(3)} d_acc ${logs.d_acc_real.toFixed(2)}/${logs.d_acc_fake.toFixed(2)}`,
    );
    last = evaluate(step, started);
  }
}
const seconds = (performance.now() - started) / 1000;
const grid = gan.sample({ n: 100, labels: Array.from({ length: 100 }, (_, i) => Math.floor(i / 10)) });
writeDigitGrid(join(out, 'grid.png'), grid.dataSync(), 10, 10);
grid.dispose();
console.log(
  JSON.stringify({
    bench: 'cgan',
    summary: true,
    backend: gan.backend,
    g_mode: gMode,
    d_mode: dMode,
    d_dropout: dDropout,
    loss,
    seed,
    steps,
    batch: 64,
    samples: 1000,
    agreement: +last.toFixed(4),
    held_out_real_agreement: +ceiling.toFixed(4),
    accepted: last >= 0.9,
    steps_per_s: +(steps / seconds).toFixed(2),
    grid: join(out, 'grid.png'),
  }),
);
gan.dispose();
classifier.dispose();
