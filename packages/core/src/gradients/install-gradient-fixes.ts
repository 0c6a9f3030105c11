import { registerActivationGradients } from './activation-gradients.js';
import { registerConv2dGradients } from './conv2d-gradients.js';
import { installWasmConvKernels } from './wasm-conv-kernels.js';
import { installWasmMatMulFix } from './wasm-matmul.js';
import { registerZeroGradients } from './zero-gradients.js';

let gradientsRegistered = false;

/**
 * Installs GANForge's fixes to tfjs 4.22's gradients and wasm kernels. Explicit and idempotent
 * (a side-effect import would be dropped by bundlers under `"sideEffects": false`, TRAPS.md);
 * backend selection calls it, and must call it again after importing and setting the wasm
 * backend, so that the wasm kernels get wrapped.
 *
 * Once, through `tf.registerGradient` (global, every backend):
 * - zero gradients for comparison and logic kernels (`registerZeroGradients`): second
 *   derivatives through leakyRelu, relu6, abs, maximum/minimum, max/min, clipByValue, where;
 * - Exp, Sigmoid, Tanh, Elu, Selu, Softmax and LogSoftmax gradients recomputed from the input
 *   (`activationGradientConfigs`); tfjs' saved-output versions are silently wrong at second
 *   order. Softplus and sigmoid cross-entropy are then exact too. `tf.logSoftmax` stays wrong
 *   (a customGrad, not a kernel): use {@link logSoftmax};
 * - Conv2D, Conv2DBackpropInput and Conv2DBackpropFilter gradients built from forward
 *   convolutions (`conv2dGradientConfigs`).
 *
 * On every call, when `@tensorflow/tfjs-backend-wasm` has been imported:
 * {@link installWasmMatMulFix} and {@link installWasmConvKernels}.
 */
export function installGradientFixes(): void {
  if (!gradientsRegistered) {
    registerZeroGradients();
    registerActivationGradients();
    registerConv2dGradients();
    gradientsRegistered = true;
  }
  installWasmMatMulFix();
  installWasmConvKernels();
}
