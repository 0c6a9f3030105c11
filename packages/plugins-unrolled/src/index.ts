/**
 * @ganforge/plugin-unrolled: the unrolled GAN (Metz, Poole, Pfau & Sohl-Dickstein 2016,
 * "Unrolled Generative Adversarial Networks", arXiv:1611.02163). The generator is trained against
 * the discriminator K optimizer steps ahead, differentiating through those steps (second order):
 * trainer `unrolled`, the pure unroll {@link unrollDiscriminator} and {@link stopGradient}.
 * @packageDocumentation
 */
import './options-map.js';

export { UnrolledTrainer, requireSubstitutableDiscriminator } from './unrolled-trainer.js';
export type { UnrolledTrainerSettings } from './unrolled-trainer.js';
export { unrolledTrainerComponent, unrolledTrainerOptionsSchema } from './unrolled-trainer-component.js';
export type { UnrolledTrainerOptions } from './unrolled-trainer-component.js';
export { unrollDiscriminator, releaseUnrolled } from './unroll-discriminator.js';
export type { UnrollInputs, UnrolledDiscriminator, DiscriminatorTrees } from './unroll-discriminator.js';
export { stopGradient } from './stop-gradient.js';
export { unrolledPlugin, unrolledComponents } from './plugin.js';
export { UNROLLED_VERSION } from './version.js';
