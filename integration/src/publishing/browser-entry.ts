// Entry of the browser-bundle test: core, losses, models, data and one plugin, as a page uses them.
import { createGan } from '@ganforge/core';
import { dataPlugin } from '@ganforge/data';
import { lossesPlugin } from '@ganforge/losses';
import { modelsPlugin } from '@ganforge/models';
import { wganPlugin } from '@ganforge/plugin-wgan';

/** Trains a WGAN-GP for a few steps on the cpu backend and returns its generator losses. */
export async function trainInBrowser(steps = 3): Promise<number[]> {
  const gan = await createGan(
    {
      seed: 1,
      backend: 'cpu',
      preset: 'wgan-gp',
      data: { kind: 'ring' },
      generator: { kind: 'mlp', hidden: [8] },
      discriminator: { kind: 'mlp', hidden: [8] },
      latentDim: 2,
      batchSize: 16,
      steps,
    },
    { plugins: [lossesPlugin(), modelsPlugin(), wganPlugin(), dataPlugin()] },
  );
  const history = await gan.fit();
  gan.dispose();
  return history.map((logs) => logs.g_loss);
}
