/**
 * @ganforge/plugin-pacgan: PacGAN packing (Lin, Khetan, Fanti & Oh 2018, arXiv:1712.04086) as a
 * discriminator wrapper: the inner discriminator scores m samples concatenated.
 * @packageDocumentation
 */
import './options-map.js';

export { packSamples, checkBatchPacking } from './pack-samples.js';
export { PackedDiscriminator, BODY_PREFIX } from './packed-discriminator.js';
export { pacganComponent, pacganOptionsSchema, pacganComponents } from './components.js';
export type { PacganOptions } from './components.js';
export { pacganPlugin } from './plugin.js';
export { PACGAN_VERSION } from './version.js';
