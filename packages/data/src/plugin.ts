import { GAN_COMPONENT, type AnyComponentDefinition, type GanPlugin } from '@ganforge/core';
import { gridComponent } from './mixture/grid.js';
import { mixture1dComponent } from './mixture/mixture-1d.js';
import { ringComponent } from './mixture/ring.js';
import { spiralComponent } from './mixture/spiral.js';
import { DATA_VERSION } from './version.js';

/** The browser-safe data components: `ring`, `grid`, `spiral`, `mixture-1d`. */
export function browserDataComponents(): AnyComponentDefinition[] {
  return [ringComponent, gridComponent, spiralComponent, mixture1dComponent];
}

/**
 * The @ganforge/data plugin of the browser-safe entry: registers the in-memory sources `ring`,
 * `grid`, `spiral` and `mixture-1d`. The file-backed sources (`mnist`, `idx`, `csv`, `windows`,
 * `image-folder`) need Node: `dataPlugin()` from `@ganforge/data/node` registers all nine under
 * the same plugin name (use one or the other).
 */
export function dataPlugin(): GanPlugin {
  return {
    name: '@ganforge/data',
    version: DATA_VERSION,
    register(container) {
      for (const definition of browserDataComponents())
        container.register(GAN_COMPONENT, { useValue: definition });
    },
  };
}
