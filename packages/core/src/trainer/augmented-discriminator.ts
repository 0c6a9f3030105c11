import type * as tf from '@tensorflow/tfjs';
import { ConfigError } from '../errors.js';
import type { AugmentTransform } from '../types/augment.js';
import type { Discriminator, DiscriminatorOutput, ForwardOptions } from '../types/network.js';

/**
 * D∘T: the discriminator `d` scoring T(x), for one drawn augmentation T. It shares `d`'s
 * variables (params and state, never owned: `dispose` releases nothing), honours substitute
 * params like `d`, and is what losses and regularizers see as `ctx.d` while augmentation is on,
 * so R1 is E‖∇ₓ D(T(x))‖² and the gradient penalty's interpolate x̂ = εx + (1 − ε)G(z) is scored
 * as D(T(x̂)) = D(ε·T(x) + (1 − ε)·T(G(z))) — T with one shared draw is affine per sample —
 * with the norm of D∘T's gradient (DiffAugment's and ADA's reference R1 differentiates
 * with respect to the un-augmented reals the same way).
 */
export function augmentedDiscriminator(d: Discriminator, t: AugmentTransform): Discriminator {
  return {
    params: d.params,
    state: d.state,
    supportsSubstituteParams: d.supportsSubstituteParams,
    inputShape: d.inputShape,
    forward(x: tf.Tensor, options: ForwardOptions): DiscriminatorOutput {
      if (x.shape[0] !== t.batchSize) {
        throw new ConfigError(
          `augment: the drawn augmentation covers ${t.batchSize} samples, but the discriminator was ` +
            `given a batch of ${x.shape[0]}; a component that scores batches of another size cannot ` +
            'run under an `augment` block',
          'augment',
        );
      }
      return d.forward(t.apply(x), options);
    },
    dispose() {},
  };
}
