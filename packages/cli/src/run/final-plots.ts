import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderVegaLitePng } from '../plot/render-png.js';
import { augmentSpec } from '../plot/augment-spec.js';
import { fidelityDiversitySpec } from '../plot/fidelity-spec.js';
import { curvesSpec, panelsSpec } from '../plot/specs.js';

const LOSSES = ['g_loss', 'd_loss', 'd_loss_real', 'd_loss_fake'];
const ACCURACIES = ['d_acc_real', 'd_acc_fake'];
const NOT_DIAGNOSTIC = new Set(['step', 'time', 'step_time_ms', ...LOSSES, ...ACCURACIES]);

/** The numeric fields of metrics rows that are neither losses nor accuracies, in first-seen order. */
export function diagnosticFields(rows: readonly Record<string, unknown>[]): string[] {
  const counts = new Map<string, number>();
  for (const r of rows) {
    for (const [k, v] of Object.entries(r))
      if (!NOT_DIAGNOSTIC.has(k) && typeof v === 'number' && Number.isFinite(v))
        counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  // A curve needs two points: a metric computed once (at the end) is in the summary instead.
  return [...counts].filter(([, n]) => n >= 2).map(([k]) => k);
}

/**
 * Writes the run's curves from metrics.jsonl rows into `dir`: `losses.png` (G loss, D loss and its
 * real/fake parts), `accuracy.png` (D accuracy on real and on fake, where the loss defines one),
 * `diagnostics.png` (gradient norms, penalties, component logs, metrics) and, when the run logged
 * `precision-recall`, `density-coverage`, `c2st` or `mmd-multi-scale`, `fidelity-diversity.png`
 * (those metrics over training, see `fidelityDiversitySpec`), and, when the run logged ADA's
 * `augment_p`, `augment.png` (p and r_t over training with `options.augmentTarget`, see
 * `augmentSpec`). Returns the files.
 */
export async function writeCurvePlots(
  rows: readonly Record<string, unknown>[],
  dir: string,
  options: { augmentTarget?: number } = {},
): Promise<string[]> {
  const written: string[] = [];
  const write = async (name: string, png: Promise<Buffer>) => {
    const path = join(dir, name);
    writeFileSync(path, await png);
    written.push(path);
  };
  if (rows.length === 0) return written;
  await write('losses.png', renderVegaLitePng(curvesSpec(rows, LOSSES, { title: 'Losses', yTitle: 'loss' })));
  if (rows.some((r) => typeof r.d_acc_real === 'number')) {
    await write(
      'accuracy.png',
      renderVegaLitePng(
        curvesSpec(rows, ACCURACIES, {
          title: 'Discriminator accuracy',
          yTitle: 'accuracy',
          yDomain: [0, 1],
        }),
      ),
    );
  }
  const diagnostics = diagnosticFields(rows);
  if (diagnostics.length > 0)
    await write(
      'diagnostics.png',
      renderVegaLitePng(panelsSpec(rows, diagnostics, 'Gradient norms and logged values')),
    );
  const fidelity = fidelityDiversitySpec(rows);
  if (fidelity) await write('fidelity-diversity.png', renderVegaLitePng(fidelity));
  const augment = augmentSpec(rows, options.augmentTarget);
  if (augment) await write('augment.png', renderVegaLitePng(augment));
  return written;
}
