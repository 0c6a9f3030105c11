// bench/stabilizers/step-time.ts (#32 item 6d): the time per training step each stabilizer adds to
// the MNIST DCGAN of bench/mnist/dcgan-ema.yaml (width 32, batch 64, non-saturating), on one
// backend. Rows: the plain DCGAN, then + EMA, + DiffAugment (color, translation, cutout), + ADA,
// + LeCam, + bCR, + all of them. Interleaved rounds on this noisy machine: each round times
// `--steps` steps of every row after its own warm-up, and a row's figure is its median over the
// rounds, beside its ratio to the plain DCGAN of the same round (median of the ratios).
//   npx tsx --conditions=@ganforge/source bench/stabilizers/step-time.ts [--rounds 5]
//     [--steps 40] [--warmup 10] [--backend wasm-native] [--out bench/results/stabilizers/DATE.jsonl]
import { createGan, selectBackend, type Gan, type GanConfig } from '@ganforge/core';
import { dataPlugin } from '@ganforge/data/node';
import { lossesPlugin } from '@ganforge/losses';
import { modelsPlugin } from '@ganforge/models';
import { augmentPlugin } from '@ganforge/plugin-augment';
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const rounds = Number(arg('rounds', '5'));
const steps = Number(arg('steps', '40'));
const warmup = Number(arg('warmup', '10'));
const backend = arg('backend', 'wasm-native');
const date = new Date().toISOString().slice(0, 10);
const out = resolve(arg('out', `bench/results/stabilizers/${date}-${backend}-step-time.jsonl`));

const base: GanConfig = {
  seed: 1,
  backend: backend as GanConfig['backend'],
  data: { kind: 'mnist', split: 'train' },
  loss: { kind: 'non-saturating' },
  generator: { kind: 'dcgan', width: 32 },
  discriminator: { kind: 'dcgan', width: 32 },
  optimizers: {
    generator: { lr: 2e-4, beta1: 0.5 },
    discriminator: { lr: 2e-4, beta1: 0.5 },
  },
  latentDim: 64,
  batchSize: 64,
  steps: 1_000_000,
};
const diffAugment = {
  kind: 'diff-augment',
  policy: ['color', 'translation', 'cutout'],
} as unknown as GanConfig['augment'];
const rows: Record<string, Partial<GanConfig>> = {
  dcgan: {},
  '+ ema (0.999)': { ema: { decay: 0.999 } },
  '+ diff-augment (color, translation, cutout)': { augment: diffAugment },
  '+ ada (target 0.6)': { augment: { kind: 'ada' } as unknown as GanConfig['augment'] },
  '+ lecam (λ 0.3)': { regularizers: [{ kind: 'lecam' } as never] },
  '+ bcr (λ 10, 10)': { regularizers: [{ kind: 'bcr' } as never] },
  '+ all (ema, diff-augment, lecam, bcr)': {
    ema: { decay: 0.999 },
    augment: diffAugment,
    regularizers: [{ kind: 'lecam' } as never, { kind: 'bcr' } as never],
  },
};

await selectBackend(backend as never);
const plugins = [dataPlugin(), modelsPlugin(), lossesPlugin(), augmentPlugin()];
const gans = new Map<string, Gan>();
for (const [name, fields] of Object.entries(rows)) {
  const gan = await createGan({ ...base, ...fields }, { plugins });
  for (let i = 0; i < warmup; i++) gan.step();
  gans.set(name, gan);
}
const times = new Map<string, number[]>([...gans.keys()].map((k) => [k, []]));
const ratios = new Map<string, number[]>([...gans.keys()].map((k) => [k, []]));
for (let r = 0; r < rounds; r++) {
  const round = new Map<string, number>();
  for (const [name, gan] of gans) {
    const t0 = performance.now();
    for (let i = 0; i < steps; i++) gan.step();
    round.set(name, (performance.now() - t0) / steps);
  }
  for (const [name, ms] of round) {
    times.get(name)!.push(ms);
    ratios.get(name)!.push(ms / round.get('dcgan')!);
  }
  console.log(
    `round ${r + 1}/${rounds}: ${[...round].map(([n, ms]) => `${n} ${ms.toFixed(1)} ms`).join(' · ')}`,
  );
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
mkdirSync(dirname(out), { recursive: true });
for (const name of gans.keys()) {
  const row = {
    bench: 'stabilizer-step-time',
    date,
    backend,
    config: 'bench/mnist/dcgan-ema.yaml (DCGAN width 32, batch 64)',
    row: name,
    rounds,
    steps,
    ms_per_step: +median(times.get(name)!).toFixed(2),
    ratio_to_dcgan: +median(ratios.get(name)!).toFixed(3),
    ms_per_round: times.get(name)!.map((t) => +t.toFixed(2)),
  };
  console.log(JSON.stringify(row));
  appendFileSync(out, `${JSON.stringify(row)}\n`);
}
for (const gan of gans.values()) gan.dispose();
