/**
 * `@ganforge/core/testing`: helpers for GANForge's tests and for plugin authors' tests.
 * @packageDocumentation
 */
export { expectNoTensorLeak, tensorDelta } from './expect-no-tensor-leak.js';
export type { LeakCheckOptions, LeakReport } from './expect-no-tensor-leak.js';
export { checkGradient, relativeError } from './check-gradient.js';
export { checkParamGradient } from './check-param-gradient.js';
export type { GradientCheck, GradientCheckOptions } from './check-gradient.js';
export { tinyMlpGenerator, tinyMlpDiscriminator } from './tiny-mlp.js';
export type { TinyMlpOptions, TinyActivation } from './tiny-mlp.js';
export { testingNonSaturatingLoss, testingL2Regularizer, testingClipHook } from './testing-components.js';
export { inMemoryData, gaussianMixture1d } from './in-memory-data.js';
export { testingPlugin } from './testing-plugin.js';
