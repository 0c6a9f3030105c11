import * as tf from '@tensorflow/tfjs';
import type { TrainerParts } from '../registry/component.js';
import type { Batch, BatchSampler } from '../types/data.js';
import type { DiscriminatorScores, LossContext } from '../types/loss.js';
import type { Discriminator, ParamTree } from '../types/network.js';
import type { StatefulComponent } from '../types/stateful.js';
import type { StepLogs, Trainer, TrainerState } from '../types/trainer.js';
import { augmentedDiscriminator } from './augmented-discriminator.js';
import { discriminatorUpdateObservers, notifyDiscriminatorUpdate } from './discriminator-update-observers.js';
import { PackedLogs } from './packed-logs.js';
import {
  assignTree,
  cloneTree,
  commitState,
  disposeReplaced,
  globalNorm,
  gradsByPath,
  keepTree,
} from './tree.js';

/**
 * The default adversarial trainer: Goodfellow et al. 2014 (arXiv:1406.2661), Algorithm 1.
 *
 * Per step: `dSteps` discriminator updates, each on a batch it draws itself and fresh noise,
 * then one generator update on fresh noise; separate optimizers (TTUR, Heusel et al. 2017,
 * arXiv:1706.08500); gradients only over each network's own parameters; D-side regularizers in
 * the D loss and G-side ones in the G loss; hooks after each update. D's state (batch-norm
 * statistics, spectral-norm vectors) is committed only from the D-update forward pass; G's state
 * only from its own update. The generator update reuses the last D batch as `ctx.real` (its D
 * scores are computed only if a loss or regularizer reads `ctx.realOut`).
 *
 * With an `augment` component (DiffAugment, Zhao et al. 2020, arXiv:2006.10738; ADA, Karras et
 * al. 2020, arXiv:2006.06676), every discriminator update and every generator update draws one
 * transform T from the run's `augment` stream and trains D∘T ({@link augmentedDiscriminator}):
 * real and generated batches get the same draw, and losses and regularizers see D∘T as `ctx.d`
 * with the un-augmented `ctx.real.x` and `ctx.fake`. The augmentation's `logs()` are logged as
 * `augment_<name>` on the last D update of the step.
 *
 * Components that implement `StatefulComponent.afterDiscriminatorUpdate` (loss, regularizers,
 * hooks, augment) are called after each discriminator update with its real and fake scores,
 * outside the gradient tape — never for the generator update.
 *
 * Extension point for trainers that change only the generator's objective (the unrolled GAN,
 * @ganforge/plugin-unrolled): override {@link AdversarialTrainer.generatorLossContext}, which
 * builds the context the generator loss and G-side regularizers see, inside the generator's
 * gradient tape; the discriminator updates, the generator update and the logs stay these.
 */
export class AdversarialTrainer implements Trainer {
  readonly name: string = 'default';
  private step_ = 0;
  private gOptState: ParamTree;
  private dOptState: ParamTree;
  private readonly observers: StatefulComponent[];

  constructor(protected readonly parts: TrainerParts) {
    this.gOptState = parts.generatorOptimizer.init({ ...parts.generator.params });
    this.dOptState = parts.discriminatorOptimizer.init({ ...parts.discriminator.params });
    this.observers = discriminatorUpdateObservers(parts);
  }

  get stepCount(): number {
    return this.step_;
  }

  /** The discriminator optimizer's current state (owned by the trainer: do not dispose). */
  protected get discriminatorOptimizerState(): ParamTree {
    return this.dOptState;
  }

  step(sampler: BatchSampler): StepLogs {
    const started = performance.now();
    const step = this.step_ + 1;
    const logs = new PackedLogs();
    let batch: Batch | undefined;
    try {
      for (let i = 0; i < this.parts.dSteps; i++) {
        if (batch) disposeBatch(batch);
        batch = sampler.next(this.parts.batchSize);
        this.discriminatorUpdate(batch, step, i === this.parts.dSteps - 1 ? logs : null);
      }
      this.generatorUpdate(batch as Batch, step, logs);
    } catch (e) {
      logs.dispose();
      throw e;
    } finally {
      if (batch) disposeBatch(batch);
    }
    const result = logs.read(step, {});
    this.step_ = step;
    result.step_time_ms = performance.now() - started;
    return result;
  }

  private noise(n: number): tf.Tensor {
    return this.parts.streams.noise.normalTensor([n, this.parts.generator.latentDim]);
  }

