/** What one progress line shows. */
export interface ProgressState {
  step: number;
  total: number;
  /** Steps per second (recent). */
  rate: number;
  /** Seconds left at that rate. */
  etaSeconds: number;
  /** The step's logs (`g_loss`, `d_loss`, `d_acc_real`, `d_acc_fake`, …). */
  logs: Record<string, number>;
}

/** `83` → `1:23`, `3725` → `1:02:05`; `--:--` when unknown. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.round(seconds);
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return hh > 0 ? `${hh}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

function num(v: number | undefined, digits = 3): string {
  return v === undefined || !Number.isFinite(v) ? '-' : v.toFixed(digits);
}

/** The numbers of a progress line without the bar: step, steps/s, ETA, G/D loss, D accuracy. */
export function formatProgressFields(p: ProgressState): string {
  const width = String(p.total).length;
  const parts = [
    `step ${String(p.step).padStart(width)}/${p.total}`,
    `${p.rate.toFixed(1)} steps/s`,
    `ETA ${formatDuration(p.etaSeconds)}`,
    `G ${num(p.logs.g_loss)}`,
    `D ${num(p.logs.d_loss)}`,
  ];
  if (p.logs.d_acc_real !== undefined || p.logs.d_acc_fake !== undefined) {
    parts.push(`D acc real/fake ${num(p.logs.d_acc_real, 2)}/${num(p.logs.d_acc_fake, 2)}`);
  }
  return parts.join('  ');
}

/** A one-line progress bar `[#####-----]  42%  step …` fitting in `columns` characters. */
export function formatProgressBar(p: ProgressState, columns: number): string {
  const fields = formatProgressFields(p);
  const fraction = p.total > 0 ? Math.min(1, p.step / p.total) : 0;
  const pct = `${String(Math.floor(100 * fraction)).padStart(3)}%`;
  const barWidth = Math.max(0, Math.min(30, columns - fields.length - pct.length - 6));
  const filled = Math.round(barWidth * fraction);
  const bar = barWidth >= 5 ? `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ` : '';
  return `${bar}${pct}  ${fields}`.slice(0, Math.max(10, columns - 1));
}

/** How often plain (non-TTY) output prints a line: about 20 lines a run, on multiples of `logEvery`. */
export function plainLineEvery(total: number, logEvery: number): number {
  const raw = Math.max(1, total / 20);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const nice = [1, 2, 5, 10].map((m) => m * magnitude).find((v) => v >= raw) ?? raw;
  return Math.max(logEvery, Math.ceil(nice / logEvery) * logEvery);
}
