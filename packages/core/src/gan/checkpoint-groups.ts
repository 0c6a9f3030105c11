import * as tf from '@tensorflow/tfjs';
import type { DecodedCheckpoint } from '../checkpoint/index.js';
import { CheckpointError } from '../errors.js';
import type { ParamTree } from '../types/network.js';

/**
 * Checks that a decoded checkpoint's `group` holds exactly the paths of `vars` (variables or
 * tensors), each with its shape; a CheckpointError names the first mismatch.
 */
export function checkGroup(
  decoded: DecodedCheckpoint,
  group: string,
  vars: Readonly<Record<string, { readonly shape: readonly number[] }>>,
  where: string,
): void {
  const saved = decoded.tensors[group] ?? {};
  for (const [path, v] of Object.entries(vars)) {
    const t = saved[path];
    if (!t)
      throw new CheckpointError(
        `${where}: ${group} has no tensor "${path}" (checkpoint of another architecture?)`,
        'manifest.json',
      );
    if (t.shape.length !== v.shape.length || t.shape.some((d, i) => d !== v.shape[i])) {
      throw new CheckpointError(
        `${where}: ${group}/${path} has shape [${t.shape}], this run expects [${v.shape}]`,
        'manifest.json',
      );
    }
  }
  for (const path of Object.keys(saved)) {
    if (!(path in vars))
      throw new CheckpointError(
        `${where}: ${group}/${path} is not a tensor of this run (checkpoint of another architecture?)`,
        'manifest.json',
      );
  }
}

/** The tensors of a decoded checkpoint group (new tensors, owned by the caller). */
export function tensorsOf(decoded: DecodedCheckpoint, group: string): ParamTree {
  return Object.fromEntries(
    Object.entries(decoded.tensors[group] ?? {}).map(([p, t]) => [
      p,
      tf.tensor(t.values, t.shape, 'float32'),
    ]),
  );
}
