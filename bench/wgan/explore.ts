import * as tf from '@tensorflow/tfjs';
import { createGan, installGradientFixes } from '@ganforge/core';
import { dataPlugin } from '@ganforge/data';
import { modelsPlugin } from '@ganforge/models';
import { wganPlugin } from '@ganforge/plugin-wgan';

const arg = (n: string, f: string) => { const i = process.argv.indexOf(`--${n}`); return i >= 0 ? process.argv[i + 1] : f; };
await tf.setBackend('cpu');
installGradientFixes();
const steps = Number(arg('steps', '300'));
const hidden = arg('hidden', '32,32').split(',').map(Number);
const act = arg('act', 'leaky-relu');
const gan = await createGan({
  seed: Number(arg('seed', '1')), backend: 'cpu', preset: 'wgan-gp',
  data: { kind: 'ring' },
  generator: { kind: 'mlp', hidden, activation: act as never, outputActivation: 'linear' },
  discriminator: { kind: 'mlp', hidden, activation: act as never },
  latentDim: 2, batchSize: Number(arg('batch', '64')),
  optimizers: { generator: { lr: Number(arg('glr', '1e-4')) }, discriminator: { lr: Number(arg('dlr', '1e-4')) } },
}, { plugins: [wganPlugin(), modelsPlugin(), dataPlugin()], selectBackend: false });
const est: number[] = []; const norm: number[] = [];
const t0 = performance.now();
for (let i = 0; i < steps; i++) { const l = gan.step(); est.push(l.wasserstein_estimate); norm.push(l.gradient_penalty_grad_norm); }
const ms = (performance.now() - t0);
const ma = est.map((_, i) => i < 49 ? NaN : est.slice(i - 49, i + 1).reduce((a, b) => a + b) / 50).filter((v) => !Number.isNaN(v));
const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
console.log(JSON.stringify({ ms_per_step: +(ms / steps).toFixed(1), maMax: Math.max(...ma), maEnd: ma[ma.length - 1], ratio: ma[ma.length - 1] / Math.max(...ma), first50: mean(norm.slice(0, 50)), last50: mean(norm.slice(-50)) }));
for (let i = 0; i < steps; i += 25) console.log(i, est[i].toFixed(3), norm[i].toFixed(3), ma[Math.max(0, i - 49)]?.toFixed(3));
