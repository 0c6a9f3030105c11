// bench/mnist/ema-eval.ts (#32 item 6a, #38 item 5): scores a `ganforge train bench/mnist/dcgan-ema.yaml`
// run at each of its checkpoints with the raw and the averaged (EMA) generator weights, by the
// metrics package's classifier score and Fréchet distance beside the k-NN fidelity/diversity
// metrics (precision, recall, density, coverage in the classifier's feature space; N = 2,000
// generated digits against 2,000 held-out ones), and the same scores of 2,000 real training digits
// in place of generated ones (the ceiling). One JSON line per row, appended to --out.
//   npx tsx --conditions=@ganforge/source bench/mnist/ema-eval.ts runs/bench-mnist-ema
//     [--checkpoints 10000,20000] [--weights ema,raw] [--label 'text after the run name']
//     [--no-ceiling] [--out bench/results/mnist/DATE-dcgan-ema.jsonl]
// (standing statistics: copy the run folder, add `standingBatches: K` to its config.yaml's `ema`
// block, and score the copy with --weights ema: they are computed at sampling time.)
import * as tf from '@tensorflow/tfjs';
import { Rng, selectBackend } from '@ganforge/core';
import { mnist } from '@ganforge/data/node';
import {
  classifierScore,
  embedSamples,
  featureStatistics,
  frechetDistance,
  loadMnistClassifier,
  manifoldStatisticsBatched,
} from '@ganforge/metrics';
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const runDir = process.argv[2];
if (!runDir || runDir.startsWith('--'))
  throw new Error('usage: ema-eval.ts RUN_DIR [--checkpoints 10000,20000] [--out FILE]');
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const date = new Date().toISOString().slice(0, 10);
const out = resolve(arg('out', join(root, `bench/results/mnist/${date}-dcgan-ema.jsonl`)));
mkdirSync(dirname(out), { recursive: true });
// The config file the run was trained from (its config.yaml's first line names it) and G's width.
const header = readFileSync(join(runDir, 'config.yaml'), 'utf8').split('\n')[0] ?? '';
const from = /from (\S+?\.ya?ml)/.exec(header)?.[1];
const config = from ? relative(root, resolve(from)) : 'bench/mnist/dcgan-ema.yaml';
const resolved = JSON.parse(readFileSync(join(runDir, 'resolved-config.json'), 'utf8')) as {
  generator: { width?: number };
  ema?: { decay: number };
};
const runName = `DCGAN width ${resolved.generator.width ?? 32}${resolved.ema ? ` + EMA ${resolved.ema.decay}` : ''}`;
const base = { bench: 'mnist-ema', config, date, n: 2000 };
const write = (row: Record<string, unknown>) => {
  const text = JSON.stringify({ ...base, ...row });
  console.log(text);
  appendFileSync(out, `${text}\n`);
};

// The ceiling: 2,000 real training digits scored as if generated, against 2,000 held-out digits.
await selectBackend('wasm');
const label = arg('label', '');
const ceiling = !process.argv.includes('--no-ceiling');
const classifier = await loadMnistClassifier();
const draw = (split: 'train' | 'held-out') => {
  const batch = mnist({ split, flatten: true }).sampler(new Rng(0, 'bench')).next(2000);
  tf.dispose(batch.labels);
  return batch.x;
};
const heldOut = draw('held-out');
const train = draw('train');
const trainEval = classifier.evaluate(train);
const embedded = await embedSamples(heldOut, train, 'mnist-classifier', async () => classifier);
const knn = manifoldStatisticsBatched(embedded.real, embedded.fake, { k: 5, chunkRows: 256 });
if (ceiling)
  write({
    run: 'real training digits (ceiling)',
    classifier_score: classifierScore(trainEval.probabilities, 10),
    frechet_distance: frechetDistance(
      featureStatistics(trainEval.features, 64),
      featureStatistics(classifier.evaluate(heldOut).features, 64),
    ),
    precision: knn.precision,
    recall: knn.recall,
    density: knn.density,
    coverage: knn.coverage,
  });
tf.dispose([heldOut, train]);

for (const checkpoint of arg('checkpoints', '10000,20000').split(',')) {
  for (const weights of arg('weights', 'ema,raw').split(',') as ('ema' | 'raw')[]) {
    const text = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--conditions=@ganforge/source',
        join(root, 'packages/cli/src/bin.ts'),
        'eval',
        runDir,
        '--checkpoint',
        checkpoint,
        '--json',
        ...(weights === 'raw' ? ['--raw-weights'] : []),
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const line = text
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .pop();
    if (!line) throw new Error(`ganforge eval printed no JSON for checkpoint ${checkpoint}`);
    const r = JSON.parse(line) as {
      step: number;
      weights: string;
      metrics: Record<string, number>;
      seconds: number;
    };
    const m = r.metrics;
    write({
      run: `${runName}, ${r.weights} weights${label ? `, ${label}` : ''}`,
      steps: r.step,
      weights: r.weights,
      classifier_score: m.classifier_score_score,
      frechet_distance: m.frechet_distance_distance,
      precision: m.precision_recall_precision,
      recall: m.precision_recall_recall,
      density: m.density_coverage_density,
      coverage: m.density_coverage_coverage,
      eval_seconds: r.seconds,
    });
  }
}
console.log(`bench/mnist/ema-eval: rows appended to ${out}`);
