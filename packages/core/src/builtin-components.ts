import type { AnyComponentDefinition } from './registry/component.js';

/** The components core registers itself (trainer `default`; optimizers `adam`, `sgd`, `rmsprop`). */
export function builtinComponents(): AnyComponentDefinition[] {
  return [];
}
