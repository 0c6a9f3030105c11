import { GAN_COMPONENT, type AnyComponentDefinition, type GanPlugin } from '@ganforge/core';
import { lossesPlugin } from '@ganforge/losses';
import { gradientPenaltyComponent } from './gradient-penalty-regularizer.js';
import { wganGpPresetComponent, wganPresetComponent } from './presets.js';
import { WGAN_VERSION } from './version.js';
import { weightClippingComponent } from './weight-clipping.js';

/** Options of {@link wganPlugin}. */
export interface WganPluginOptions {
  /**
   * Receives warnings, e.g. the gradient penalty's one-time warning about a batch-norm critic
   * (default `console.warn`).
   */
  log?: (message: string) => void;
}

/**
 * Every component of @ganforge/plugin-wgan: hook `weight-clipping`, regularizer
 * `gradient-penalty`, presets `wgan` and `wgan-gp`.
 */
export function wganComponents(options: WganPluginOptions = {}): AnyComponentDefinition[] {
  return [
    weightClippingComponent,
    gradientPenaltyComponent(options.log),
    wganPresetComponent,
    wganGpPresetComponent,
  ];
}

/**
 * The @ganforge/plugin-wgan plugin: WGAN (Arjovsky et al. 2017, arXiv:1701.07875) and WGAN-GP
 * (Gulrajani et al. 2017, arXiv:1704.00028). Lists `lossesPlugin()` as a dependency (the
 * `wasserstein` loss), so users need not list it too.
 *
 * ```ts
 * const gan = await createGan({ preset: 'wgan-gp', … }, { plugins: [wganPlugin(), modelsPlugin(), dataPlugin()] });
 * ```
 */
export function wganPlugin(options: WganPluginOptions = {}): GanPlugin {
  return {
    name: '@ganforge/plugin-wgan',
    version: WGAN_VERSION,
    ...(options.log !== undefined ? { options: { log: options.log } } : {}),
    dependencies: [lossesPlugin()],
    register(container) {
      for (const definition of wganComponents(options))
        container.register(GAN_COMPONENT, { useValue: definition });
    },
  };
}
