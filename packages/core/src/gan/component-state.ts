import type { DecodedCheckpoint } from '../checkpoint/index.js';
import { CheckpointError } from '../errors.js';
import type { Augment } from '../types/augment.js';
import type { GanLoss, Hook, Regularizer } from '../types/loss.js';
import type { ParamTree } from '../types/network.js';
import { isStatefulComponent, type StatefulComponent } from '../types/stateful.js';
import { checkGroup, tensorsOf } from './checkpoint-groups.js';

/** Prefix of the checkpoint groups that hold {@link StatefulComponent} state. */
export const COMPONENT_STATE_GROUP_PREFIX = 'component-state/';

/**
 * The run's stateful components by config path (`loss`, `regularizers.0`, `hooks.1`, `augment`):
 * those that implement {@link StatefulComponent}.
 */
export function statefulComponentsOf(parts: {
  loss: GanLoss;
  regularizers: readonly Regularizer[];
  hooks: readonly Hook[];
  augment?: Augment;
}): Record<string, StatefulComponent> {
  const byPath: [string, unknown][] = [
    ['loss', parts.loss],
    ...parts.regularizers.map((r, i): [string, unknown] => [`regularizers.${i}`, r]),
    ...parts.hooks.map((h, i): [string, unknown] => [`hooks.${i}`, h]),
    ['augment', parts.augment],
  ];
  const out: Record<string, StatefulComponent> = {};
  for (const [path, c] of byPath) if (isStatefulComponent(c)) out[path] = c;
  return out;
}

/** The checkpoint groups of the components' state: `component-state/<path>` → state tree. */
export function componentStateGroups(
  components: Record<string, StatefulComponent>,
): Record<string, ParamTree> {
  return Object.fromEntries(
    Object.entries(components).map(([path, c]) => [`${COMPONENT_STATE_GROUP_PREFIX}${path}`, c.getState()]),
  );
}

/**
 * Checks that `decoded` holds every component's state group with the component's paths and
 * shapes; a CheckpointError names the group. Changes nothing.
 */
export function checkComponentStates(
  decoded: DecodedCheckpoint,
  components: Record<string, StatefulComponent>,
  where: string,
): void {
  for (const [path, c] of Object.entries(components)) {
    const group = `${COMPONENT_STATE_GROUP_PREFIX}${path}`;
    if (!decoded.tensors[group])
      throw new CheckpointError(
        `${where}: the config's ${path} keeps state, but the checkpoint has no group "${group}" (written with another config?)`,
        'manifest.json',
      );
    checkGroup(decoded, group, c.getState(), where);
  }
}

/** Restores every component's state from its group (check it first with {@link checkComponentStates}). */
export function restoreComponentStates(
  decoded: DecodedCheckpoint,
  components: Record<string, StatefulComponent>,
): void {
  for (const [path, c] of Object.entries(components)) {
    const tree = tensorsOf(decoded, `${COMPONENT_STATE_GROUP_PREFIX}${path}`);
    try {
      c.setState(tree);
    } finally {
      for (const t of Object.values(tree)) t.dispose();
    }
  }
}
