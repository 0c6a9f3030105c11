import { GAN_COMPONENT, type GanPlugin } from '@ganforge/core';
import { pacganComponents } from './components.js';
import { PACGAN_VERSION } from './version.js';

/**
 * The @ganforge/plugin-pacgan plugin: registers the discriminator wrapper `pacgan` (Lin, Khetan,
 * Fanti & Oh 2018, arXiv:1712.04086), D([x₁, …, x_m]): the body discriminator named in its `body`
 * block scores m samples concatenated. List the plugin that provides the body too:
 *
 * ```ts
 * const gan = await createGan(
 *   { …, discriminator: { kind: 'pacgan', packing: 4, body: { kind: 'mlp', hidden: [128, 128] } }, batchSize: 512 },
 *   { plugins: [lossesPlugin(), modelsPlugin(), pacganPlugin()] },
 * );
 * ```
 */
export function pacganPlugin(): GanPlugin {
  return {
    name: '@ganforge/plugin-pacgan',
    version: PACGAN_VERSION,
    register(container) {
      for (const definition of pacganComponents())
        container.register(GAN_COMPONENT, { useValue: definition });
    },
  };
}
