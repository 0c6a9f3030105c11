import { z } from 'zod';
import { ConfigError } from '../errors.js';
import { defineComponent } from '../registry/component.js';
import type { Discriminator } from '../types/network.js';

/**
 * The discriminator of a run that has none: no parameters, no state, and a `forward` that throws
 * a ConfigError at `discriminator`. It fills the `discriminator` slot for generators fitted
 * without adversarial training (the `fit-only` trainer, the `gaussian-copula` preset), so their
 * runs keep the shape of every other run: checkpoints hold empty discriminator groups.
 */
export function noneDiscriminator(inputShape: readonly number[]): Discriminator {
  return {
    params: {},
    state: {},
    supportsSubstituteParams: true,
    inputShape: [...inputShape],
    forward() {
      throw new ConfigError(
        'discriminator "none" scores nothing: it belongs to runs whose generator is fitted without training (trainer "fit-only"); name a discriminator network to train adversarially',
        'discriminator',
      );
    },
    dispose() {},
  };
}

/** The `none` discriminator component: {@link noneDiscriminator}. */
export const noneDiscriminatorComponent = defineComponent({
  kind: 'discriminator',
  name: 'none',
  description: 'No discriminator (no parameters; scoring throws): for generators fitted without training.',
  options: z.strictObject({}),
  create: (_options, ctx) => noneDiscriminator(ctx.sampleShape),
});
