import { GAN_COMPONENT, type GanPlugin } from '@ganforge/core';
import { minibatchComponents } from './components.js';
import { MINIBATCH_VERSION } from './version.js';

/**
 * The @ganforge/plugin-minibatch plugin: registers the discriminator wrappers
 * `minibatch-discrimination` (Salimans et al. 2016, arXiv:1606.03498) and `minibatch-stddev`
 * (Karras et al. 2018, arXiv:1710.10196). Each wraps any registered discriminator named in its
 * `body` block, so list the plugin that provides the body too:
 *
 * ```ts
 * const gan = await createGan(
 *   { …, discriminator: { kind: 'minibatch-discrimination', body: { kind: 'mlp', hidden: [128, 128] }, B: 100, C: 5 } },
 *   { plugins: [lossesPlugin(), modelsPlugin(), minibatchPlugin()] },
 * );
 * ```
 */
export function minibatchPlugin(): GanPlugin {
  return {
    name: '@ganforge/plugin-minibatch',
    version: MINIBATCH_VERSION,
    register(container) {
      for (const definition of minibatchComponents())
        container.register(GAN_COMPONENT, { useValue: definition });
    },
  };
}
