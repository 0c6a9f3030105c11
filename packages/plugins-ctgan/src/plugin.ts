import { GAN_COMPONENT, type GanPlugin } from '@ganforge/core';
import { wganPlugin } from '@ganforge/plugin-wgan';
import { ctganComponents } from './components.js';
import { registerCopula } from './copula/index.js';
import { CTGAN_VERSION } from './version.js';

/**
 * The @ganforge/plugin-ctgan plugin: CTGAN (Xu, Skoularidou, Cuesta-Infante & Veeramachaneni
 * 2019, "Modeling Tabular data using Conditional GAN", arXiv:1907.00503) for the `table` data
 * source of @ganforge/data: generator and discriminator `ctgan`, data wrapper
 * `training-by-sampling`, regularizers `condition-cross-entropy` and `weight-decay`, preset
 * `ctgan`; and the Gaussian copula baseline (generator and preset `gaussian-copula`, Patki,
 * Wedge & Veeramachaneni 2016). Lists `wganPlugin()` (and through it `lossesPlugin()`) as a dependency, for the
 * preset's `wasserstein` loss and `gradient-penalty`; list the data plugin that provides `table`
 * yourself (`dataPlugin()` of `@ganforge/data/node`; the CLI loads it).
 *
 * ```ts
 * const gan = await createGan(
 *   {
 *     preset: 'ctgan',
 *     data: { kind: 'training-by-sampling', inner: { kind: 'table', path: 'penguins.csv' } },
 *     generator: { kind: 'ctgan' },
 *     discriminator: { kind: 'ctgan' },
 *     latentDim: 128,
 *   },
 *   { plugins: [ctganPlugin(), dataPlugin()] },
 * );
 * ```
 */
export function ctganPlugin(): GanPlugin {
  return {
    name: '@ganforge/plugin-ctgan',
    version: CTGAN_VERSION,
    dependencies: [wganPlugin()],
    register(container) {
      for (const definition of ctganComponents()) container.register(GAN_COMPONENT, { useValue: definition });
      registerCopula(container);
    },
  };
}
