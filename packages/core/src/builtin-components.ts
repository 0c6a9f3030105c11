import { optimizerComponents } from './optim/index.js';
import type { AnyComponentDefinition } from './registry/component.js';
import { defaultTrainerComponent } from './trainer/default-trainer-component.js';

/** The components core registers itself (trainer `default`; optimizers `adam`, `sgd`, `rmsprop`). */
export function builtinComponents(): AnyComponentDefinition[] {
  return [defaultTrainerComponent, ...optimizerComponents()];
}
