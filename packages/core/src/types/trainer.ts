import type * as tf from '@tensorflow/tfjs';
import type { BatchSampler } from './data.js';
import type { ParamTree } from './network.js';

/**
 * What one training step reports (Keras' `train_step` dict). Every value is a plain number read
 * with one packed read per step. Names are snake_case and stable: they are `metrics.jsonl` keys.
 *
 * Always present: `g_loss`, `d_loss`, `d_loss_real`, `d_loss_fake`, `g_grad_norm`,
 * `d_grad_norm`, `step_time_ms`. Where defined: `d_acc_real`, `d_acc_fake`, one
 * `reg_<name>` per regularizer, and `<component>_<name>` for every component's `logs()`.
 */
export interface StepLogs {
  step: number;
  [name: string]: number;
}

/** What a trainer checkpoints besides the networks: its step count and optimizer states. */
export interface TrainerState {
  step: number;
  /** Tensor groups by name, e.g. `optimizer/generator` → its state tree. */
  tensors: Record<string, ParamTree>;
}

/** Trains a GAN one step at a time. */
export interface Trainer {
  readonly name: string;
  /** One full step (e.g. dSteps discriminator updates, then one generator update). */
  step(sampler: BatchSampler): StepLogs;
  /** The number of steps taken so far. */
  readonly stepCount: number;
  /** The trainer's checkpointable state (tensors are the trainer's own: do not dispose them). */
  getState(): TrainerState;
  /** Restores a state from {@link Trainer.getState}; the trainer copies the tensors it keeps. */
  setState(state: TrainerState): void;
  /** Releases optimizer state. */
  dispose(): void;
}

/** A callback asks training to stop by returning this value. */
export const STOP_TRAINING = 'stop' as const;

/** What a callback sees of the running GAN. */
export interface CallbackContext {
  /** Samples from the run's fixed noise batch (owned by the caller of `sampleFixed`). */
  sampleFixed(): tf.Tensor;
  /** The step count after the step just taken. */
  step: number;
  /** Total steps of this `fit`. */
  totalSteps: number;
}

/** Observes training; never draws from the training random streams. */
export interface Callback {
  readonly name: string;
  onTrainBegin?(ctx: CallbackContext): void | Promise<void>;
  /** Called after every step; return `'stop'` to end training after this step. */
  onStepEnd?(logs: StepLogs, ctx: CallbackContext): void | 'stop' | Promise<void | 'stop'>;
  onTrainEnd?(history: StepLogs[], ctx: CallbackContext): void | Promise<void>;
}

/** Options of {@link Gan.fit}. */
export interface FitOptions {
  /** Steps to train in this call (default: the config's `steps` minus those already taken). */
  steps?: number;
  callbacks?: Callback[];
  /** Keep every StepLogs in the returned history (default true). */
  keepHistory?: boolean;
  /** Aborts training between steps. */
  signal?: AbortSignal;
}
