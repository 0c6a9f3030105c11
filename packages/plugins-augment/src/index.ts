/**
 * @ganforge/plugin-augment: differentiable augmentation for GAN training — DiffAugment (Zhao et
 * al. 2020, arXiv:2006.10738), ADA's adaptive probability (Karras et al. 2020, arXiv:2006.06676)
 * and balanced consistency regularization (Zhao et al. 2021, arXiv:2002.04724).
 * @packageDocumentation
 */
import './options-map.js';

export { adjustBrightness, adjustSaturation, adjustContrast } from './ops/colour.js';
export { translate } from './ops/translate.js';
export { cutout } from './ops/cutout.js';
export { flipHorizontal } from './ops/flip.js';
export { applyOpDraws } from './op-draws.js';
export type { OpDraw } from './op-draws.js';
export { drawOps } from './draw-ops.js';
export type { GateDraw } from './draw-ops.js';
export { AUGMENT_POLICIES, DIFF_AUGMENT_DEFAULTS, pixelsOf } from './policy.js';
export type { AugmentPolicy, AugmentSettings } from './policy.js';
export { DrawnTransform } from './drawn-transform.js';
export { imageShapeOf } from './image-shape.js';
export { DiffAugment } from './diff-augment.js';
export { AdaptiveAugment } from './ada.js';
export { adaUpdate, initialAdaState } from './ada-update.js';
export type { AdaState, AdaSchedule } from './ada-update.js';
export { bcrRegularizer, consistencyTerm } from './bcr.js';
export type { ConsistencyInputs } from './bcr.js';
export { diffAugmentOptionsSchema, adaOptionsSchema, bcrOptionsSchema } from './options.js';
export type { DiffAugmentOptions, AdaOptions, BcrOptions } from './options.js';
export { diffAugmentComponent, adaComponent, bcrComponent, augmentComponents } from './components.js';
export { augmentPlugin } from './plugin.js';
export { AUGMENT_VERSION } from './version.js';
