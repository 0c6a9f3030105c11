import { defineComponent } from '@ganforge/core';
import { z } from 'zod';
import { UnrolledTrainer } from './unrolled-trainer.js';

/** zod schema of the `unrolled` trainer block (core owns and strips `dSteps`). */
export const unrolledTrainerOptionsSchema = z.strictObject({
  unrollSteps: z
    .number()
    .int()
    .nonnegative()
    .default(10)
    .describe(
      'K, discriminator updates unrolled inside the generator objective (default 10, the 2-D mixture experiments of ' +
        'Metz et al. 2016; 0 = the default trainer). Cost per step grows a little faster than K (measured: K = 10 costs 2–3× K = 5).',
    ),
  firstOrder: z
    .boolean()
    .default(false)
    .describe(
      'stop gradients through the unrolled updates: G is trained against θ_D^K as a constant (cheaper; drops the ' +
        "term through D's response, which is what counters mode collapse). Default false: exact second order.",
    ),
});

/** Options of the `unrolled` trainer block. */
export type UnrolledTrainerOptions = z.input<typeof unrolledTrainerOptionsSchema> & {
  /** Discriminator updates per generator update (resolved by core, as for the default trainer). */
  dSteps?: number;
};

/** The registered `unrolled` trainer component: {@link UnrolledTrainer}. */
export const unrolledTrainerComponent = defineComponent({
  kind: 'trainer',
  name: 'unrolled',
  description:
    'Unrolled GAN (Metz et al. 2016): the generator is trained against D unrolled K optimizer steps ahead, second order.',
  options: unrolledTrainerOptionsSchema,
  create: (options, parts) => new UnrolledTrainer(parts, options),
});
