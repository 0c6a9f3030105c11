import type { Augment, Rng } from '@ganforge/core';
import { drawOps } from './draw-ops.js';
import { DrawnTransform } from './drawn-transform.js';
import type { AugmentSettings } from './policy.js';

/**
 * Differentiable Augmentation (Zhao, Liu, Lin, Zhu & Han 2020, "Differentiable Augmentation for
 * Data-Efficient GAN Training", arXiv:2006.10738): D is trained on T(x) and T(G(z)),
 *
 *   L_D = f(D(T(x))) + h(D(T(G(z)))),   L_G = g(D(T(G(z)))),
 *
 * with T a random composition of `settings.policy` (every operation, every sample: p = 1),
 * differentiable in its input so G is trained through it. Each `draw` is one set of per-sample
 * parameters ({@link drawOps}); core's trainer applies it to the real and the generated batch
 * alike (one shared draw per update). The reference code calls `DiffAugment(x)` separately on
 * the real and the fake batch, drawing independent parameters for each: the two agree in
 * expectation (each loss term is an average over its own batch), and the shared draw is what
 * makes D∘T one function, so that the gradient penalty and R1 are penalties of the D that is
 * trained.
 */
export class DiffAugment implements Augment {
  readonly name: string = 'diff-augment';

  constructor(
    /** Policy and sizes. */
    readonly settings: AugmentSettings,
    /** `[H, W, C]` of one image. */
    readonly imageShape: readonly [number, number, number],
  ) {}

  draw(n: number, rng: Rng): DrawnTransform {
    return new DrawnTransform(drawOps(rng, n, this.imageShape, this.settings), n, this.imageShape, 'augment');
  }
}
