export { adam, ADAM_BETA1_POWER, ADAM_BETA2_POWER, ADAM_UPDATE_KERNEL, type AdamOptions } from './adam.js';
export { sgd, type SgdOptions } from './sgd.js';
export { rmsprop, type RmspropOptions } from './rmsprop.js';
export { optimizerFromSettings, BUILTIN_OPTIMIZERS } from './from-settings.js';
export {
  optimizerComponents,
  adamOptionsSchema,
  sgdOptionsSchema,
  rmspropOptionsSchema,
} from './components.js';
export { sqrtWithFiniteGradient } from './safe-sqrt.js';
