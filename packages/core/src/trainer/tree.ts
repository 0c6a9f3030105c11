import * as tf from '@tensorflow/tfjs';
import type { ParamTree, VariableTree } from '../types/network.js';

/** The variables of a tree as plain tensors (a Variable is a Tensor), in path order. */
export function asTree(vars: VariableTree): ParamTree {
  return { ...vars };
}

/** Global L2 norm √(Σ‖gᵢ‖²) over every tensor of a tree (not differentiated: plain sqrt). */
export function globalNorm(tree: ParamTree): tf.Scalar {
  const parts = Object.values(tree).map((t) => tf.sum(tf.square(t)));
  if (parts.length === 0) return tf.scalar(0);
  return tf.sqrt(tf.addN(parts)) as tf.Scalar;
}

/** Assigns new values to variables, skipping entries that are the variable itself. */
export function assignTree(vars: VariableTree, values: ParamTree): void {
  for (const [path, v] of Object.entries(vars)) {
    const next = values[path];
    if (next !== undefined && next !== v) v.assign(next);
  }
}

/** Disposes the tensors of `old` that do not appear in `next` (optimizer state hand-over). */
export function disposeReplaced(old: ParamTree, next: ParamTree): void {
  const kept = new Set(Object.values(next));
  for (const t of Object.values(old)) if (!kept.has(t) && !t.isDisposed) t.dispose();
}

/** Keeps every tensor of a tree alive past the enclosing tidy. */
export function keepTree(tree: ParamTree): ParamTree {
  for (const t of Object.values(tree)) tf.keep(t);
  return tree;
}

/** Deep copies of a tree's tensors. */
export function cloneTree(tree: ParamTree): ParamTree {
  return Object.fromEntries(Object.entries(tree).map(([k, t]) => [k, tf.keep(t.clone())]));
}

/** Maps `tf.variableGrads` output (keyed by variable name) back to structural paths. */
export function gradsByPath(vars: VariableTree, grads: Record<string, tf.Tensor>): ParamTree {
  const out: ParamTree = {};
  for (const [path, v] of Object.entries(vars)) {
    out[path] = grads[v.name] ?? tf.zerosLike(v);
  }
  return out;
}

/**
 * Commits a forward pass's new state (kept past its tidy by {@link keepTree}) to the state
 * variables, then releases the kept tensors: a variable shares its new value's data, so the
 * value itself would otherwise leak one tensor per state entry per step.
 */
export function commitState(vars: VariableTree, values: ParamTree): void {
  assignTree(vars, values);
  const own = new Set<tf.Tensor>(Object.values(vars));
  for (const t of Object.values(values)) if (!own.has(t) && !t.isDisposed) t.dispose();
}
