import * as tf from '@tensorflow/tfjs';
import { ConfigError, type ParamTree, type VariableTree } from '@ganforge/core';

/** Turns initial tensors into variables (disposing the tensors); keys are structural paths. */
export function toVariables(tree: ParamTree, trainable: boolean): VariableTree {
  const out: VariableTree = {};
  for (const [key, value] of Object.entries(tree)) {
    // No variable names: tfjs names are global counters (TRAPS.md); the path is the identity.
    out[key] = tf.variable(value, trainable);
    value.dispose();
  }
  return out;
}

/**
 * The tree a forward pass uses: the substitute when given (it must hold every path of the
 * network's own tree), else the variables.
 */
export function resolveTree(
  own: VariableTree,
  substitute: ParamTree | undefined,
  what: 'params' | 'state',
): ParamTree {
  if (substitute === undefined) return own;
  const missing = Object.keys(own).filter((key) => !(key in substitute));
  if (missing.length > 0) {
    throw new ConfigError(
      `substitute ${what} lack ${missing.length} path(s) of the network: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}`,
    );
  }
  return substitute;
}
