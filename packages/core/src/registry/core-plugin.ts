import { builtinComponents } from '../builtin-components.js';
import { GAN_COMPONENT } from '../di/tokens.js';
import type { GanPlugin } from '../types/plugin.js';

/** The package name under which core's own components are registered. */
export const CORE_PLUGIN_NAME = '@ganforge/core';

/**
 * The plugin of core's own components (trainer `default`; optimizers `adam`, `sgd`, `rmsprop`).
 * `createGanContainer` always registers it first; listing it again is harmless.
 */
export function corePlugin(): GanPlugin {
  return {
    name: CORE_PLUGIN_NAME,
    register(container) {
      for (const definition of builtinComponents())
        container.register(GAN_COMPONENT, { useValue: definition });
    },
  };
}
