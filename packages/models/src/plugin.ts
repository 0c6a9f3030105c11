import { GAN_COMPONENT, type GanPlugin } from '@ganforge/core';
import { modelsComponents } from './components.js';
import { MODELS_VERSION } from './version.js';

/**
 * The @ganforge/models plugin: registers generators and discriminators `mlp`, `dcgan` and `rnn`
 * (GRU/LSTM sequence networks), the `spectral-norm` wrapper of both kinds and the `sngan` preset
 * (whose `hinge` loss comes from @ganforge/losses: list `lossesPlugin()` too).
 *
 * ```ts
 * const gan = createGan(config, { plugins: [lossesPlugin(), modelsPlugin()] });
 * ```
 */
export function modelsPlugin(): GanPlugin {
  return {
    name: '@ganforge/models',
    version: MODELS_VERSION,
    register(container) {
      for (const definition of modelsComponents())
        container.register(GAN_COMPONENT, { useValue: definition });
    },
  };
}
