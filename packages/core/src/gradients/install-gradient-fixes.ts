import { registerActivationGradients } from './activation-gradients.js';
import { registerConv2dGradients } from './conv2d-gradients.js';
import { registerZeroGradients } from './zero-gradients.js';

let gradientsRegistered = false;

/**
 * Installs GANForge's fixes to tfjs 4.22's gradients. Explicit and idempotent; backend selection
 * calls it (a side-effect import would be dropped by bundlers under `"sideEffects": false`,
 * TRAPS.md).
 */
export function installGradientFixes(): void {
  if (!gradientsRegistered) {
    registerZeroGradients();
    registerActivationGradients();
    registerConv2dGradients();
    gradientsRegistered = true;
  }
}
