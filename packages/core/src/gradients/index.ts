/** Gradient fixes for tfjs 4.22: second derivatives, conv gradients from forward convs, wasm kernels. */
export { installGradientFixes } from './install-gradient-fixes.js';
export { installWasmMatMulFix, applyFusedActivation } from './wasm-matmul.js';
export { installWasmConvKernels } from './wasm-conv-kernels.js';
export { safeNorm, safeSqrt } from './safe-norm.js';
export { logSoftmax } from './log-softmax.js';
export { conv2dTranspose } from './conv2d-transpose.js';
export { conv2dInputGradient } from './conv2d-input-gradient.js';
export { conv2dFilterGradient } from './conv2d-filter-gradient.js';
export { conv2dGradientConfigs, registerConv2dGradients } from './conv2d-gradients.js';
export { activationGradientConfigs, registerActivationGradients } from './activation-gradients.js';
export { PIECEWISE_CONSTANT_KERNELS, registerZeroGradients } from './zero-gradients.js';
export type { ConvPad, DimRoundingMode } from './conv-geometry.js';
