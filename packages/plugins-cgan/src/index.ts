/**
 * @ganforge/plugin-cgan: conditional GANs for GANForge. The `conditional` generator and
 * discriminator wrappers make any registered network conditional on class labels: one-hot
 * concatenation or a learned embedding (Mirza & Osindero 2014, arXiv:1411.1784), or a projection
 * discriminator (Miyato & Koyama 2018, arXiv:1802.05637).
 * @packageDocumentation
 */
import './options-map.js';

export { cganPlugin } from './plugin.js';
export {
  conditionalGeneratorComponent,
  conditionalDiscriminatorComponent,
  conditionalGeneratorOptionsSchema,
  conditionalDiscriminatorOptionsSchema,
  resolveNumClasses,
  cganComponents,
} from './components.js';
export type { ConditionalGeneratorOptions, ConditionalDiscriminatorOptions } from './components.js';
export {
  ConditionalGenerator,
  conditionWidth,
  INNER_PREFIX,
  EMBEDDING_TABLE,
} from './networks/conditional-generator.js';
export type {
  GeneratorConditioning,
  ConditionalGeneratorSettings,
} from './networks/conditional-generator.js';
export {
  ConditionalDiscriminator,
  innerInputShape,
  PROJECTION_KERNEL,
} from './networks/conditional-discriminator.js';
export type {
  DiscriminatorConditioning,
  ConditionalDiscriminatorSettings,
} from './networks/conditional-discriminator.js';
export { concatCondition, conditionedShape } from './conditioning/condition-input.js';
export type { ConditionLayout } from './conditioning/condition-input.js';
export { embedLabels, initEmbeddingTable, initProjectionKernel } from './conditioning/label-embedding.js';
export { oneHotLabels, balancedLabels } from './conditioning/one-hot-labels.js';
export { checkLabels, checkLabelRows } from './conditioning/check-labels.js';
export { CGAN_VERSION } from './version.js';
