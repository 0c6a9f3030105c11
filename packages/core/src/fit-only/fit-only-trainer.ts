import { z } from 'zod';
import { ConfigError } from '../errors.js';
import { defineComponent, type TrainerParts } from '../registry/component.js';
import type { StepLogs, Trainer, TrainerState } from '../types/trainer.js';

/**
 * The trainer of a generator that is fitted when it is built instead of trained by gradient
 * steps — a synthesizer such as the Gaussian copula (`gaussian-copula`, @ganforge/plugin-ctgan,
 * after SDV's GaussianCopulaSynthesizer, Patki, Wedge & Veeramachaneni 2016,
 * doi:10.1109/DSAA.2016.49). A step draws no batch and changes nothing; it only counts, so a
 * run of `steps: 1` goes through the same path as a GAN: one row of `metrics.jsonl`, the
 * checkpoint (the fitted generator's state), sample pictures, `ganforge sample` and `eval`.
 * Its logs are `step` and `step_time_ms` (there is no loss).
 *
 * Building it with a generator that has trainable parameters is a ConfigError at `trainer`: such
 * a generator would never learn here.
 */
export class FitOnlyTrainer implements Trainer {
  readonly name = 'fit-only';
  private step_ = 0;

  constructor(parts: Pick<TrainerParts, 'generator'>) {
    const trainable = Object.keys(parts.generator.params);
    if (trainable.length > 0)
      throw new ConfigError(
        `trainer "fit-only" updates no parameters, but the generator has ${trainable.length} trainable tensor${trainable.length === 1 ? '' : 's'} (${trainable.slice(0, 3).join(', ')}${trainable.length > 3 ? ', …' : ''}): use trainer "default" for a generator trained by gradient steps`,
        'trainer',
      );
  }

  get stepCount(): number {
    return this.step_;
  }

  step(): StepLogs {
    const started = performance.now();
    this.step_ += 1;
    return { step: this.step_, step_time_ms: performance.now() - started };
  }

  getState(): TrainerState {
    return { step: this.step_, tensors: {} };
  }

  setState(state: TrainerState): void {
    this.step_ = state.step;
  }

  dispose(): void {}
}

/** Options of the `fit-only` trainer: none (`dSteps` is core's and unused here). */
export const fitOnlyTrainerOptionsSchema = z.strictObject({});

/** The `fit-only` trainer component: {@link FitOnlyTrainer}. */
export const fitOnlyTrainerComponent = defineComponent({
  kind: 'trainer',
  name: 'fit-only',
  description:
    'For generators fitted when built (gaussian-copula): a step trains nothing and only counts, so the run writes its checkpoint like a GAN.',
  options: fitOnlyTrainerOptionsSchema,
  create: (_options, parts) => new FitOnlyTrainer(parts),
});
