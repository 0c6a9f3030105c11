import * as tf from '@tensorflow/tfjs';

/**
 * Kernels whose output is piecewise constant (comparisons and boolean logic) and that tfjs 4.22
 * registers no gradient for. They sit on the backward path of leakyRelu (`Greater`), relu6
 * (`LessEqual`), maximum/minimum (`GreaterEqual`, `Less`, `LessEqual`, `Greater`), max/min
 * reductions (`Equal`), clipByValue (`LogicalAnd`) and `where` (`LogicalNot`), so a second
 * derivative through any of those threw "gradient function not found" (TRAPS.md, TensorFlow.js).
 */
export const PIECEWISE_CONSTANT_KERNELS: readonly string[] = [
  'Greater',
  'GreaterEqual',
  'Less',
  'LessEqual',
  'Equal',
  'NotEqual',
  'LogicalAnd',
  'LogicalOr',
  'LogicalNot',
  'LogicalXor',
];

function zeroGradient(kernelName: string, inputNames: string[]): tf.GradConfig {
  return {
    kernelName,
    inputsToSave: inputNames,
    gradFunc: (_dy, saved) => {
      const grads: Record<string, () => tf.Tensor> = {};
      inputNames.forEach((name, i) => {
        // The engine requires float32 gradients of the input's shape, even for bool inputs.
        grads[name] = () => tf.zeros(saved[i].shape, 'float32');
      });
      return grads;
    },
  };
}

/**
 * Registers a zero gradient for every kernel in {@link PIECEWISE_CONSTANT_KERNELS}.
 *
 * Formula: ∂ step-like(x)/∂x = 0 almost everywhere, which is the exact derivative wherever the
 * output is differentiable at all. Only the input shapes are saved (the values are not used).
 */
export function registerZeroGradients(): void {
  for (const name of PIECEWISE_CONSTANT_KERNELS) {
    tf.registerGradient(zeroGradient(name, name === 'LogicalNot' ? ['x'] : ['a', 'b']));
  }
}