  /**
   * The discriminator an update trains and scores with: D∘T for one transform T drawn for `n`
   * samples from the run's `augment` stream when the run has an `augment` component, else D.
   * Call inside the update's `tf.tidy` (the draw's tensors are released with it), once per
   * update, and use the result for real and generated samples alike (one shared draw).
   */
  protected augmentedDiscriminator(n: number): Discriminator {
    const { augment, discriminator: d, streams } = this.parts;
    return augment ? augmentedDiscriminator(d, augment.draw(n, streams.augment)) : d;
  }

  /**
   * A loss context over `batch`, `z` and `fake`; `realOut` is computed on first read. `dTrees`
   * are the discriminator parameters and state the scores were computed with (default: D's
   * variables); `d` is the discriminator the context exposes (default: the run's; under
   * augmentation, the update's D∘T from {@link AdversarialTrainer.augmentedDiscriminator}).
   */
  protected context(
    batch: Batch,
    z: tf.Tensor,
    fake: tf.Tensor,
    realOut: () => DiscriminatorScores,
    fakeOut: DiscriminatorScores,
    step: number,
    dTrees?: { params: ParamTree; state: ParamTree },
    d: Discriminator = this.parts.discriminator,
  ): LossContext {
    const { generator: g, streams } = this.parts;
    let real: DiscriminatorScores | undefined;
    return {
      real: batch,
      z,
      fake,
      cond: batch.labels,
      get realOut() {
        real ??= realOut();
        return real;
      },
      fakeOut,
      d,
      dParams: dTrees?.params ?? { ...d.params },
      dState: dTrees?.state ?? { ...d.state },
      g,
      gParams: { ...g.params },
      rng: streams.noise,
      step,
    };
  }

  private discriminatorUpdate(batch: Batch, step: number, logs: PackedLogs | null): void {
    const {
      generator: g,
      discriminator: d,
      loss,
      regularizers,
      hooks,
      discriminatorOptimizer: opt,
    } = this.parts;
    const dVars = Object.values(d.params);
    let scores: { real: tf.Tensor; fake: tf.Tensor } | undefined;
    const newOptState = this.releasingOnError(
      () => scores,
      () =>
        tf.tidy(() => {
          const n = batch.x.shape[0];
          const z = this.noise(n);
          const rng = this.parts.streams.dropout;
          const fake = g.generate(z, { training: true, cond: batch.labels, rng }).x;
          const dT = this.augmentedDiscriminator(n);
          let newState: ParamTree = {};
          const { grads } = tf.variableGrads(() => {
            // Both passes start from the committed state, so a spectral-norm D runs one power
            // iteration per D step and scores real and fake with the same normalized weights; the
            // real pass's state (e.g. batch-norm statistics of real data) is committed.
            const realOut = dT.forward(batch.x, { training: true, cond: batch.labels, rng });
            const fakeOut = dT.forward(fake, { training: true, cond: batch.labels, rng });
            newState = keepTree({ ...realOut.state });
            if (this.observers.length > 0)
              scores = { real: tf.keep(realOut.score), fake: tf.keep(fakeOut.score) };
            const ctx = this.context(batch, z, fake, () => realOut, fakeOut, step, undefined, dT);
            const parts = loss.discriminatorLoss(ctx);
            let total = tf.add(parts.real, parts.fake);
            for (const reg of regularizers) {
              if (reg.target !== 'discriminator') continue;
              const p = reg.penalty(ctx);
              total = tf.add(total, tf.mul(p, reg.weight));
              logs?.add(`reg_${snake(reg.name)}`, p);
              logs?.addAll(reg.name, reg.logs?.(ctx));
            }
            if (logs) {
              logs.add('d_loss', total);
              logs.add('d_loss_real', parts.real);
              logs.add('d_loss_fake', parts.fake);
              const acc = loss.accuracy?.(ctx);
              if (acc) {
                logs.add('d_acc_real', acc.real);
                logs.add('d_acc_fake', acc.fake);
              }
              logs.addAll(loss.name, loss.logs?.(ctx));
            }
            return total as tf.Scalar;
          }, dVars);
          const g_ = gradsByPath(d.params, grads);
          if (logs) logs.add('d_grad_norm', globalNorm(g_));
          const updated = opt.update(g_, this.dOptState, { ...d.params });
          let params = updated.params;
          for (const hook of hooks)
            if (hook.after === 'discriminatorUpdate') params = hook.apply(params, { step });
          assignTree(d.params, params);
          commitState(d.state, newState);
          return updated.state;
        }),
    );
    disposeReplaced(this.dOptState, newOptState);
    this.dOptState = newOptState;
    if (scores) notifyDiscriminatorUpdate(this.observers, scores, step);
    const augment = this.parts.augment;
    if (logs && augment?.logs) tf.tidy(() => logs.addAll('augment', augment.logs?.()));
  }

