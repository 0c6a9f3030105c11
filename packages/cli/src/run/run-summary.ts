import { relative } from 'node:path';
import type { ComponentBlock, EmaSettings, StepLogs } from '@ganforge/core';
import type { DataView } from '../pictures/data-view.js';
import { formatDuration } from '../progress/format.js';
import type { Reporter } from '../progress/reporter.js';

/** What a finished or interrupted run reports in `summary.json`. */
export interface RunSummary {
  status: 'completed' | 'interrupted';
  step: number;
  steps: number;
  startStep: number;
  backend: string;
  /** The package that provided the backend (`@tensorflow/tfjs-backend-wasm`, …), where one did. */
  backendPackage?: string;
  seconds: number;
  stepsPerSecond: number;
  final: Record<string, number>;
  metrics: Record<string, number>;
  coverage?: { modes: number; totalModes: number; highQuality: number; reverseKl: number };
  /**
   * The generator EMA's settings when the run has an `ema` block: then the sample pictures,
   * metrics and coverage above come from the averaged generator.
   */
  ema?: EmaSettings;
  /**
   * The `augment` block when the run trains D on augmented images (its `kind` and resolved
   * options); `final.augment_p` then holds ADA's last p.
   */
  augment?: ComponentBlock;
  files: string[];
}

/** One line saying that D trained on augmented images, and how (`ganforge train`'s summary). */
export function describeAugmentation(block: ComponentBlock, p?: number): string {
  const policy = Array.isArray(block.policy) ? ` (${block.policy.join(', ')})` : '';
  const adaptive =
    p !== undefined
      ? `, each with probability p = ${Number(p.toPrecision(3))} at the end (target r_t ${String(block.target)})`
      : '';
  return `augmentation on: ${block.kind}${policy} on every real and generated image D saw${adaptive}`;
}

/** The file in `plots/` holding the final picture of a run with data of this view. */
export function finalPictureName(view: DataView): string {
  if (view.kind === 'images') return 'samples.png';
  if (view.kind === 'windows') return 'windows.png';
  return view.dim === 1 ? 'histogram.png' : 'scatter.png';
}

/** The `keys` of a step's logs that it has. */
export function pick(logs: StepLogs | undefined, keys: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) if (logs && typeof logs[k] === 'number') out[k] = logs[k];
  return out;
}

/** Prints the end of a run: time, final losses, metrics, files, and the picture to look at. */
export function reportSummary(s: RunSummary, reporter: Reporter): void {
  const f = s.final;
  const acc =
    f.d_acc_real !== undefined
      ? `  D acc real/fake ${f.d_acc_real.toFixed(2)}/${f.d_acc_fake.toFixed(2)}`
      : '';
  reporter.info(
    `done: ${s.step - s.startStep} steps in ${formatDuration(s.seconds)} (${s.stepsPerSecond.toFixed(1)} steps/s) on ${s.backend}`,
  );
  // A generator fitted without training (trainer `fit-only`) has no losses to report.
  if (f.g_loss !== undefined || f.d_loss !== undefined)
    reporter.info(`final: G loss ${f.g_loss?.toFixed(3)}  D loss ${f.d_loss?.toFixed(3)}${acc}`);
  if (s.coverage && s.metrics.mode_coverage_modes === undefined) {
    const c = s.coverage;
    reporter.info(
      `coverage: ${c.modes}/${c.totalModes} modes, ${(100 * c.highQuality).toFixed(1)} % high quality, reverse KL ${c.reverseKl.toFixed(3)} (2,500 samples)`,
    );
  }
  if (s.augment) reporter.info(describeAugmentation(s.augment, s.final.augment_p));
  if (s.ema)
    reporter.info(
      `samples and metrics use the generator's EMA weights (decay ${s.ema.decay}, averaged after step ${s.ema.startStep})`,
    );
  const metrics = Object.entries(s.metrics).map(([k, v]) => `${k} ${Number(v.toPrecision(4))}`);
  if (metrics.length > 0) reporter.info(`metrics: ${metrics.join(', ')}`);
  reporter.info(`wrote ${s.files.join(', ')}`);
  const picture = s.files[0];
  const what = picture.endsWith('scatter.png')
    ? 'generated vs real points over the mode centres'
    : picture.endsWith('samples.png')
      ? 'a grid of generated samples'
      : 'generated vs real samples';
  reporter.info(`look at ${relative(process.cwd(), picture) || picture}: ${what}`);
}
