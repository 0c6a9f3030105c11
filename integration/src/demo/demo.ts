// `npm run demo`: trains a small non-saturating MLP GAN on the 8-Gaussian ring on the embedded
// wasm backend and writes metrics.jsonl, a scatter of generated vs real points, loss curves and a
// final checkpoint to runs/demo/ at the repository root.
import { checkpointCallback, createGan, metricsJsonlWriter } from '@ganforge/core/node';
import type { Callback, MetricContext } from '@ganforge/core';
import { dataPlugin, ringModes } from '@ganforge/data';
import { lossesPlugin } from '@ganforge/losses';
import { modeCoverage } from '@ganforge/metrics';
import { modelsPlugin } from '@ganforge/models';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lossSpec, renderVegaLitePng, scatterSpec } from './render-png.js';

const out = resolve(process.env.GANFORGE_DEMO_OUT ?? join(dirname(fileURLToPath(import.meta.url)), '../../../runs/demo'));
const steps = Number(process.env.GANFORGE_DEMO_STEPS ?? 3000);
const ring = { modes: 8, radius: 1, sigma: 0.02 };

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const started = performance.now();
const gan = await createGan(
  {
    seed: 1,
    backend: 'wasm',
    data: { kind: 'ring', ...ring },
    loss: { kind: 'non-saturating' },
    generator: { kind: 'mlp', hidden: [128, 128], activation: 'relu', outputActivation: 'linear' },
    discriminator: { kind: 'mlp', hidden: [128, 128], activation: 'relu' },
    optimizers: { generator: { lr: 1e-3 }, discriminator: { lr: 1e-3 } },
    latentDim: 2,
    batchSize: 256,
    steps,
  },
  { plugins: [lossesPlugin(), modelsPlugin(), dataPlugin()], log: (m) => console.log(`demo: ${m}`) },
);
console.log(`demo: backend ${gan.backend}, ${steps} steps, writing to ${out}`);

const coverage = (ctx: MetricContext) => {
  const x = ctx.generate(2500);
  const c = modeCoverage(x.dataSync(), ringModes(ring.modes, ring.radius), ring.sigma);
  x.dispose();
  return c;
};
const progress: Callback = {
  name: 'progress',
  onStepEnd(logs) {
    if (logs.step % 500 === 0 || logs.step === steps) {
      const pct = ((100 * logs.step) / steps).toFixed(0).padStart(3);
      console.log(
        `demo: [${pct}%] step ${logs.step}  g_loss ${logs.g_loss.toFixed(3)}  d_loss ${logs.d_loss.toFixed(3)}` +
          `  d_acc real/fake ${logs.d_acc_real.toFixed(2)}/${logs.d_acc_fake.toFixed(2)}  ${(logs.step_time_ms).toFixed(1)} ms/step`,
      );
    }
  },
};
await gan.fit({
  callbacks: [progress, metricsJsonlWriter(join(out, 'metrics.jsonl'), { every: 10 }), checkpointCallback(gan, { root: join(out, 'checkpoints'), every: 0, keep: 1 })],
});

const cov = coverage(gan.metricContext());
const fake = gan.sample({ n: 1000 });
const realSampler = gan.data.sampler(gan.metricContext().rng);
const real = realSampler.next(1000);
const pairs = (values: ArrayLike<number>) => Array.from({ length: values.length / 2 }, (_, i) => [values[2 * i], values[2 * i + 1]]);
writeFileSync(
  join(out, 'scatter.png'),
  await renderVegaLitePng(
    scatterSpec(pairs(real.x.dataSync()), pairs(fake.dataSync()), `step ${gan.stepCount}: ${cov.modes}/8 modes, ${(100 * cov.highQuality).toFixed(1)} % high quality`),
  ),
);
fake.dispose();
real.x.dispose();
const rows = readFileSync(join(out, 'metrics.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
writeFileSync(join(out, 'losses.png'), await renderVegaLitePng(lossSpec(rows, ['g_loss', 'd_loss', 'd_loss_real', 'd_loss_fake'])));
writeFileSync(join(out, 'coverage.json'), JSON.stringify({ step: gan.stepCount, ...cov }, null, 2) + '\n');
console.log(
  `demo: ${cov.modes}/8 modes, ${(100 * cov.highQuality).toFixed(1)} % high quality, reverse KL ${cov.reverseKl.toFixed(3)}` +
    ` (2,500 samples); ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
console.log(`demo: wrote ${['metrics.jsonl', 'scatter.png', 'losses.png', 'coverage.json', 'checkpoints/'].map((f) => join(out, f)).join(', ')}`);
gan.dispose();
