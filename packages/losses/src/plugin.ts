import { GAN_COMPONENT, type AnyComponentDefinition, type GanPlugin } from '@ganforge/core';
import { hingeComponent } from './hinge.js';
import { lecamComponent } from './lecam.js';
import { leastSquaresComponent } from './least-squares.js';
import { minimaxComponent } from './minimax.js';
import { nonSaturatingComponent } from './non-saturating.js';
import { r1Component } from './r1.js';
import { LOSSES_VERSION } from './version.js';
import { wassersteinComponent } from './wasserstein.js';

/**
 * Every component of @ganforge/losses: losses `minimax`, `non-saturating`, `least-squares`,
 * `hinge`, `wasserstein`; regularizers `r1` and `lecam`.
 */
export function lossesComponents(): AnyComponentDefinition[] {
  return [
    minimaxComponent,
    nonSaturatingComponent,
    leastSquaresComponent,
    hingeComponent,
    wassersteinComponent,
    r1Component,
    lecamComponent,
  ];
}

/**
 * The @ganforge/losses plugin: registers the standard GAN losses and the loss-agnostic R1 and
 * LeCam regularizers.
 *
 * ```ts
 * const gan = createGan(config, { plugins: [lossesPlugin(), modelsPlugin()] });
 * ```
 */
export function lossesPlugin(): GanPlugin {
  return {
    name: '@ganforge/losses',
    version: LOSSES_VERSION,
    register(container) {
      for (const definition of lossesComponents())
        container.register(GAN_COMPONENT, { useValue: definition });
    },
  };
}
