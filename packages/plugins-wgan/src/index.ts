/**
 * @ganforge/plugin-wgan: WGAN with weight clipping (Arjovsky et al. 2017, arXiv:1701.07875) and
 * WGAN-GP with a gradient penalty (Gulrajani et al. 2017, arXiv:1704.00028), as pure functions
 * and their registered components: hook `weight-clipping`, regularizer `gradient-penalty`,
 * presets `wgan` and `wgan-gp`. The `wasserstein` loss is @ganforge/losses'.
 * @packageDocumentation
 */
import './options-map.js';

export {
  clipWeights,
  weightClippingHook,
  weightClippingOptionsSchema,
  weightClippingComponent,
} from './weight-clipping.js';
export type { WeightClippingOptions } from './weight-clipping.js';
export { interpolates, interpolationCoefficients } from './interpolates.js';
export { gradientPenalty } from './gradient-penalty.js';
export type { GradientPenaltyInputs, GradientPenaltyResult } from './gradient-penalty.js';
export {
  gradientPenaltyRegularizer,
  gradientPenaltyOptionsSchema,
  gradientPenaltyComponent,
} from './gradient-penalty-regularizer.js';
export type { GradientPenaltyOptions, GradientPenaltyHooks } from './gradient-penalty-regularizer.js';
export { batchNormStatePaths, batchNormWarning } from './batch-norm-paths.js';
export { wganPreset, wganGpPreset, wganPresetComponent, wganGpPresetComponent } from './presets.js';
export { wganPlugin, wganComponents } from './plugin.js';
export type { WganPluginOptions } from './plugin.js';
export { WGAN_VERSION } from './version.js';
