// Renders the mixtures section of docs/benchmarks.md: the published rows, every group with its
// PyTorch twin beneath, the settings, and the gallery of sample plots.
import { PUBLISHED, type PublishedCell } from './published.js';
import {
  compareDatasets,
  compareGroups,
  compareImpls,
  compareVariants,
  findTwin,
  passesGate,
  type Group,
  type Stat,
} from './stats.js';

/** A plot in the gallery: where its PNG is, relative to the Markdown file, and what it shows. */
export interface GalleryPlot {
  impl: string;
  variant: string;
  dataset: string;
  steps: number;
  seed: number;
  /** Relative to the docs file, with `/` separators. */
  image: string;
}

const IMPL_NAMES: Record<string, string> = { ganforge: 'GANForge', pytorch: 'PyTorch' };
const implName = (impl: string) => IMPL_NAMES[impl] ?? impl;
const int = (n: number) => n.toLocaleString('en-US');

const table = (header: readonly string[], rows: readonly (readonly string[])[]) =>
  [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');

/** `mean ± sd` with `digits` decimals; the mean alone for one seed. */
function formatStat(s: Stat, digits: number): string {
  if (s.n === 0) return '–';
  const mean = s.mean.toFixed(digits);
  return Number.isNaN(s.sd) ? mean : `${mean} ± ${s.sd.toFixed(digits)}`;
}

const formatRkl = (g: Group) =>
  g.rkl.n > 0 && g.rkl.n < g.runs.length
    ? `${formatStat(g.rkl, 3)} (${g.rkl.n} seeds)`
    : formatStat(g.rkl, 3);

/** The seed count, with the seeds listed unless they are 1…n. */
function formatSeeds(g: Group): string {
  const seeds = g.runs.map((r) => r.seed);
  return seeds.every((s, i) => s === i + 1) ? String(seeds.length) : `${seeds.length} (${seeds.join(', ')})`;
}

function groupRow(g: Group, impl: string, gate: string): string[] {
  return [
    g.variant,
    impl,
    g.backend,
    g.dataset,
    int(g.steps),
    String(g.batch),
    formatSeeds(g),
    formatStat(g.modes, 1),
    formatStat(g.hq, 1),
    formatRkl(g),
    g.runs.map((r) => `${r.modes}/${Math.round(r.hq)}`).join(' '),
    gate,
  ];
}

/** The published rows (paper figures), one line per method. */
export function renderPublished(): string {
  const cell = (c: PublishedCell) => [
    c.modes.toFixed(1),
    c.hq.toFixed(1),
    c.rkl === null ? '–' : c.rkl.toFixed(2),
  ];
  return table(
    [
      'method (published)',
      'source',
      'ring modes',
      'ring HQ %',
      'ring rKL',
      'grid modes',
      'grid HQ %',
      'grid rKL',
    ],
    PUBLISHED.map((p) => [p.method, p.source, ...cell(p.ring), ...cell(p.grid)]),
  );
}

/**
 * Every group in table order, each GANForge group followed by its PyTorch twin where one exists;
 * PyTorch groups that are nobody's twin stand in their own place.
 */
export function renderGroups(groups: readonly Group[]): string {
  const ordered = [...groups].sort(compareGroups);
  const twins = new Map(ordered.filter((g) => g.impl !== 'pytorch').map((g) => [g, findTwin(g, ordered)]));
  const paired = new Set([...twins.values()].filter((t) => t !== undefined));
  const rows: string[][] = [];
  for (const g of ordered) {
    if (g.impl === 'pytorch') {
      if (!paired.has(g)) rows.push(groupRow(g, implName(g.impl), ''));
      continue;
    }
    const twin = twins.get(g);
    rows.push(groupRow(g, implName(g.impl), twin ? (passesGate(g, twin) ? '✓' : '✗') : '–'));
    if (twin) rows.push(groupRow(twin, `${implName(twin.impl)} twin`, ''));
  }
  const header = ['variant', 'impl', 'backend', 'data', 'G steps', 'batch', 'seeds', 'modes', 'HQ %'];
  return table([...header, 'reverse KL', 'per seed (modes/HQ %)', 'vs twin'], rows);
}

/** One line per distinct variant and setting string, with the rows it applies to where a variant has several. */
export function renderSettings(groups: readonly Group[]): string {
  const ordered = [...groups].sort(compareGroups);
  const settings = new Map<string, Group[]>();
  for (const g of ordered) {
    const key = JSON.stringify([g.variant, g.setting]);
    settings.set(key, [...(settings.get(key) ?? []), g]);
  }
  const perVariant = (variant: string) =>
    [...settings.values()].filter((gs) => gs[0].variant === variant).length;
  return [...settings.values()]
    .map((gs) => {
      const { variant, setting } = gs[0];
      const nets = [...new Set(gs.flatMap((g) => g.nets))].join('; ');
      const where =
        perVariant(variant) > 1
          ? ` (rows: ${[...new Set(gs.map((g) => `${g.backend} ${int(g.steps)} steps`))].join(', ')})`
          : '';
      return `- ${variant}${where}: ${setting}; ${nets}`;
    })
    .join('\n');
}

/** Ring and grid side by side, one line per variant, implementation and step count. */
export function renderGallery(plots: readonly GalleryPlot[]): string {
  const lines = new Map<string, GalleryPlot[]>();
  const sorted = [...plots].sort(
    (a, b) =>
      compareVariants(a.variant, b.variant) ||
      a.steps - b.steps ||
      compareImpls(a.impl, b.impl) ||
      compareDatasets(a.dataset, b.dataset),
  );
  for (const p of sorted) {
    const key = JSON.stringify([p.variant, p.impl, p.steps]);
    lines.set(key, [...(lines.get(key) ?? []), p]);
  }
  const image = (ps: GalleryPlot[], dataset: string) => {
    const p = ps.find((q) => q.dataset === dataset);
    if (!p) return '–';
    const alt = `${p.variant} (${implName(p.impl)}), ${p.dataset}, ${int(p.steps)} steps, seed ${p.seed}`;
    return `![${alt}](${p.image})`;
  };
  const rows = [...lines.values()].map((ps) => [
    `${ps[0].variant} (${implName(ps[0].impl)}), ${int(ps[0].steps)} steps`,
    image(ps, 'ring'),
    image(ps, 'grid'),
  ]);
  return table(['run', 'ring', 'grid'], rows);
}

/** The whole generated section, between (not including) the markers. */
export function renderMixturesSection(groups: readonly Group[], plots: readonly GalleryPlot[]): string {
  const parts = [
    '<!-- Rendered by bench/render.ts from bench/results/mixtures/*.jsonl: edit those files, then `npm run bench:render`. -->',
    'Published figures (paper tables, not our runs):',
    renderPublished(),
    'Our runs, mean ± sd over seeds. A "PyTorch twin" row, right beneath the GANForge row it belongs to, is ' +
      'the same nets, settings and seeds in PyTorch (`bench/mixtures/torch_mixtures.py`). "vs twin": ✓ when ' +
      "GANForge's mean modes and mean HQ % are each at least the twin's mean minus the twin's sd (issue #31's " +
      'gate), ✗ otherwise, – without a twin. Reverse KL averages the seeds with at least one high-quality sample ' +
      'where it says "(k seeds)".',
    renderGroups(groups),
    'Settings:',
    renderSettings(groups),
  ];
  if (plots.length > 0) {
    parts.push(
      "Seed 1's 2,500 samples (dots) over the mode centres (crosses; circles: 3σ), per run and data set:",
      renderGallery(plots),
    );
  }
  return `\n${parts.join('\n\n')}\n\n`;
}
