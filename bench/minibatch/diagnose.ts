// bench/minibatch/diagnose.ts: why does minibatch discrimination collapse? One run of the
// bench/mixtures setting (G 2→128→128→2 ReLU, latent 2, NS loss, Adam 1e-3 β 0.5/0.999) with the
// `minibatch-discrimination` wrapper, printing every `--every` steps what its features do on a real
// and a fake batch, and at the end one JSON line in the bench/mixtures run format.
//   npx tsx --conditions=@ganforge/source bench/minibatch/diagnose.ts [--dataset ring|grid]
//     [--seed 1] [--steps 3000] [--batch 64] [--backend wasm-native] [--hidden 128,128]
//     [--disc '{"B":16,"C":5}' (options of the wrapper, over its defaults)] [--plain]
//     [--every 250 (0: no trace)] [--setting 'label'] [--out file.jsonl (appends the run line)]
import * as tf from '@tensorflow/tfjs';
import { createGan, Rng, selectBackend, type GanConfig } from '@ganforge/core';
import { dataPlugin, gridModes, ringModes } from '@ganforge/data';
import { lossesPlugin } from '@ganforge/losses';
import { modeCoverage } from '@ganforge/metrics';
import { modelsPlugin } from '@ganforge/models';
import { HEAD_KERNEL_PATH, minibatchPlugin } from '@ganforge/plugin-minibatch';
import { appendFileSync } from 'node:fs';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const flag = (name: string) => process.argv.includes(`--${name}`);
const dataset = arg('dataset', 'ring') as 'ring' | 'grid';
const seed = Number(arg('seed', '1'));
const steps = Number(arg('steps', '3000'));
const batchSize = Number(arg('batch', '64'));
const backend = arg('backend', 'wasm-native');
const hidden = arg('hidden', '128,128').split(',').map(Number);
const gHidden = arg('g-hidden', hidden.join(',')).split(',').map(Number);
const every = Number(arg('every', '250'));
const plain = flag('plain');
const init = arg('init', '');
const disc = JSON.parse(arg('disc', '{"B":16,"C":5}')) as Record<string, unknown>;
const out = arg('out', '');

const DATA = {
  ring: { block: { kind: 'ring' }, modes: ringModes(8, 1), sigma: 0.01 },
  grid: { block: { kind: 'grid' }, modes: gridModes(5, 2), sigma: 0.05 },
} as const;
const initField = (init ? { init } : {}) as {
  init?: 'fan-in-uniform' | 'glorot-uniform' | 'he-normal' | 'dcgan-normal';
};
const body = { kind: 'mlp', hidden, activation: 'relu', ...initField } as GanConfig['discriminator'];
const config: GanConfig = {
  seed,
  backend,
  data: DATA[dataset].block as GanConfig['data'],
  generator: { kind: 'mlp', hidden: gHidden, activation: 'relu', outputActivation: 'linear', ...initField },
  latentDim: 2,
  batchSize,
  steps,
  loss: { kind: 'non-saturating' },
  discriminator: plain
    ? body
    : ({ kind: 'minibatch-discrimination', body, ...disc } as GanConfig['discriminator']),
  optimizers: {
    generator: { kind: 'adam', lr: 1e-3, beta1: 0.5, beta2: 0.999 },
    discriminator: { kind: 'adam', lr: 1e-3, beta1: 0.5, beta2: 0.999 },
  },
};
const setting = arg('setting', plain ? 'plain NS' : `minibatch ${JSON.stringify(disc)}`);

await selectBackend(backend as 'wasm');
const gan = await createGan(config, {
  plugins: [lossesPlugin(), modelsPlugin(), dataPlugin(), minibatchPlugin()],
  selectBackend: false,
});
const sampler = gan.data.sampler(new Rng(seed, 'diagnose'));
const d = gan.discriminator;
const width = plain ? 0 : (d.params[HEAD_KERNEL_PATH].shape[0] ?? 0) - hidden[hidden.length - 1];

const coverage = (n = 2500) => {
  const x = gan.metricContext().generate(n);
  const c = modeCoverage(x.dataSync(), DATA[dataset].modes, DATA[dataset].sigma);
  x.dispose();
  return c;
};

/**
 * On a real and a fake batch: mean o, the spread of o within the batch, the head's weights on f
 * and on o, and the norms of d score / d x_fake through the o columns and through the f columns.
 */
