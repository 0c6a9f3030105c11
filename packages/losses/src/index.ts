/**
 * @ganforge/losses: the standard GAN losses as pure functions of discriminator outputs, their
 * registered components, label smoothing, discriminator accuracy and the R1 and LeCam
 * regularizers.
 * @packageDocumentation
 */
import './options-map.js';

export { sigmoidCrossEntropyWithLogits, bceDiscriminatorLoss, labelSmoothingShape } from './bce.js';
export type { LabelSmoothingOptions } from './bce.js';
export { thresholdAccuracy } from './accuracy.js';
export { minimaxGeneratorLoss, minimaxLoss, minimaxOptionsSchema, minimaxComponent } from './minimax.js';
export type { MinimaxOptions } from './minimax.js';
export {
  nonSaturatingGeneratorLoss,
  nonSaturatingLoss,
  nonSaturatingOptionsSchema,
  nonSaturatingComponent,
} from './non-saturating.js';
export type { NonSaturatingOptions } from './non-saturating.js';
export {
  leastSquaresDiscriminatorLoss,
  leastSquaresGeneratorLoss,
  leastSquaresLoss,
  leastSquaresOptionsSchema,
  leastSquaresComponent,
} from './least-squares.js';
export type { LeastSquaresOptions, LeastSquaresLossOptions } from './least-squares.js';
export {
  hingeDiscriminatorLoss,
  hingeGeneratorLoss,
  hingeLoss,
  hingeOptionsSchema,
  hingeComponent,
} from './hinge.js';
export type { HingeOptions } from './hinge.js';
export {
  wassersteinCriticLoss,
  wassersteinGeneratorLoss,
  wassersteinEstimate,
  wassersteinLoss,
  wassersteinOptionsSchema,
  wassersteinComponent,
  WASSERSTEIN_DEFAULTS,
} from './wasserstein.js';
export type { WassersteinOptions } from './wasserstein.js';
export { r1Penalty, r1Regularizer, r1OptionsSchema, r1Component } from './r1.js';
export type { R1Inputs, R1Options } from './r1.js';
export { lecamPenalty, lecamAnchorUpdate } from './lecam-penalty.js';
export type { LecamAnchors } from './lecam-penalty.js';
export { LecamRegularizer, lecamOptionsSchema, lecamComponent, LECAM_STATE_PATHS } from './lecam.js';
export type { LecamOptions } from './lecam.js';
export { lossesPlugin, lossesComponents } from './plugin.js';
export { LOSSES_VERSION } from './version.js';
