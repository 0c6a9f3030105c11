import { GAN_COMPONENT, type GanPlugin } from '@ganforge/core';
import { cganComponents } from './components.js';
import { CGAN_VERSION } from './version.js';

/**
 * The @ganforge/plugin-cgan plugin: registers the `conditional` generator and discriminator
 * wrappers (conditional GANs, Mirza & Osindero 2014, arXiv:1411.1784; projection discriminator,
 * Miyato & Koyama 2018, arXiv:1802.05637). They wrap any registered network.
 *
 * ```ts
 * const gan = await createGan(config, { plugins: [lossesPlugin(), modelsPlugin(), dataPlugin(), cganPlugin()] });
 * const digits = gan.sample({ n: 10, labels: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] });
 * ```
 */
export function cganPlugin(): GanPlugin {
  return {
    name: '@ganforge/plugin-cgan',
    version: CGAN_VERSION,
    register(container) {
      for (const definition of cganComponents()) container.register(GAN_COMPONENT, { useValue: definition });
    },
  };
}
