import { GAN_COMPONENT, type GanPlugin } from '@ganforge/core';
import { relativisticAverageComponent } from './relativistic-average-loss.js';

/** The package name and version (kept equal to package.json; a test checks it). */
export const RELATIVISTIC_PLUGIN = { name: 'ganforge-plugin-relativistic', version: '1.0.0' } as const;

/**
 * The plugin: registers the loss `relativistic-average`. Listing it beside `lossesPlugin()` is
 * fine (it registers no name that @ganforge/losses owns).
 *
 * ```ts
 * const gan = await createGan({ …, loss: { kind: 'relativistic-average' } },
 *   { plugins: [relativisticPlugin(), modelsPlugin(), dataPlugin()] });
 * ```
 */
export function relativisticPlugin(): GanPlugin {
  return {
    name: RELATIVISTIC_PLUGIN.name,
    version: RELATIVISTIC_PLUGIN.version,
    register(container) {
      container.register(GAN_COMPONENT, { useValue: relativisticAverageComponent });
    },
  };
}
