import * as tf from '@tensorflow/tfjs';
import { TrainingError } from '../errors.js';
import type { StepLogs } from '../types/trainer.js';

/**
 * Collects the scalars one step logs, so that they are stacked into one tensor and read once
 * per step (TRAPS.md: on webgl/webgpu every read stalls the pipeline). The same read is the
 * NaN/Inf check.
 */
export class PackedLogs {
  private readonly names: string[] = [];
  private readonly values: tf.Scalar[] = [];

  /** Adds a scalar (kept alive until {@link PackedLogs.read}); the name must be snake_case. */
  add(name: string, value: tf.Tensor): void {
    this.names.push(name);
    this.values.push(tf.keep(tf.reshape(value, []) as tf.Scalar));
  }

  /** Adds every entry of a component's `logs()` under `<component>_<key>`. */
  addAll(component: string, logs: Record<string, tf.Tensor> | undefined): void {
    if (!logs) return;
    for (const [key, value] of Object.entries(logs))
      this.add(`${snakeCase(component)}_${snakeCase(key)}`, value);
  }

  /**
   * Reads every value with one read, disposes the scalars and returns the logs. Throws a
   * TrainingError naming the step and the first non-finite quantity.
   */
  read(step: number, extra: Record<string, number>): StepLogs {
    const packed = tf.tidy(() => tf.stack(this.values));
    const data = packed.dataSync();
    packed.dispose();
    for (const v of this.values) v.dispose();
    const logs: StepLogs = { step };
    for (let i = 0; i < this.names.length; i++) {
      if (!Number.isFinite(data[i])) {
        throw new TrainingError(
          `training diverged at step ${step}: ${this.names[i]} is ${data[i]}. Lower the learning rate, ` +
            'add a gradient penalty, or resume from the last checkpoint.',
          step,
          this.names[i],
        );
      }
      logs[this.names[i]] = data[i];
    }
    return Object.assign(logs, extra);
  }

  /** Disposes the collected scalars without reading them (after an exception). */
  dispose(): void {
    for (const v of this.values) v.dispose();
  }
}

/** `gradient-penalty` → `gradient_penalty`, `gradNorm` → `grad_norm`. */
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toLowerCase();
}
