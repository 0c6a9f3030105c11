// bench/ebgan/diagnose.ts: one EBGAN run on a 2-D mixture with the bench/mixtures config (issue #31
// item 4), logging every --every steps what explains its quality over time:
//   HQ % and modes over 2,500 samples (drawn from the GAN's `sample` stream, so training is
//   unchanged), the spread of samples about their nearest mode (median and 90th percentile
//   distance / σ), and, averaged over the last --every steps, the real energy D(x), the fake energy
//   D(G(z)), the share of fakes with D(G(z)) ≥ m (hinge inactive), the pulling-away term, R1 where
//   used, and the gradient norms (mean and max of the generator's).
//   npx tsx --conditions=@ganforge/source bench/ebgan/diagnose.ts [--seed 2] [--dataset ring]
//     [--steps 10000] [--every 500] [--from S --fine 2 (log every 2 steps after step S)]
//     [--backend wasm-native] [--fields '{"optimizers": …}' JSON merged over the bench's ebgan
//     fields, one level deep] [--decay-from S --decay-to F (diagnosis only: both learning rates
//     ×1 until step S, then linearly to ×F at the last step; --decay-nets generator to decay G's
//     only)] [--decay-until N --decay-to F: registers bench/mixtures/linear-decay.ts'
//     `adam-linear-decay` for --fields to name] [--label text]
//     [--out file.jsonl (appends the final run line)]
// The final line is scored as bench/mixtures/main.ts scores a run (metricContext, 2,500 samples).
// Run it with OPENBLAS_NUM_THREADS=1 on a busy machine (TRAPS.md: thread pools collapse).
import {
  createGan,
  selectBackend,
  type GanConfig,
  type Optimizer,
  type ParamTree,
  type StepLogs,
} from '@ganforge/core';
import { dataPlugin, gridModes, ringModes } from '@ganforge/data';
import { lossesPlugin } from '@ganforge/losses';
import { modeCoverage } from '@ganforge/metrics';
import { modelsPlugin } from '@ganforge/models';
import * as tf from '@tensorflow/tfjs';
import { appendFileSync } from 'node:fs';
import { linearDecayPlugin } from '../mixtures/linear-decay.js';
import { VARIANTS } from '../mixtures/variants.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const seed = Number(arg('seed', '2'));
const dataset = arg('dataset', 'ring') as 'ring' | 'grid';
const steps = Number(arg('steps', '10000'));
const every = Number(arg('every', '500'));
const from = Number(arg('from', 'Infinity'));
const fine = Number(arg('fine', '50'));
const backend = arg('backend', 'wasm-native');
const overrides = JSON.parse(arg('fields', '{}')) as Record<string, unknown>;
const decayFrom = Number(arg('decay-from', 'NaN'));
const decayTo = Number(arg('decay-to', '1'));
const decayNets = arg('decay-nets', 'generator,discriminator').split(',');
// --decay-until N --decay-to F registers bench/mixtures' `adam-linear-decay` (×1 → ×F over N
// updates) for configs (--fields) that name it: the same code path as the bench.
const decayUntil = Number(arg('decay-until', 'NaN'));
const label = arg('label', '');
const out = arg('out', '');

const DATA = {
  ring: { block: { kind: 'ring' }, modes: ringModes(8, 1), sigma: 0.01 },
  grid: { block: { kind: 'grid' }, modes: gridModes(5, 2), sigma: 0.05 },
} as const;

const v = VARIANTS.ebgan!;
const fields: Record<string, unknown> = { ...v.fields };
const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
for (const [key, value] of Object.entries(overrides)) {
  const base = fields[key];
  fields[key] = isObject(base) && isObject(value) ? { ...base, ...value } : value;
}
const config = {
  seed,
  backend,
  data: DATA[dataset].block,
  generator: { kind: 'mlp', hidden: [128, 128], activation: 'relu', outputActivation: 'linear' },
  latentDim: 2,
  batchSize: v.batchSize,
  steps,
  ...fields,
} as GanConfig;

await selectBackend(backend as 'wasm');
const started = performance.now();
const gan = await createGan(config, {
  plugins: [
    lossesPlugin(),
    modelsPlugin(),
    dataPlugin(),
    ...v.plugins(),
    ...(Number.isFinite(decayUntil) ? [linearDecayPlugin({ until: decayUntil, to: decayTo })] : []),
  ],
  selectBackend: false,
});

