import * as tf from '@tensorflow/tfjs';
import {
  ConfigError,
  type Discriminator,
  type DiscriminatorOutput,
  type ForwardOptions,
  type VariableTree,
} from '@ganforge/core';

/**
 * CTGAN's critic (Xu et al. 2019, arXiv:1907.00503, §4.4): each row is joined to its
 * conditional vector, and packs of m rows are scored together (PacGAN, Lin et al. 2018,
 * arXiv:1712.04086, m = 10 in CTGAN):
 *
 *   D(x, c)_i = D_body([x_{i·m} ⊕ c_{i·m}, …, x_{i·m+m−1} ⊕ c_{i·m+m−1}])
 *
 * `inner` is plugin-pacgan's `PackedDiscriminator` over rows of D + C values (its body CTGAN's
 * [Linear → LeakyReLU(0.2) → Dropout(0.5)] × 2 → Linear), or that body itself when m = 1.
 * `score` is `[n/m, 1]`; params and state are the inner critic's (`body/layers/0/kernel`, … when
 * packed). With C > 0 the condition (`ForwardOptions.cond`, `[n, C]`) is required.
 */
export class CtganDiscriminator implements Discriminator {
  readonly params: VariableTree;
  readonly state: VariableTree;
  readonly supportsSubstituteParams: boolean;

  /**
   * @param inner the critic of packs of m rows of `inputShape[0] + conditionWidth` values
   * @param inputShape `[D]`, one encoded row
   * @param conditionWidth C, the conditional vector's length (0: unconditional)
   * @param packing m, the number of rows `inner` scores together
   */
  constructor(
    readonly inner: Discriminator,
    readonly inputShape: readonly number[],
    readonly conditionWidth: number,
    readonly packing: number,
  ) {
    this.params = inner.params;
    this.state = inner.state;
    this.supportsSubstituteParams = inner.supportsSubstituteParams;
  }

  forward(x: tf.Tensor, options: ForwardOptions): DiscriminatorOutput {
    return tf.tidy(() => {
      const c = this.conditionWidth;
      const { cond } = options;
      if (c > 0 && (cond === undefined || cond.shape[0] !== x.shape[0] || cond.shape[1] !== c))
        throw new ConfigError(
          `ctgan discriminator: scores rows with their conditional vectors; expected cond [${x.shape[0]}, ${c}], got ${cond ? `[${cond.shape}]` : 'none'}`,
          'cond',
        );
      const input = c > 0 ? tf.concat([x, cond as tf.Tensor], 1) : x;
      const out = this.inner.forward(input, { ...options, cond: undefined });
      return { score: out.score, features: out.features, state: out.state };
    });
  }

  dispose(): void {
    this.inner.dispose();
  }
}
