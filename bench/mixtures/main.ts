// bench/mixtures (BENCHMARKS.md §3): ring and grid, several seeds, mode coverage / high-quality
// share / reverse KL over 2,500 samples, per variant, beside the published rows.
//   npm run bench:mixtures -- [--variants non-saturating,wgan-gp,unrolled,minibatch,ebgan]
//     [--seeds 5] [--first-seed 1] [--steps N (default: the variant's)] [--backend wasm] [--datasets ring,grid]
//     [--out results.jsonl (appends every run and summary line)]
import { createGan, selectBackend, type GanConfig } from '@ganforge/core';
import { dataPlugin, gridModes, ringModes } from '@ganforge/data';
import { lossesPlugin } from '@ganforge/losses';
import { modeCoverage } from '@ganforge/metrics';
import { modelsPlugin } from '@ganforge/models';
import { appendFileSync } from 'node:fs';
import { VARIANTS } from './variants.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const seeds = Number(arg('seeds', '5'));
const firstSeed = Number(arg('first-seed', '1'));
const stepsArg = arg('steps', '');
const variants = arg('variants', 'non-saturating').split(',');
const out = arg('out', '');
const emit = (line: Record<string, unknown>) => {
  const text = JSON.stringify(line);
  console.log(text);
  if (out) appendFileSync(out, `${text}\n`);
};
for (const v of variants) {
  if (!(v in VARIANTS))
    throw new Error(`unknown variant '${v}': expected one of ${Object.keys(VARIANTS).join(', ')}`);
}
const backend = arg('backend', 'wasm');
const datasets = arg('datasets', 'ring,grid').split(',');

const PUBLISHED = [
  { method: 'GAN (PacGAN Tab. 1)', ring: [6.3, 98.2, 0.45], grid: [17.3, 94.8, 0.7] },
  { method: 'PacGAN4 (PacGAN Tab. 1)', ring: [7.8, 95.9, 0.07], grid: [24.8, 93.6, 0.04] },
  { method: 'PyTorch NS GAN, this machine', ring: [7.3, 85.2, 0.2], grid: [18.3, 71.5, 0.82] },
];

const DATA = {
  ring: { block: { kind: 'ring' }, modes: ringModes(8, 1), sigma: 0.01, total: 8 },
  grid: { block: { kind: 'grid' }, modes: gridModes(5, 2), sigma: 0.05, total: 25 },
} as const;

/** The same-machine PyTorch reference's data, nets and latent (BENCHMARKS.md note (a)), per variant. */
function config(variant: string, dataset: keyof typeof DATA, seed: number, steps: number): GanConfig {
  const v = VARIANTS[variant]!;
  return {
    seed,
    backend,
    data: DATA[dataset].block as GanConfig['data'],
    generator: { kind: 'mlp', hidden: [128, 128], activation: 'relu', outputActivation: 'linear' },
    latentDim: 2,
    batchSize: v.batchSize,
    steps,
    ...v.fields,
  };
}

const stats = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, xs.length - 1));
  return { mean: +m.toFixed(3), sd: +sd.toFixed(3) };
};

await selectBackend(backend as 'wasm');
const summary: Record<string, unknown>[] = [];
for (const variant of variants) {
  const v = VARIANTS[variant]!;
  const steps = stepsArg ? Number(stepsArg) : v.steps;
  for (const dataset of datasets as (keyof typeof DATA)[]) {
    const rows: { modes: number; hq: number; rkl: number; seconds: number }[] = [];
    for (let seed = firstSeed; seed < firstSeed + seeds; seed++) {
      const started = performance.now();
      const gan = await createGan(config(variant, dataset, seed, steps), {
        plugins: [lossesPlugin(), modelsPlugin(), dataPlugin(), ...v.plugins()],
        selectBackend: false,
      });
      await gan.fit();
      const x = gan.metricContext().generate(2500);
      const c = modeCoverage(x.dataSync(), DATA[dataset].modes, DATA[dataset].sigma);
      x.dispose();
      gan.dispose();
      const row = {
        modes: c.modes,
        hq: +(100 * c.highQuality).toFixed(2),
        rkl: +c.reverseKl.toFixed(4),
        seconds: +((performance.now() - started) / 1000).toFixed(1),
      };
      rows.push(row);
      emit({ bench: 'mixtures', kind: 'run', variant, dataset, seed, steps, ...row });
    }
    const line = {
      bench: 'mixtures',
      kind: 'summary',
      variant,
      dataset,
      seeds,
      steps,
      batch: v.batchSize,
      setting: v.describe,
      nets: 'G 2→128→128→2 ReLU, latent 2',
      backend,
      modes: stats(rows.map((r) => r.modes)),
      high_quality_pct: stats(rows.map((r) => r.hq)),
      reverse_kl: stats(rows.map((r) => r.rkl)),
      seconds_per_run: stats(rows.map((r) => r.seconds)),
    };
    summary.push(line);
    emit(line);
  }
}
const cell = (s: Record<string, unknown> | undefined) =>
  s
    ? `${(s.modes as { mean: number }).mean} / ${(s.high_quality_pct as { mean: number }).mean.toFixed(1)} / ${(s.reverse_kl as { mean: number }).mean.toFixed(3)}`
    : '–';
console.table([
  ...PUBLISHED.map((p) => ({ method: p.method, ring: p.ring.join(' / '), grid: p.grid.join(' / ') })),
  ...variants.map((variant) => ({
    method: `GANForge ${variant} (${seeds} seeds)`,
    ring: cell(summary.find((s) => s.variant === variant && s.dataset === 'ring')),
    grid: cell(summary.find((s) => s.variant === variant && s.dataset === 'grid')),
  })),
]);
