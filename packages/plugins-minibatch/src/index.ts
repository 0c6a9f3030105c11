/**
 * @ganforge/plugin-minibatch: minibatch discrimination (Salimans et al. 2016) and the minibatch
 * standard deviation feature (Karras et al. 2018) as discriminator wrappers.
 * @packageDocumentation
 */
import './options-map.js';

export { minibatchDiscrimination } from './layers/minibatch-discrimination.js';
export type { MinibatchDiscriminationLayerOptions } from './layers/minibatch-discrimination.js';
export { minibatchStddev } from './layers/minibatch-stddev.js';
export type { MinibatchStddevLayerOptions } from './layers/minibatch-stddev.js';
export type { BatchFeature } from './networks/batch-feature.js';
export {
  minibatchDiscriminationFeature,
  minibatchStddevFeature,
  MINIBATCH_T_PATH,
} from './networks/minibatch-features.js';
export type {
  MinibatchDiscriminationFeatureOptions,
  MinibatchStddevFeatureOptions,
} from './networks/minibatch-features.js';
export { probeFeatures } from './networks/feature-params.js';
export type { FeatureProbe } from './networks/feature-params.js';
export {
  BatchFeatureDiscriminator,
  BODY_PREFIX,
  HEAD_KERNEL_PATH,
  HEAD_BIAS_PATH,
} from './networks/batch-feature-discriminator.js';
export {
  minibatchDiscriminationComponent,
  minibatchStddevComponent,
  minibatchDiscriminationOptionsSchema,
  minibatchStddevOptionsSchema,
  minibatchComponents,
} from './components.js';
export type { MinibatchDiscriminationOptions, MinibatchStddevOptions } from './components.js';
export { minibatchPlugin } from './plugin.js';
export { MINIBATCH_VERSION } from './version.js';
