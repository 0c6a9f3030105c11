import * as tf from '@tensorflow/tfjs';
import {
  ConfigError,
  type Discriminator,
  type DiscriminatorOutput,
  type ForwardOptions,
  type ParamTree,
  type VariableTree,
} from '@ganforge/core';
import { packSamples, sampleSize } from './pack-samples.js';

/**
 * Prefix of the inner (packed-input) discriminator's params and state inside PacGAN's wrapper
 * (Lin et al. 2018, arXiv:1712.04086): `body/layers/0/kernel`.
 */
export const BODY_PREFIX = 'body/';

/**
 * PacGAN's packed discriminator (Lin, Khetan, Fanti & Oh 2018, arXiv:1712.04086): an inner
 * discriminator D_body on R^{m·d} scores packed samples,
 *
 *   D(x)_i = D_body([x_{i·m}, x_{i·m+1}, …, x_{i·m+m−1}]),   i = 0 … n/m − 1
 *
 * so a batch `[n, ...sampleShape]` gives `score` `[n/m, 1]` and the body's `features` of the
 * packed samples (`[n/m, f]`). Real packs hold m real samples and fake packs m generated ones
 * (the paper's §3); any GAN loss then applies to the n/m scores unchanged.
 *
 * Params and state are the body's under `body/`; the wrapper adds none. Substitute params and
 * state pass through to the body (`supportsSubstituteParams` is the body's), so it composes with
 * the unrolled trainer, spectral norm, R1 and the gradient penalty; the new state is returned,
 * never assigned. Labels (`cond`) are not passed on: a conditional discriminator goes outside
 * the wrapper, where it appends the labels to each sample before packing.
 */
export class PackedDiscriminator implements Discriminator {
  readonly params: VariableTree;
  readonly state: VariableTree;
  readonly supportsSubstituteParams: boolean;

  /**
   * @param body the inner discriminator, built for samples of shape `[packing · d]`
   * @param inputShape the shape of one unpacked sample (d = ∏ inputShape)
   * @param packing m ≥ 2, the number of samples in one pack
   */
  constructor(
    readonly body: Discriminator,
    readonly inputShape: readonly number[],
    readonly packing: number,
  ) {
    if (!Number.isInteger(packing) || packing < 2) {
      throw new ConfigError(
        `pacgan: packing must be an integer ≥ 2 (PacGAN2, PacGAN3, …), got ${packing}`,
        'discriminator.packing',
      );
    }
    const packed = packing * sampleSize(inputShape);
    if (body.inputShape.join() !== String(packed)) {
      throw new ConfigError(
        `pacgan: the body discriminator takes [${body.inputShape.join(', ')}], expected [${packed}] ` +
          `(${packing} packed samples of ${sampleSize(inputShape)} values)`,
        'discriminator.body',
      );
    }
    this.params = prefixTree(body.params);
    this.state = prefixTree(body.state);
    this.supportsSubstituteParams = body.supportsSubstituteParams;
  }

  forward(x: tf.Tensor, options: ForwardOptions): DiscriminatorOutput {
    return tf.tidy(() => {
      if (options.params) checkSubstitute(this.params, options.params, 'params');
      if (options.state) checkSubstitute(this.state, options.state, 'state');
      const out = this.body.forward(packSamples(x, this.packing), {
        ...options,
        cond: undefined,
        params: options.params && unprefixTree(options.params),
        state: options.state && unprefixTree(options.state),
      });
      return { score: out.score, features: out.features, state: prefixTree(out.state) };
    });
  }

  dispose(): void {
    this.body.dispose();
  }
}

function prefixTree<T extends tf.Tensor>(tree: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, value] of Object.entries(tree)) out[BODY_PREFIX + key] = value;
  return out;
}

function unprefixTree(tree: ParamTree): ParamTree {
  const out: ParamTree = {};
  for (const [key, value] of Object.entries(tree)) {
    if (key.startsWith(BODY_PREFIX)) out[key.slice(BODY_PREFIX.length)] = value;
  }
  return out;
}

function checkSubstitute(own: VariableTree, substitute: ParamTree, what: 'params' | 'state'): void {
  const missing = Object.keys(own).filter((key) => !(key in substitute));
  if (missing.length === 0) return;
  throw new ConfigError(
    `pacgan: substitute ${what} lack ${missing.length} path(s) of the discriminator: ` +
      `${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}`,
  );
}