  /** Runs `f`; if it throws, disposes the scores kept for the observers so far. */
  private releasingOnError<T>(kept: () => { real: tf.Tensor; fake: tf.Tensor } | undefined, f: () => T): T {
    try {
      return f();
    } catch (e) {
      const scores = kept();
      scores?.real.dispose();
      scores?.fake.dispose();
      throw e;
    }
  }

  private generatorUpdate(batch: Batch, step: number, logs: PackedLogs): void {
    const { generator: g, loss, regularizers, hooks, generatorOptimizer: opt } = this.parts;
    const gVars = Object.values(g.params);
    const newOptState = tf.tidy(() => {
      const z = this.noise(this.parts.batchSize);
      const rng = this.parts.streams.dropout;
      let newState: ParamTree = {};
      const { grads } = tf.variableGrads(() => {
        const gen = g.generate(z, { training: true, cond: batch.labels, rng });
        newState = keepTree({ ...gen.state });
        const ctx = this.generatorLossContext(batch, z, gen.x, step, logs);
        let total = loss.generatorLoss(ctx) as tf.Tensor;
        logs.add('g_loss', total);
        for (const reg of regularizers) {
          if (reg.target !== 'generator') continue;
          const p = reg.penalty(ctx);
          total = tf.add(total, tf.mul(p, reg.weight));
          logs.add(`reg_${snake(reg.name)}`, p);
          logs.addAll(reg.name, reg.logs?.(ctx));
        }
        return total as tf.Scalar;
      }, gVars);
      const g_ = gradsByPath(g.params, grads);
      logs.add('g_grad_norm', globalNorm(g_));
      const updated = opt.update(g_, this.gOptState, { ...g.params });
      let params = updated.params;
      for (const hook of hooks) if (hook.after === 'generatorUpdate') params = hook.apply(params, { step });
      assignTree(g.params, params);
      commitState(g.state, newState);
      return updated.state;
    });
    disposeReplaced(this.gOptState, newOptState);
    this.gOptState = newOptState;
  }

  /**
   * The context of the generator loss, built inside the generator's gradient tape from the
   * samples `fake` = G(z): D scores `fake` with its current variables and committed state (never
   * written back); `realOut` is computed only if read. Under augmentation D is D∘T with one T
   * drawn for this update ({@link AdversarialTrainer.augmentedDiscriminator}). Override to change the discriminator the
   * generator is trained against; `logs` takes extra per-step values.
   */
  protected generatorLossContext(
    batch: Batch,
    z: tf.Tensor,
    fake: tf.Tensor,
    step: number,
    _logs: PackedLogs,
  ): LossContext {
    const d = this.augmentedDiscriminator(fake.shape[0]);
    const rng = this.parts.streams.dropout;
    const fakeOut = d.forward(fake, { training: true, cond: batch.labels, rng });
    const realOut = () => d.forward(batch.x, { training: true, cond: batch.labels, rng });
    return this.context(batch, z, fake, realOut, fakeOut, step, undefined, d);
  }

  getState(): TrainerState {
    return {
      step: this.step_,
      tensors: { 'optimizer/generator': this.gOptState, 'optimizer/discriminator': this.dOptState },
    };
  }

  setState(state: TrainerState): void {
    const g = state.tensors['optimizer/generator'] ?? {};
    const d = state.tensors['optimizer/discriminator'] ?? {};
    this.dispose();
    this.gOptState = cloneTree(g);
    this.dOptState = cloneTree(d);
    this.step_ = state.step;
  }

  dispose(): void {
    for (const t of [...Object.values(this.gOptState), ...Object.values(this.dOptState)])
      if (!t.isDisposed) t.dispose();
    this.gOptState = {};
    this.dOptState = {};
  }
}

function disposeBatch(batch: Batch): void {
  batch.x.dispose();
  batch.labels?.dispose();
}

function snake(name: string): string {
  return name.replace(/[^A-Za-z0-9]+/g, '_').toLowerCase();
}
