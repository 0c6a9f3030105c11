import * as tf from '@tensorflow/tfjs';
import {
  ConfigError,
  defineComponent,
  type DiscriminatorUpdate,
  type LossContext,
  type ParamTree,
  type Regularizer,
  type StatefulComponent,
} from '@ganforge/core';
import { z } from 'zod';
import { lecamAnchorUpdate, lecamPenalty, type LecamAnchors } from './lecam-penalty.js';

/** zod schema of the `lecam` regularizer options. */
export const lecamOptionsSchema = z.strictObject({
  lambda: z
    .number()
    .positive()
    .default(0.3)
    .describe(
      'λ, the weight of R_LC in the discriminator loss (default 0.3, as the authors’ BigGAN CIFAR runs)',
    ),
  decay: z
    .number()
    .gt(0)
    .lt(1)
    .default(0.99)
    .describe(
      'β of the anchors’ moving average over discriminator updates (default 0.99, as the authors’ StyleGAN2 code; their BigGAN CIFAR code uses 0.9)',
    ),
  oneSided: z
    .boolean()
    .default(true)
    .describe(
      'penalize only D(x) above α_F and D(G(z)) below α_R, max(0, ·)², as the authors’ code does (default true); false: the two-sided squares of the paper’s formula',
    ),
});

/** Options of the `lecam` regularizer as written in a config. */
export type LecamOptions = z.input<typeof lecamOptionsSchema>;

/** The paths of a {@link LecamRegularizer}'s checkpoint state. */
export const LECAM_STATE_PATHS = {
  real: 'anchor/real',
  fake: 'anchor/fake',
  updates: 'updates',
} as const;

/**
 * The LeCam regularizer (Tseng et al. 2021, arXiv:2104.03310) on the discriminator:
 * λ · R_LC with R_LC = E_x[‖D(x) − α_F‖²] + E_z[‖D(G(z)) − α_R‖²] ({@link lecamPenalty}), where
 * the anchors α_R, α_F are zero-debiased moving averages (decay β) of D's mean output on real
 * and on generated samples ({@link lecamAnchorUpdate}). Loss-agnostic: it reads only the scores
 * of the context (`ctx.realOut`, `ctx.fakeOut`).
 *
 * As in the authors' code, each discriminator update first moves the anchors with its own
 * detached batch means and then penalizes with the moved anchors. The penalty computes the moved
 * anchors without keeping them; they are committed once per discriminator update, in
 * {@link LecamRegularizer.afterDiscriminatorUpdate}, from the scores of that update's own pass.
 * So the generator update and the unrolled trainer's inner discriminator steps (which evaluate
 * the penalty too) never move them. The anchors and the update count are checkpoint state
 * (paths {@link LECAM_STATE_PATHS}), so a resumed run continues bit for bit. Logs
 * `anchor_real` and `anchor_fake` (as `lecam_anchor_real`, `lecam_anchor_fake`): the anchors
 * after the step's last discriminator update.
 */
export class LecamRegularizer implements Regularizer, StatefulComponent {
  readonly name = 'lecam';
  readonly target = 'discriminator';
  /** λ. */
  readonly weight: number;
  /** β. */
  readonly decay: number;
  /** Whether gaps on the right side of the anchors are ignored (max(0, ·)²). */
  readonly oneSided: boolean;
  private anchors: LecamAnchors;
  private updates: number;
  private updatesTensor: tf.Scalar;

  constructor(options: LecamOptions = {}) {
    const o = parseLecamOptions(options);
    this.weight = o.lambda;
    this.decay = o.decay;
    this.oneSided = o.oneSided;
    this.anchors = { real: tf.scalar(0), fake: tf.scalar(0) };
    this.updates = 0;
    this.updatesTensor = tf.scalar(0);
  }

  /** R_LC of the context's scores against the anchors moved by this update's means. */
  penalty(ctx: LossContext): tf.Scalar {
    return tf.tidy(() => lecamPenalty(ctx.realOut.score, ctx.fakeOut.score, this.moved(ctx), this.oneSided));
  }

  /** The anchors after this discriminator update: `anchor_real` (α_R) and `anchor_fake` (α_F). */
  logs(ctx: LossContext): Record<string, tf.Scalar> {
    return tf.tidy(() => {
      const a = this.moved(ctx);
      return { anchor_real: a.real, anchor_fake: a.fake };
    });
  }

  /** Commits the anchors moved by the update's scores (once per discriminator update). */
  afterDiscriminatorUpdate(update: DiscriminatorUpdate): void {
    const next = lecamAnchorUpdate(
      this.anchors,
      update.realScores,
      update.fakeScores,
      this.decay,
      this.updates,
    );
    this.disposeState();
    this.anchors = next;
    this.updates += 1;
    this.updatesTensor = tf.scalar(this.updates);
  }

  /** α_R, α_F and the number of discriminator updates averaged (owned by this object). */
  getState(): ParamTree {
    return {
      [LECAM_STATE_PATHS.real]: this.anchors.real,
      [LECAM_STATE_PATHS.fake]: this.anchors.fake,
      [LECAM_STATE_PATHS.updates]: this.updatesTensor,
    };
  }

  /** Restores copies of a checkpoint's anchors and update count. */
  setState(state: ParamTree): void {
    const real = state[LECAM_STATE_PATHS.real].clone() as tf.Scalar;
    const fake = state[LECAM_STATE_PATHS.fake].clone() as tf.Scalar;
    const updates = state[LECAM_STATE_PATHS.updates].clone() as tf.Scalar;
    this.disposeState();
    this.anchors = { real, fake };
    this.updatesTensor = updates;
    this.updates = updates.dataSync()[0];
  }

  /** Releases the state tensors. */
  dispose(): void {
    this.disposeState();
  }

  private moved(ctx: LossContext): LecamAnchors {
    return lecamAnchorUpdate(this.anchors, ctx.realOut.score, ctx.fakeOut.score, this.decay, this.updates);
  }

  private disposeState(): void {
    for (const t of [this.anchors.real, this.anchors.fake, this.updatesTensor])
      if (!t.isDisposed) t.dispose();
  }
}

/**
 * Options given in code (a config is validated by core before): a bad value is a ConfigError that
 * names the option, as in a config, instead of a ZodError.
 */
function parseLecamOptions(options: unknown): z.output<typeof lecamOptionsSchema> {
  const result = lecamOptionsSchema.safeParse(options);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const detail = issues.map((i) => (i.path === '' ? i.message : `${i.path}: ${i.message}`)).join('; ');
  throw new ConfigError(`invalid lecam options: ${detail}`, undefined, issues);
}

/** The registered `lecam` regularizer component (Tseng et al. 2021, arXiv:2104.03310). */
export const lecamComponent = defineComponent({
  kind: 'regularizer',
  name: 'lecam',
  description:
    'LeCam regularization (Tseng et al. 2021): λ · (E‖D(x) − α_F‖² + E‖D(G(z)) − α_R‖²) with moving-average anchors.',
  options: lecamOptionsSchema,
  create: (options) => new LecamRegularizer(options),
});
