// The example of packages/plugins-ebgan/README.md, runnable from integration/:
//   npx tsx --conditions=@ganforge/source src/plugin-ebgan/readme-example.ts
import { createGan } from '@ganforge/core/node';
import { dataPlugin, ringModes } from '@ganforge/data';
import { modeCoverage } from '@ganforge/metrics';
import { modelsPlugin } from '@ganforge/models';
import { ebganPlugin } from '@ganforge/plugin-ebgan';

const gan = await createGan(
  {
    seed: 1,
    backend: 'wasm',
    data: { kind: 'ring', sigma: 0.02 },
    generator: { kind: 'mlp', hidden: [32, 32], activation: 'relu', outputActivation: 'linear' },
    discriminator: { kind: 'ebgan', hidden: [32], codeDim: 8 },
    loss: { kind: 'ebgan', margin: 1 },
    regularizers: [{ kind: 'pulling-away', weight: 0.1 }],
    optimizers: { generator: { lr: 1e-3, beta1: 0.5 }, discriminator: { lr: 1e-3, beta1: 0.5 } },
    latentDim: 2,
    batchSize: 64,
    steps: 3000,
  },
  { plugins: [modelsPlugin(), dataPlugin(), ebganPlugin()] },
);
await gan.fit({
  callbacks: [
    {
      name: 'energies',
      onStepEnd: (l) => {
        if (l.step % 500 === 0)
          console.log(
            `step ${l.step}: real energy ${l.ebgan_real_energy.toFixed(3)}, fake energy ${l.ebgan_fake_energy.toFixed(3)}, PT ${l.reg_pulling_away.toFixed(3)}`,
          );
      },
    },
  ],
});
const x = gan.sample({ n: 2500 });
console.log(modeCoverage(x.dataSync(), ringModes(8, 1), 0.02));
x.dispose();
gan.dispose();
