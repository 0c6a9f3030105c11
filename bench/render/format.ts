// Markdown building blocks shared by the mixtures section's tables: pipe tables, implementation
// names, thousands separators and `mean ± sd` cells.
import type { Stat } from './stats.js';

const IMPL_NAMES: Record<string, string> = { ganforge: 'GANForge', pytorch: 'PyTorch' };

/** The display name of an implementation (`ganforge` → GANForge), or `impl` itself. */
export const implName = (impl: string): string => IMPL_NAMES[impl] ?? impl;

/** `n` with thousands separators (10,000). */
export const int = (n: number): string => n.toLocaleString('en-US');

/** A Markdown pipe table. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** `mean ± sd` with `digits` decimals; the mean alone for one seed; '–' for none. */
export function formatStat(s: Stat, digits: number): string {
  if (s.n === 0) return '–';
  const mean = s.mean.toFixed(digits);
  return Number.isNaN(s.sd) ? mean : `${mean} ± ${s.sd.toFixed(digits)}`;
}
