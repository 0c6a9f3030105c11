// bench/dcgan: DCGAN training steps per second on real MNIST digits, per backend (default wasm, cpu).
//   npx tsx --conditions=@ganforge/source bench/dcgan/main.ts [--backends wasm,wasm-native,cpu] [--width 32] [--batch 64] [--steps 30] [--cpu-steps 3]
import { createGan, selectBackend, type BackendName } from '@ganforge/core';
import { dataPlugin } from '@ganforge/data/node';
import { lossesPlugin } from '@ganforge/losses';
import { modelsPlugin } from '@ganforge/models';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : Number(fallback);
};
const width = arg('width', '32');
const batchSize = arg('batch', '64');

const backendsArg = process.argv.indexOf('--backends');
const backends = (backendsArg >= 0 ? process.argv[backendsArg + 1]! : 'wasm,cpu').split(',') as BackendName[];
for (const [backend, steps] of backends.map(
  (b) => [b, b === 'cpu' ? arg('cpu-steps', '3') : arg('steps', '30')] as [BackendName, number],
)) {
  await selectBackend(backend);
  const gan = await createGan(
    {
      seed: 1,
      backend,
      data: { kind: 'mnist' },
      loss: { kind: 'non-saturating' },
      generator: { kind: 'dcgan', width },
      discriminator: { kind: 'dcgan', width },
      optimizers: { generator: { lr: 2e-4, beta1: 0.5 }, discriminator: { lr: 2e-4, beta1: 0.5 } },
      latentDim: 100,
      batchSize,
    },
    { plugins: [lossesPlugin(), modelsPlugin(), dataPlugin()], selectBackend: false },
  );
  gan.step();
  const started = performance.now();
  let last = gan.step();
  for (let i = 1; i < steps; i++) last = gan.step();
  const seconds = (performance.now() - started) / 1000;
  console.log(
    JSON.stringify({
      bench: 'dcgan',
      backend,
      width,
      batch: batchSize,
      steps,
      steps_per_s: +(steps / seconds).toFixed(3),
      ms_per_step: +((1000 * seconds) / steps).toFixed(1),
      g_loss: +last.g_loss.toFixed(4),
      d_loss: +last.d_loss.toFixed(4),
    }),
  );
  gan.dispose();
}
