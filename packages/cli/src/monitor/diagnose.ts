/** One metrics.jsonl row: `step` plus the logged quantities (null where JSON could not hold a number). */
export type MetricsRow = { step: number } & Record<string, number | null>;

/** The run's summary.json fields the diagnostics read. */
export interface RunStatus {
  status?: string;
  step?: number;
  error?: string;
}

/** A problem the monitor flags, with a one-line explanation and the guide section about it. */
export interface Diagnostic {
  kind: 'mode-collapse' | 'discriminator-saturation' | 'nan-stop';
  /** Step at which it was detected. */
  step: number;
  message: string;
  /** Section of docs/monitoring.md that explains it. */
  guide: string;
}

/** Where the monitoring guide lives (its sections are linked from each diagnostic). */
export const MONITORING_GUIDE = 'docs/monitoring.md';

/** Thresholds of {@link diagnose}; the defaults are documented there. */
export interface DiagnoseOptions {
  /** Rows in the window the saturation check looks at (default 10). */
  window?: number;
  /** D accuracy on real and on fake above which D counts as saturated (default 0.95). */
  saturatedAccuracy?: number;
  /** Relative rise of the mean G loss, window over the window before, that counts as rising (default 0.2). */
  gLossRise?: number;
  /** Coverage below this share of its best value so far counts as collapse (default 0.75). */
  coverageDrop?: number;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function nanStop(rows: readonly MetricsRow[], status: RunStatus | undefined): Diagnostic | undefined {
  if (status?.status === 'diverged') {
    return {
      kind: 'nan-stop',
      step: status.step ?? rows.at(-1)?.step ?? 0,
      message: `training stopped on NaN/Inf${status.error ? ` (${status.error})` : ''}; the last good checkpoint is kept: lower the learning rates or add a penalty, then resume`,
      guide: `${MONITORING_GUIDE}#a-healthy-run`,
    };
  }
  const bad = rows.find((r) => ['g_loss', 'd_loss'].some((k) => k in r && !finite(r[k])));
  if (bad === undefined) return undefined;
  return {
    kind: 'nan-stop',
    step: bad.step,
    message: `a loss is NaN or infinite at step ${bad.step}: training is diverging`,
    guide: `${MONITORING_GUIDE}#a-healthy-run`,
  };
}

function saturation(rows: readonly MetricsRow[], o: Required<DiagnoseOptions>): Diagnostic | undefined {
  const usable = rows.filter((r) => finite(r.d_acc_real) && finite(r.d_acc_fake) && finite(r.g_loss));
  if (usable.length < 2 * o.window) return undefined;
  const last = usable.slice(-o.window);
  const before = usable.slice(-2 * o.window, -o.window);
  const accReal = mean(last.map((r) => r.d_acc_real as number));
  const accFake = mean(last.map((r) => r.d_acc_fake as number));
  const gNow = mean(last.map((r) => r.g_loss as number));
  const gBefore = mean(before.map((r) => r.g_loss as number));
  const rising = gNow > gBefore + o.gLossRise * Math.abs(gBefore);
  if (accReal < o.saturatedAccuracy || accFake < o.saturatedAccuracy || !rising) return undefined;
  return {
    kind: 'discriminator-saturation',
    step: last.at(-1)!.step,
    message: `D is winning: accuracy ${accReal.toFixed(2)} on real and ${accFake.toFixed(2)} on fake while G's loss rose from ${gBefore.toFixed(2)} to ${gNow.toFixed(2)}; G's gradients are vanishing`,
    guide: `${MONITORING_GUIDE}#saturation`,
  };
}

function collapse(rows: readonly MetricsRow[], o: Required<DiagnoseOptions>): Diagnostic | undefined {
  const cov = rows.filter((r) => finite(r.mode_coverage_modes));
  if (cov.length < 2) return undefined;
  const best = Math.max(...cov.map((r) => r.mode_coverage_modes as number));
  const now = cov.at(-1)!;
  const modes = now.mode_coverage_modes as number;
  if (modes >= o.coverageDrop * best) return undefined;
  return {
    kind: 'mode-collapse',
    step: now.step,
    message: `mode coverage fell from ${best} to ${modes} modes: the generator is collapsing onto fewer modes`,
    guide: `${MONITORING_GUIDE}#mode-collapse`,
  };
}

/**
 * Flags the problems a person watching a GAN train would look for, from its metrics rows and
 * summary:
 * - `nan-stop`: the run stopped on NaN/Inf (summary status `diverged`) or a logged loss is not finite;
 * - `discriminator-saturation`: over the last `window` rows, D's accuracy on real and on fake
 *   are both ≥ `saturatedAccuracy` while the mean G loss rose by more than `gLossRise` relative
 *   to the window before (G's gradient vanishes: Goodfellow et al. 2014, §3; Arjovsky & Bottou
 *   2017, arXiv:1701.04862);
 * - `mode-collapse`: the logged mode coverage fell below `coverageDrop` × its best value so far.
 */
export function diagnose(
  rows: readonly MetricsRow[],
  status?: RunStatus,
  options: DiagnoseOptions = {},
): Diagnostic[] {
  const o: Required<DiagnoseOptions> = {
    window: options.window ?? 10,
    saturatedAccuracy: options.saturatedAccuracy ?? 0.95,
    gLossRise: options.gLossRise ?? 0.2,
    coverageDrop: options.coverageDrop ?? 0.75,
  };
  return [nanStop(rows, status), saturation(rows, o), collapse(rows, o)].filter(
    (d): d is Diagnostic => d !== undefined,
  );
}
