import { GAN_COMPONENT, type AnyComponentDefinition, type GanPlugin } from '@ganforge/core';
import { unrolledTrainerComponent } from './unrolled-trainer-component.js';
import { UNROLLED_VERSION } from './version.js';

/** Every component of @ganforge/plugin-unrolled: the trainer `unrolled`. */
export function unrolledComponents(): AnyComponentDefinition[] {
  return [unrolledTrainerComponent];
}

/**
 * The @ganforge/plugin-unrolled plugin: the unrolled GAN trainer (Metz et al. 2016,
 * arXiv:1611.02163), which works with any registered loss, regularizer, hook and optimizer.
 *
 * ```ts
 * const gan = await createGan({ trainer: { kind: 'unrolled', unrollSteps: 10 }, … }, { plugins: [unrolledPlugin(), …] });
 * ```
 */
export function unrolledPlugin(): GanPlugin {
  return {
    name: '@ganforge/plugin-unrolled',
    version: UNROLLED_VERSION,
    register(container) {
      for (const definition of unrolledComponents())
        container.register(GAN_COMPONENT, { useValue: definition });
    },
  };
}
