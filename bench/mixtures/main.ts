// bench/mixtures (BENCHMARKS.md §3): ring and grid, several seeds, mode coverage / high-quality
// share / reverse KL over 2,500 samples, beside the published rows.
//   npx tsx --conditions=@ganforge/source bench/mixtures/main.ts [--seeds 5] [--steps 10000] [--backend wasm] [--datasets ring,grid]
import { createGan, selectBackend, type GanConfig } from '@ganforge/core';
import { dataPlugin, gridModes, ringModes } from '@ganforge/data';
import { lossesPlugin } from '@ganforge/losses';
import { modeCoverage } from '@ganforge/metrics';
import { modelsPlugin } from '@ganforge/models';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const seeds = Number(arg('seeds', '5'));
const steps = Number(arg('steps', '10000'));
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

/** The non-saturating GAN of the same-machine PyTorch reference (BENCHMARKS.md note (a)). */
function config(dataset: keyof typeof DATA, seed: number): GanConfig {
  return {
    seed,
    backend,
    data: DATA[dataset].block as GanConfig['data'],
    loss: { kind: 'non-saturating' },
    generator: { kind: 'mlp', hidden: [128, 128], activation: 'relu', outputActivation: 'linear' },
    discriminator: { kind: 'mlp', hidden: [128, 128], activation: 'relu' },
    optimizers: { generator: { lr: 1e-3, beta1: 0.5 }, discriminator: { lr: 1e-3, beta1: 0.5 } },
    latentDim: 2,
    batchSize: 512,
    steps,
  };
}

const stats = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, xs.length - 1));
  return { mean: +m.toFixed(3), sd: +sd.toFixed(3) };
};

await selectBackend(backend as 'wasm');
const summary: Record<string, unknown>[] = [];
for (const dataset of datasets as (keyof typeof DATA)[]) {
  const rows: { modes: number; hq: number; rkl: number; seconds: number }[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    const started = performance.now();
    const gan = await createGan(config(dataset, seed), {
      plugins: [lossesPlugin(), modelsPlugin(), dataPlugin()],
      selectBackend: false,
    });
    await gan.fit();
    const x = gan.metricContext().generate(2500);
    const c = modeCoverage(x.dataSync(), DATA[dataset].modes, DATA[dataset].sigma);
    x.dispose();
    gan.dispose();
    const row = {
      modes: c.modes,
      hq: 100 * c.highQuality,
      rkl: c.reverseKl,
      seconds: (performance.now() - started) / 1000,
    };
    rows.push(row);
    console.log(
      JSON.stringify({ bench: 'mixtures', variant: 'non-saturating', dataset, seed, steps, ...row }),
    );
  }
  const line = {
    bench: 'mixtures',
    variant: 'non-saturating',
    dataset,
    seeds,
    steps,
    nets: '2→128→128 ReLU MLPs, latent 2, batch 512, Adam 1e-3 β 0.5/0.999',
    backend,
    modes: stats(rows.map((r) => r.modes)),
    high_quality_pct: stats(rows.map((r) => r.hq)),
    reverse_kl: stats(rows.map((r) => r.rkl)),
    seconds_per_run: stats(rows.map((r) => r.seconds)),
  };
  summary.push(line);
  console.log(JSON.stringify(line));
}
console.table([
  ...PUBLISHED.map((p) => ({ method: p.method, ring: p.ring.join(' / '), grid: p.grid.join(' / ') })),
  {
    method: `GANForge NS GAN (${seeds} seeds, ${steps} steps)`,
    ...Object.fromEntries(
      summary.map((s) => [
        s.dataset as string,
        `${(s.modes as { mean: number }).mean} / ${(s.high_quality_pct as { mean: number }).mean.toFixed(1)} / ${(s.reverse_kl as { mean: number }).mean.toFixed(2)}`,
      ]),
    ),
  },
]);
