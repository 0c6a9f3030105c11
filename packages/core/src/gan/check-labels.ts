import { ConfigError } from '../errors.js';

/** Throws a ConfigError unless every label is an integer class index in [0, numClasses). */
export function checkLabels(labels: readonly number[], numClasses: number): void {
  const bad = labels.findIndex((l) => !Number.isInteger(l) || l < 0 || l >= numClasses);
  if (bad >= 0) {
    throw new ConfigError(
      `sample: labels[${bad}] is ${labels[bad]}; expected an integer class index in [0, ${numClasses})`,
      `labels[${bad}]`,
    );
  }
}
