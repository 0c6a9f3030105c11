/**
 * @ganforge/plugin-ebgan: the energy-based GAN (Zhao, Mathieu & LeCun 2016, arXiv:1609.03126):
 * an autoencoder discriminator whose score is a reconstruction energy, the margin loss and the
 * pulling-away term, as pure functions and registered components.
 * @packageDocumentation
 */
import './options-map.js';

export { reconstructionEnergy } from './energy.js';
export { AutoencoderDiscriminator } from './autoencoder-discriminator.js';
export type { AutoencoderOutput } from './autoencoder-discriminator.js';
export {
  ebganDiscriminator,
  ebganDiscriminatorOptionsSchema,
  ebganDiscriminatorComponent,
} from './ebgan-discriminator.js';
export type { EbganDiscriminatorOptions } from './ebgan-discriminator.js';
export {
  EBGAN_DEFAULT_MARGIN,
  ebganDiscriminatorLoss,
  ebganMarginTerm,
  ebganGeneratorLoss,
  ebganLoss,
  ebganLossOptionsSchema,
  ebganLossComponent,
} from './ebgan-loss.js';
export type { EbganLossOptions } from './ebgan-loss.js';
export {
  pullingAwayTerm,
  pullingAwayRegularizer,
  pullingAwayOptionsSchema,
  pullingAwayComponent,
} from './pulling-away.js';
export type { PullingAwayOptions } from './pulling-away.js';
export { ebganPlugin, ebganComponents } from './plugin.js';
export { EBGAN_VERSION } from './version.js';
