// bench/mixtures (BENCHMARKS.md §3): ring and grid, several seeds, mode coverage / high-quality
// share / reverse KL over 2,500 samples, per variant, each beside its same-net PyTorch twin
// (bench/mixtures/torch_mixtures.py) run with the same seeds in the same run.
//   npm run bench:mixtures -- [--variants non-saturating,wgan-gp,unrolled,minibatch,ebgan,pacgan]
//     [--seeds 5] [--first-seed 1] [--steps N (default: the variant's)] [--backend wasm-native]
//     [--datasets ring,grid] [--no-twin | --twin-only] [--out FILE (default bench/results/mixtures/DATE-BACKEND-VARIANTS.jsonl)]
//     [--batch N] [--fields JSON (merged over the variant's fields)] [--label TEXT (appended to the
//     row's setting)]: experiments off the committed settings; they keep no sample files.
// Every run appends one JSON line to the results file; seed 1's samples go to
// bench/results/mixtures/samples/ for the plots. `npm run bench:render` makes the docs' tables.
import { createGan, selectBackend, type GanConfig } from '@ganforge/core';
import { dataPlugin } from '@ganforge/data';
import { lossesPlugin } from '@ganforge/losses';
import { manifoldStatisticsBatched, modeCoverage } from '@ganforge/metrics';
import { modelsPlugin } from '@ganforge/models';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { MIXTURES, reference } from './reference.js';
import { runTwin, twinAvailable } from './twin.js';
import { VARIANTS } from './variants.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const seeds = Number(arg('seeds', '5'));
const firstSeed = Number(arg('first-seed', '1'));
const stepsArg = arg('steps', '');
const variants = arg('variants', 'non-saturating').split(',');
for (const v of variants) {
  if (!(v in VARIANTS))
    throw new Error(`unknown variant '${v}': expected one of ${Object.keys(VARIANTS).join(', ')}`);
}
const backend = arg('backend', 'wasm-native');
const datasets = arg('datasets', 'ring,grid').split(',') as (keyof typeof DATA)[];
const date = new Date().toISOString().slice(0, 10);
const resultsDir = new URL('../results/mixtures/', import.meta.url);
const samplesDir = new URL('samples/', resultsDir);
const out = arg('out', new URL(`${date}-${backend}-${variants.join('-')}.jsonl`, resultsDir).pathname);
const withTwin = !process.argv.includes('--no-twin');
/** Runs only the twins (a seed whose GANForge line is already committed). */
const twinOnly = process.argv.includes('--twin-only');
const batchArg = arg('batch', '');
const fieldsArg = JSON.parse(arg('fields', '{}')) as Partial<GanConfig>;
const label = arg('label', '');
const experiment = batchArg !== '' || Object.keys(fieldsArg).length > 0 || label !== '';

const DATA = {
  ring: { block: { kind: 'ring' }, ...MIXTURES.ring },
  grid: { block: { kind: 'grid' }, ...MIXTURES.grid },
} as const;
const NETS = 'G 2→128→128→2 ReLU, latent 2';

mkdirSync(samplesDir, { recursive: true });
const emit = (line: Record<string, unknown>) => {
  const text = JSON.stringify(line);
  console.log(text);
  appendFileSync(out, `${text}\n`);
};

/** The same-machine PyTorch reference's data, nets and latent (BENCHMARKS.md note (a)), per variant. */
function config(variant: string, dataset: keyof typeof DATA, seed: number, steps: number): GanConfig {
  const v = VARIANTS[variant]!;
  return {
    seed,
    backend,
    data: DATA[dataset].block as GanConfig['data'],
    generator: { kind: 'mlp', hidden: [128, 128], activation: 'relu', outputActivation: 'linear' },
    latentDim: 2,
    batchSize: batchArg ? Number(batchArg) : v.batchSize,
    steps,
    ...v.fields,
    ...fieldsArg,
  } as GanConfig;
}

/**
 * Scores 2,500 samples: modes, high-quality share and reverse KL (PacGAN protocol), and the k-NN
 * manifold statistics (k 5) against {@link reference}; keeps seed 1's samples for the plots.
 */
function score(samples: Float32Array | number[], key: Record<string, unknown>, dataset: keyof typeof DATA) {
  const { modes, sigma } = DATA[dataset];
  const c = modeCoverage(samples, modes, sigma);
  if (key.seed === 1 && !experiment) {
    const name = `${key.impl}-${key.variant}-${dataset}-${key.steps}-seed1.json`;
    const body = {
      ...key,
      dataset,
      backend: key.backend,
      sigma,
      modes,
      samples: Array.from(samples, (v) => +v.toFixed(5)),
    };
    writeFileSync(new URL(name, samplesDir), `${JSON.stringify(body)}\n`);
  }
  const knn = manifoldStatisticsBatched(reference(dataset), { values: samples, dim: 2 });
  return {
    modes: c.modes,
    hq: +(100 * c.highQuality).toFixed(2),
    rkl: Number.isFinite(c.reverseKl) ? +c.reverseKl.toFixed(4) : null,
    precision: +knn.precision.toFixed(4),
    recall: +knn.recall.toFixed(4),
    density: +knn.density.toFixed(4),
    coverage: +knn.coverage.toFixed(4),
  };
}

await selectBackend(backend as 'wasm');
const twinOk = withTwin && twinAvailable();
if (withTwin && !twinOk) console.warn('bench/mixtures: /usr/bin/python3 with torch not found: twins skipped');
for (const variant of variants) {
  const v = VARIANTS[variant]!;
  const steps = stepsArg ? Number(stepsArg) : v.steps;
  const common = {
    bench: 'mixtures',
    variant,
    steps,
    batch: batchArg ? Number(batchArg) : v.batchSize,
    setting: label ? `${v.describe}; ${label}` : v.describe,
    nets: NETS,
    date,
  };
  for (const dataset of datasets) {
    for (let seed = firstSeed; seed < firstSeed + seeds; seed++) {
      const started = performance.now();
      if (!twinOnly) {
        const gan = await createGan(config(variant, dataset, seed, steps), {
          plugins: [lossesPlugin(), modelsPlugin(), dataPlugin(), ...v.plugins()],
          selectBackend: false,
        });
        await gan.fit();
        const x = gan.metricContext().generate(2500);
        const key = { impl: 'ganforge', variant, steps, seed, backend };
        const row = score(x.dataSync() as Float32Array, key, dataset);
        x.dispose();
        gan.dispose();
        const seconds = +((performance.now() - started) / 1000).toFixed(1);
        emit({ ...common, kind: 'run', impl: 'ganforge', dataset, seed, backend, ...row, seconds });
      }
      if (twinOk && v.twin && Object.keys(fieldsArg).length === 0) {
        const t = runTwin(v.twin, { dataset, seed, steps, batch: common.batch });
        const key = { impl: 'pytorch', variant, steps, seed, backend: t.backend };
        emit({
          ...common,
          kind: 'run',
          impl: 'pytorch',
          dataset,
          seed,
          backend: t.backend,
          ...score(t.samples, key, dataset),
          seconds: t.seconds,
        });
      }
    }
  }
}
console.log(`bench/mixtures: results appended to ${out}; render the docs' tables with npm run bench:render`);
