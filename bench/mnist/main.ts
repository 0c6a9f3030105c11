// bench/mnist (BENCHMARKS.md §4): classifier score and Fréchet distance of the MLP and DCGAN
// example configs, trained by `ganforge train` on the data package's 8,000 training digits and
// scored on N = 2,000 generated digits against the 2,000 held-out ones, beside the held-out real
// digits' own scores (the ceiling); and bench/cgan's label agreement for the conditional GAN.
//   npm run bench:mnist -- [--runs mnist-mlp,dcgan-mnist,cgan] [--mlp-steps 5000]
//     [--dcgan-steps 2000] [--cgan-steps 12000] [--out runs/bench-mnist] [--backend NAME (overrides the configs')]
import * as tf from '@tensorflow/tfjs';
import { Rng, selectBackend } from '@ganforge/core';
import { mnist } from '@ganforge/data/node';
import { classifierScore, featureStatistics, frechetDistance, loadMnistClassifier } from '@ganforge/metrics';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const runs = arg('runs', 'mnist-mlp,dcgan-mnist,cgan').split(',');
const out = resolve(arg('out', 'runs/bench-mnist'));
const steps: Record<string, string> = {
  'mnist-mlp': arg('mlp-steps', '5000'),
  'dcgan-mnist': arg('dcgan-steps', '2000'),
  cgan: arg('cgan-steps', '12000'),
};
const tsx = ['--import', 'tsx', '--conditions=@ganforge/source'];

// The ceiling: the held-out real digits scored like generated ones, FD against the training split.
await selectBackend('wasm');
const classifier = await loadMnistClassifier();
const draw = (split: 'train' | 'held-out', n: number) => {
  const batch = mnist({ split, flatten: true }).sampler(new Rng(0, 'bench')).next(n);
  tf.dispose(batch.labels);
  return batch.x;
};
const heldOut = draw('held-out', 2000);
const train = draw('train', 2000);
const heldOutEval = classifier.evaluate(heldOut);
const ceiling = {
  classifier_score: classifierScore(heldOutEval.probabilities, 10),
  frechet_distance: frechetDistance(
    featureStatistics(heldOutEval.features, 64),
    featureStatistics(classifier.evaluate(train).features, 64),
  ),
};
tf.dispose([heldOut, train]);
console.log(JSON.stringify({ bench: 'mnist', run: 'held-out real digits', n: 2000, ...ceiling }));

const rows: Record<string, unknown>[] = [{ run: 'held-out real digits (ceiling)', n: 2000, ...ceiling }];
for (const run of runs) {
  const started = performance.now();
  if (run === 'cgan') {
    const text = execFileSync(
      process.execPath,
      [
        ...tsx,
        join(root, 'bench/cgan/main.ts'),
        '--steps',
        steps.cgan!,
        '--every',
        steps.cgan!,
        '--out',
        join(out, 'cgan'),
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const summary = JSON.parse(
      text
        .split('\n')
        .filter((l) => l.includes('"summary":true'))
        .pop() as string,
    ) as Record<string, unknown>;
    const row = {
      run: 'cgan (bench/cgan)',
      steps: Number(steps.cgan),
      label_agreement: summary.agreement,
      n: summary.samples,
      seconds: +((performance.now() - started) / 1000).toFixed(0),
    };
    console.log(JSON.stringify({ bench: 'mnist', ...row }));
    rows.push(row);
    continue;
  }
  const dir = join(out, run);
  execFileSync(
    process.execPath,
    [
      ...tsx,
      join(root, 'packages/cli/src/bin.ts'),
      'train',
      join(root, `examples/configs/${run}.yaml`),
      '--out',
      dir,
      '--force',
      '--steps',
      steps[run]!,
      ...(arg('backend', '') ? ['--backend', arg('backend', '')] : []),
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as {
    metrics: Record<string, number>;
  };
  const m = summary.metrics;
  const row = {
    run,
    backend: arg('backend', '') || "the config's",
    steps: Number(steps[run]),
    n: m.classifier_score_n,
    classifier_score: m.classifier_score_score,
    frechet_distance: m.frechet_distance_distance,
    seconds: +((performance.now() - started) / 1000).toFixed(0),
  };
  console.log(JSON.stringify({ bench: 'mnist', ...row }));
  rows.push(row);
}
console.table(rows);
