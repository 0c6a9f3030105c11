// bench/minibatch (BENCHMARKS.md §3, ring): the plain MLP discriminator beside the same body wrapped
// in `minibatch-discrimination` and in `minibatch-stddev`, mean ± sd over seeds at an equal step
// budget, scored with the PacGAN protocol (2,500 samples, HQ within 3σ, modes, reverse KL).
//   npx tsx --conditions=@ganforge/source bench/minibatch/main.ts [--backend wasm] [--seeds 5]
//     [--steps 2000] [--batch 256] [--hidden 64,64] [--B 16] [--C 5] [--variants plain,mbd,stddev]
//     [--summarize saved-output.txt]
// Prints one JSON line per run, then one per variant (mean ± sd), then a Markdown table.
import { createGan, selectBackend, type GanConfig } from '@ganforge/core';
import { dataPlugin, ringModes } from '@ganforge/data';
import { lossesPlugin } from '@ganforge/losses';
import { modeCoverage } from '@ganforge/metrics';
import { modelsPlugin } from '@ganforge/models';
import { minibatchPlugin } from '@ganforge/plugin-minibatch';
import { readFileSync } from 'node:fs';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const backend = arg('backend', 'wasm');
const seeds = Number(arg('seeds', '5'));
const steps = Number(arg('steps', '2000'));
const batchSize = Number(arg('batch', '256'));
const hidden = arg('hidden', '64,64').split(',').map(Number);
const B = Number(arg('B', '16'));
const C = Number(arg('C', '5'));
const lr = Number(arg('lr', '1e-3'));
const variants = arg('variants', 'plain,mbd,stddev').split(',');

const body = { kind: 'mlp', hidden, activation: 'relu' } as const;
const discriminators: Record<string, GanConfig['discriminator']> = {
  plain: body,
  mbd: { kind: 'minibatch-discrimination', body, B, C },
  stddev: { kind: 'minibatch-stddev', body },
};
const labels: Record<string, string> = {
  plain: `plain MLP D ${hidden.join('×')}`,
  mbd: `minibatch-discrimination (B ${B}, C ${C})`,
  stddev: 'minibatch-stddev',
};

await selectBackend(backend as 'wasm');
const ring = { modes: 8, radius: 1, sigma: 0.01 };
const modes = ringModes(ring.modes, ring.radius);

interface Run {
  variant: string;
  seed: number;
  modes: number;
  hq: number;
  rkl: number;
  ms_per_step: number;
}
// `--summarize <file>` re-prints the summary of a saved run log (its JSON lines) without training.
const saved = arg('summarize', '');
const runs: Run[] = saved
  ? readFileSync(saved, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('{') && l.includes('"seed"'))
      .map((l) => JSON.parse(l) as Run & { rkl: number | null })
      .map((r) => ({ ...r, rkl: r.rkl ?? NaN }))
  : [];
for (let seed = 1; seed <= (saved ? 0 : seeds); seed++) {
  for (const variant of variants) {
    const gan = await createGan(
      {
        seed,
        backend,
        data: { kind: 'ring', ...ring },
        loss: { kind: 'non-saturating' },
        generator: { kind: 'mlp', hidden, activation: 'relu', outputActivation: 'linear' },
        discriminator: discriminators[variant],
        optimizers: {
          generator: { kind: 'adam', lr, beta1: 0.5, beta2: 0.999 },
          discriminator: { kind: 'adam', lr, beta1: 0.5, beta2: 0.999 },
        },
        latentDim: 2,
        batchSize,
      },
      { plugins: [lossesPlugin(), modelsPlugin(), dataPlugin(), minibatchPlugin()], selectBackend: false },
    );
    const t0 = performance.now();
    await gan.fit({ steps });
    const ms = (performance.now() - t0) / steps;
    const x = gan.metricContext().generate(2500);
    const c = modeCoverage(x.dataSync(), modes, ring.sigma);
    x.dispose();
    gan.dispose();
    const run = { variant, seed, modes: c.modes, hq: c.highQuality, rkl: c.reverseKl, ms_per_step: ms };
    runs.push(run);
    console.log(JSON.stringify({ bench: 'minibatch', data: 'ring', steps, batchSize, ...run }));
  }
}

const stats = (xs: number[]) => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = xs.length > 1 ? Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1)) : 0;
  return { mean, sd };
};
const fmt = (s: { mean: number; sd: number }, digits: number, scale = 1) =>
  `${(s.mean * scale).toFixed(digits)} ± ${(s.sd * scale).toFixed(digits)}`;
const rows: string[] = [];
const plainMs = stats(runs.filter((r) => r.variant === 'plain').map((r) => r.ms_per_step)).mean;
for (const variant of variants) {
  const mine = runs.filter((r) => r.variant === variant);
  const m = stats(mine.map((r) => r.modes));
  const hq = stats(mine.map((r) => r.hq));
  // Reverse KL is undefined (NaN) for a run without high-quality samples: averaged over the others.
  const defined = mine.filter((r) => Number.isFinite(r.rkl));
  const rkl = stats(defined.map((r) => r.rkl));
  const ms = stats(mine.map((r) => r.ms_per_step));
  const summary = {
    bench: 'minibatch',
    summary: variant,
    seeds: mine.length,
    steps,
    batchSize,
    hidden,
    backend,
    modes: m,
    hq,
    rkl,
    rkl_runs: defined.length,
    ms_per_step: ms,
    time_vs_plain: plainMs ? ms.mean / plainMs : null,
  };
  console.log(JSON.stringify(summary));
  rows.push(
    `| ${labels[variant]} | ${fmt(m, 1)} | ${fmt(hq, 1, 100)} | ${fmt(rkl, 2)}${defined.length < mine.length ? ` (${defined.length} runs)` : ''} | ${ms.mean.toFixed(1)} |`,
  );
}
console.log(
  `\nring, ${steps} steps, batch ${batchSize}, G and D ${hidden.join('×')} ReLU, latent 2, Adam ${lr} β 0.5/0.999, ${seeds} seeds, ${backend}`,
);
console.log('| discriminator | ring modes | ring HQ % | ring rKL | ms/step |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of rows) console.log(r);
