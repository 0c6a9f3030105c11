import { GAN_COMPONENT, type AnyComponentDefinition, type GanPlugin } from '@ganforge/core';
import { ebganDiscriminatorComponent } from './ebgan-discriminator.js';
import { ebganLossComponent } from './ebgan-loss.js';
import { pullingAwayComponent } from './pulling-away.js';
import { EBGAN_VERSION } from './version.js';

/** Every component of @ganforge/plugin-ebgan: discriminator `ebgan`, loss `ebgan`, regularizer `pulling-away`. */
export function ebganComponents(): AnyComponentDefinition[] {
  return [ebganDiscriminatorComponent, ebganLossComponent, pullingAwayComponent];
}

/**
 * The EBGAN plugin (Zhao, Mathieu & LeCun 2016, arXiv:1609.03126): registers the autoencoder
 * discriminator `ebgan` (energy D(x) = (1/F)‖Dec(Enc(x)) − x‖²), the margin loss `ebgan`
 * (L_D = D(x) + [m − D(G(z))]⁺, L_G = D(G(z))) and the G-side `pulling-away` regularizer.
 *
 * ```ts
 * const gan = await createGan(
 *   { discriminator: { kind: 'ebgan' }, loss: { kind: 'ebgan' }, regularizers: [{ kind: 'pulling-away' }], … },
 *   { plugins: [modelsPlugin(), dataPlugin(), ebganPlugin()] },
 * );
 * ```
 */
export function ebganPlugin(): GanPlugin {
  return {
    name: '@ganforge/plugin-ebgan',
    version: EBGAN_VERSION,
    register(container) {
      for (const definition of ebganComponents()) container.register(GAN_COMPONENT, { useValue: definition });
    },
  };
}
