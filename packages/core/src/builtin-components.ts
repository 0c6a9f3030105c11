import { fitOnlyTrainerComponent, noneDiscriminatorComponent } from './fit-only/index.js';
import { optimizerComponents } from './optim/index.js';
import type { AnyComponentDefinition } from './registry/component.js';
import { defaultTrainerComponent } from './trainer/default-trainer-component.js';

/**
 * The components core registers itself: trainers `default` and `fit-only`, discriminator `none`
 * (runs without adversarial training), optimizers `adam`, `sgd`, `rmsprop`.
 */
export function builtinComponents(): AnyComponentDefinition[] {
  return [
    defaultTrainerComponent,
    fitOnlyTrainerComponent,
    noneDiscriminatorComponent,
    ...optimizerComponents(),
  ];
}
