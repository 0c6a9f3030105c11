import { z } from 'zod';
import { defineComponent } from '../registry/component.js';
import { AdversarialTrainer } from './adversarial-trainer.js';

/** Options of the `default` trainer block (dSteps is resolved by the config into the parts). */
export const defaultTrainerOptionsSchema = z.strictObject({
  /** Discriminator updates per generator update (k in Goodfellow et al. 2014, Algorithm 1). */
  dSteps: z.number().int().positive().optional(),
});

/** The `default` trainer component: {@link AdversarialTrainer}. */
export const defaultTrainerComponent = defineComponent({
  kind: 'trainer',
  name: 'default',
  description: 'Goodfellow et al. 2014 Algorithm 1: dSteps discriminator updates, then one generator update.',
  options: defaultTrainerOptionsSchema,
  create: (_options, parts) => new AdversarialTrainer(parts),
});
