// bench/ema/raw-vs-ema.ts: one run of a bench/mixtures variant (default the plain non-saturating GAN)
// with `ema` on, scoring 2,500 samples of the raw generator and of its weight average every 1,000
// steps (modes / HQ % / mean distance of the samples from the origin, r̄; the ring's modes lie at
// r = 1). It shows when the average helps (G jitters about its modes) and when it cannot (G circles
// between modes: the average of a rotating generator maps near the centre).
//   npx tsx --conditions=@ganforge/source bench/ema/raw-vs-ema.ts [--variant non-saturating]
//     [--dataset ring|grid] [--batch 64] [--seed 1] [--decay 0.999] [--steps 10000]
//     [--backend wasm-native]
import { createGan, type GanConfig } from '@ganforge/core';
import { dataPlugin } from '@ganforge/data';
import { lossesPlugin } from '@ganforge/losses';
import { modeCoverage } from '@ganforge/metrics';
import { modelsPlugin } from '@ganforge/models';
import { MIXTURES } from '../mixtures/reference.js';
import { VARIANTS } from '../mixtures/variants.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const steps = Number(arg('steps', '10000'));
const variant = VARIANTS[arg('variant', 'non-saturating')];
if (!variant) throw new Error(`unknown variant: expected one of ${Object.keys(VARIANTS).join(', ')}`);
const dataset = arg('dataset', 'ring') as keyof typeof MIXTURES;
const { modes, sigma } = MIXTURES[dataset];
const config: GanConfig = {
  seed: Number(arg('seed', '1')),
  backend: arg('backend', 'wasm-native'),
  data: { kind: dataset },
  generator: { kind: 'mlp', hidden: [128, 128], activation: 'relu', outputActivation: 'linear' },
  latentDim: 2,
  batchSize: Number(arg('batch', '64')),
  ...variant.fields,
  ema: { decay: Number(arg('decay', '0.999')) },
} as GanConfig;
const gan = await createGan(config, {
  plugins: [lossesPlugin(), modelsPlugin(), dataPlugin(), ...variant.plugins()],
});

function score(weights: 'raw' | 'ema'): string {
  const x = gan.metricContext({ weights }).generate(2500);
  const d = x.dataSync();
  x.dispose();
  const c = modeCoverage(d, modes, sigma);
  let r = 0;
  for (let i = 0; i < d.length; i += 2) r += Math.hypot(d[i]!, d[i + 1]!);
  return `${c.modes}/${(100 * c.highQuality).toFixed(1)}% r̄ ${(r / 2500).toFixed(2)}`;
}

for (let s = 1000; s <= steps; s += 1000) {
  await gan.fit({ steps: 1000, keepHistory: false });
  console.log(`step ${s}: raw ${score('raw')}  ema ${score('ema')}`);
}
gan.dispose();