function trace(step: number): void {
  const real = sampler.next(batchSize);
  const row = tf.tidy(() => {
    const z = new Rng(seed * 1000 + step, 'z').normalTensor([batchSize, 2]);
    const fake = gan.generator.generate(z, { training: false }).x;
    const a = hidden[hidden.length - 1];
    const split = (x: tf.Tensor) => {
      const h = d.forward(x, { training: false }).features;
      return { f: tf.slice(h, [0, 0], [-1, a]), o: tf.slice(h, [0, a], [-1, width]) };
    };
    const r = split(real.x);
    const f = split(fake);
    const w = d.params[HEAD_KERNEL_PATH];
    const wf = tf.slice(w, [0, 0], [a, 1]);
    const wo = tf.slice(w, [a, 0], [width, 1]);
    // Gradient of each part of the fake batch's summed score w.r.t. the fake samples.
    const part = (which: 'f' | 'o') => (x: tf.Tensor) => {
      const s = split(x);
      return tf.sum(which === 'f' ? tf.matMul(s.f, wf) : tf.matMul(s.o, wo)) as tf.Scalar;
    };
    const gO = tf.norm(tf.grad(part('o'))(fake));
    const gF = tf.norm(tf.grad(part('f'))(fake));
    const stats = (o: tf.Tensor) => [tf.mean(o), tf.mean(tf.sqrt(tf.moments(o, 0).variance))];
    // L1 distances of M = f·T per kernel, [n, n, B]: mean nearest neighbour (j ≠ i) and mean pair.
    const T = d.params['minibatch/T'];
    const [ta, tb, tc] = T.shape;
    const dist = (feat: tf.Tensor) => {
      const m = tf.reshape(tf.matMul(feat, tf.reshape(T, [ta, tb * tc])), [batchSize, tb, tc]);
      const l1 = tf.sum(tf.abs(tf.sub(tf.expandDims(m, 1), tf.expandDims(m, 0))), 3);
      const big = tf.mul(tf.expandDims(tf.eye(batchSize), 2), 1e6);
      return [tf.mean(tf.min(tf.add(l1, big), 1)), tf.div(tf.sum(l1), batchSize * (batchSize - 1) * tb)];
    };
    return tf.stack([
      ...stats(r.o),
      ...stats(f.o),
      tf.mean(tf.abs(r.f)),
      tf.norm(wf),
      tf.norm(wo),
      gF,
      gO,
      tf.mean(tf.abs(tf.sub(tf.matMul(r.o, wo), tf.matMul(f.o, wo)))),
      ...dist(r.f),
      ...dist(f.f),
      tf.norm(T),
    ]);
  });
  const v = Array.from(row.dataSync());
  row.dispose();
  real.x.dispose();
  const c = coverage(500);
  const fx = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(3));
  console.log(
    `step ${step}: o real ${fx(v[0])} (sd ${fx(v[1])}) fake ${fx(v[2])} (sd ${fx(v[3])}) | |f| ${fx(v[4])} ‖w_f‖ ${fx(v[5])} ‖w_o‖ ${fx(v[6])} | ‖∂s/∂x‖ f ${fx(v[7])} o ${fx(v[8])} Δs_o ${fx(v[9])} | L1 nn/pair real ${fx(v[10])}/${fx(v[11])} fake ${fx(v[12])}/${fx(v[13])} ‖T‖ ${fx(v[14])} | modes ${c.modes} hq ${(100 * c.highQuality).toFixed(1)}%`,
  );
}

const started = performance.now();
for (let s = 0; s < steps; s++) {
  if (every > 0 && !plain && s % every === 0) trace(s);
  else if (every > 0 && plain && s % every === 0) {
    const c = coverage(500);
    console.log(`step ${s}: modes ${c.modes} hq ${(100 * c.highQuality).toFixed(1)}%`);
  }
  gan.step();
}
if (every > 0 && !plain) trace(steps);
const c = coverage();
const line = {
  bench: 'mixtures',
  kind: 'run',
  variant: plain ? 'non-saturating' : 'minibatch',
  dataset,
  seed,
  steps,
  batch: batchSize,
  setting,
  backend,
  modes: c.modes,
  hq: +(100 * c.highQuality).toFixed(2),
  rkl: +c.reverseKl.toFixed(4),
  seconds: +((performance.now() - started) / 1000).toFixed(1),
};
console.log(JSON.stringify(line));
if (out) appendFileSync(out, `${JSON.stringify(line)}\n`);
gan.dispose();