// Adam's step is linear in lr and its moments do not depend on lr, so scaling each update's
// delta is an lr schedule (to float32 rounding). Core has no schedule: this is for diagnosis.
if (Number.isFinite(decayFrom)) {
  const parts = (gan.trainer as unknown as { parts: Record<string, Optimizer> }).parts;
  for (const key of decayNets.map((net) => `${net}Optimizer`)) {
    const inner = parts[key]!;
    parts[key] = {
      name: inner.name,
      init: (params) => inner.init(params),
      update: (grads: ParamTree, state: ParamTree, params: ParamTree) => {
        const t = gan.stepCount;
        const f = t <= decayFrom ? 1 : 1 + ((decayTo - 1) * (t - decayFrom)) / (steps - decayFrom);
        const next = inner.update(grads, state, params);
        if (f === 1) return next;
        const scaled: ParamTree = {};
        for (const [k, p] of Object.entries(next.params))
          scaled[k] = tf.add(params[k]!, tf.mul(tf.sub(p, params[k]!), f));
        return { params: scaled, state: next.state };
      },
    };
  }
}

const { modes, sigma } = DATA[dataset];

/** Median and 90th percentile of each sample's distance to its nearest mode, in units of σ. */
function spread(xs: ArrayLike<number>): { med: number; p90: number } {
  const d: number[] = [];
  for (let i = 0; i < xs.length / 2; i++) {
    let best = Infinity;
    for (const m of modes) best = Math.min(best, Math.hypot(xs[2 * i]! - m[0]!, xs[2 * i + 1]! - m[1]!));
    d.push(best / sigma);
  }
  d.sort((a, b) => a - b);
  return { med: d[Math.floor(d.length / 2)]!, p90: d[Math.floor(d.length * 0.9)]! };
}

const keys: Record<string, string> = {
  ebgan_real_energy: 'Ereal',
  ebgan_fake_energy: 'Efake',
  ebgan_fake_above_margin: 'aboveM',
  reg_pulling_away: 'PT',
  reg_r1: 'R1',
  d_grad_norm: '|gD|',
  g_grad_norm: '|gG|',
};
const sums: Record<string, number> = {};
let count = 0;
let maxG = 0;
const trace: number[] = [];
await gan.fit({
  keepHistory: false,
  callbacks: [
    {
      name: 'diagnose',
      onStepEnd: (logs: StepLogs) => {
        for (const k of Object.keys(keys)) if (k in logs) sums[k] = (sums[k] ?? 0) + logs[k]!;
        maxG = Math.max(maxG, logs.g_grad_norm ?? 0);
        count++;
        if (logs.step % (logs.step > from ? fine : every) !== 0) return;
        const x = gan.sample({ n: 2500, weights: 'raw' });
        const values = x.dataSync();
        x.dispose();
        const c = modeCoverage(values, modes, sigma);
        let emaPart = '';
        if (gan.ema) {
          const xe = gan.sample({ n: 2500, weights: 'ema' });
          const ce = modeCoverage(xe.dataSync(), modes, sigma);
          xe.dispose();
          emaPart = `  EMA: HQ ${(100 * ce.highQuality).toFixed(1).padStart(5)} % modes ${ce.modes} [${ce.counts.join(',')}]`;
        }
        const s = spread(values);
        trace.push(+(100 * c.highQuality).toFixed(1));
        const parts = Object.entries(keys)
          .filter(([k]) => k in sums)
          .map(([k, name]) => `${name} ${(sums[k]! / count).toPrecision(3)}`);
        console.log(
          `step ${String(logs.step).padStart(5)}  HQ ${(100 * c.highQuality).toFixed(1).padStart(5)} %  modes ${c.modes}  med ${s.med.toFixed(2)}σ p90 ${s.p90.toFixed(1)}σ  ${parts.join('  ')}  max|gG| ${maxG.toPrecision(3)}${emaPart}`,
        );
        for (const k of Object.keys(sums)) sums[k] = 0;
        count = 0;
        maxG = 0;
      },
    },
  ],
});
const x = gan.metricContext().generate(2500);
const c = modeCoverage(x.dataSync(), modes, sigma);
x.dispose();
gan.dispose();
const row = {
  bench: 'mixtures',
  kind: 'run',
  variant: 'ebgan',
  dataset,
  seed,
  steps,
  batch: v.batchSize,
  setting: label || `${v.describe}${Object.keys(overrides).length ? ` + ${JSON.stringify(overrides)}` : ''}`,
  backend,
  modes: c.modes,
  hq: +(100 * c.highQuality).toFixed(2),
  rkl: Number.isFinite(c.reverseKl) ? +c.reverseKl.toFixed(4) : null,
  seconds: +((performance.now() - started) / 1000).toFixed(1),
};
console.log(`trace HQ every ${every}: ${trace.join(' ')}`);
console.log(JSON.stringify(row));
if (out) appendFileSync(out, `${JSON.stringify(row)}\n`);
