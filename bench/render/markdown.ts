// Renders the mixtures section of docs/benchmarks.md: the published rows, every group with its
// PyTorch twin beneath, the settings, the fidelity and diversity of the sample files, and the gallery
// of sample plots.
import type { FidelityRow } from './fidelity.js';
import { renderAgreement, renderFidelity } from './fidelity-markdown.js';
import { formatStat, implName, int, table } from './format.js';
import { KNN_FIELDS } from './load.js';
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

/** `s` to 3 decimals, with "(k seeds)" when only some of `g`'s seeds have a value. */
const formatPartial = (g: Group, s: Stat) =>
  s.n > 0 && s.n < g.runs.length ? `${formatStat(s, 3)} (${s.n} seeds)` : formatStat(s, 3);

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
    formatPartial(g, g.rkl),
    ...KNN_FIELDS.map((f) => formatPartial(g, g.knn[f])),
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
  return table([...header, 'reverse KL', ...KNN_FIELDS, 'per seed (modes/HQ %)', 'vs twin'], rows);
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
export function renderMixturesSection(
  groups: readonly Group[],
  plots: readonly GalleryPlot[],
  fidelity: readonly FidelityRow[],
): string {
  const parts = [
    '<!-- Rendered by bench/render.ts from bench/results/mixtures/*.jsonl: edit those files, then `npm run bench:render`. -->',
    'Published figures (paper tables, not our runs):',
    renderPublished(),
    'Our runs, mean ± sd over seeds. A "PyTorch twin" row, right beneath the GANForge row it belongs to, is ' +
      'the same nets, settings and seeds in PyTorch (`bench/mixtures/torch_mixtures.py`). "vs twin": ✓ when ' +
      "GANForge's mean modes and mean HQ % are each at least the twin's mean minus the twin's sd (issue #31's " +
      'gate), ✗ otherwise, – without a twin. Reverse KL averages the seeds with at least one high-quality sample ' +
      'where it says "(k seeds)". Precision, recall, density and coverage are the k-NN manifold statistics ' +
      '(k 5) against a fixed 2,500-point real sample (`bench/mixtures/reference.ts`), over the seeds whose ' +
      'run lines carry them ("(k seeds)" where only some do); – for rows run before they were recorded.',
    renderGroups(groups),
    'Settings:',
    renderSettings(groups),
  ];
  if (fidelity.length > 0) {
    parts.push(
      "Fidelity and diversity of seed 1's samples: each sample file scored by mode coverage (modes, HQ %, " +
        'reverse KL) and by the k-NN manifold statistics (k 5) against the same fixed 2,500-point real ' +
        'sample per data set (`bench/mixtures/reference.ts`). Precision and density measure fidelity, ' +
        'recall and coverage diversity.',
      renderFidelity(fidelity),
      renderAgreement(fidelity),
    );
  }
  if (plots.length > 0) {
    parts.push(
      "Seed 1's 2,500 samples (dots) over the mode centres (crosses; circles: 3σ), per run and data set:",
      renderGallery(plots),
    );
  }
  return `\n${parts.join('\n\n')}\n\n`;
}
