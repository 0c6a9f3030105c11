import { GAN_COMPONENT, type GanPlugin } from '@ganforge/core';
import { augmentComponents } from './components.js';
import { AUGMENT_VERSION } from './version.js';

/**
 * The @ganforge/plugin-augment plugin: registers the `augment` components `diff-augment`
 * (DiffAugment, Zhao et al. 2020, arXiv:2006.10738) and `ada` (adaptive p, Karras et al. 2020,
 * arXiv:2006.06676), and the regularizer `bcr` (balanced consistency regularization, Zhao et al.
 * 2021, arXiv:2002.04724):
 *
 * ```ts
 * const gan = await createGan(
 *   { …, augment: { kind: 'diff-augment', policy: ['color', 'translation', 'cutout'] } },
 *   { plugins: [lossesPlugin(), modelsPlugin(), dataPlugin(), augmentPlugin()] },
 * );
 * ```
 */
export function augmentPlugin(): GanPlugin {
  return {
    name: '@ganforge/plugin-augment',
    version: AUGMENT_VERSION,
    register(container) {
      for (const definition of augmentComponents())
        container.register(GAN_COMPONENT, { useValue: definition });
    },
  };
}
