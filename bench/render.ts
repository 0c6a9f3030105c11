// Renders docs/benchmarks.md's mixtures tables from the committed results, so no figure in them is
// typed by hand: the runs, and every sample file's mode coverage beside its k-NN precision, recall,
// density and coverage; and a PNG per sample file for the gallery.
//   npm run bench:render -- [--check] [--results DIR (default bench/results/mixtures)]
//     [--docs FILE (default docs/benchmarks.md)] [--images DIR (default images/mixtures beside --docs)]
// Rewrites only the text between the `BEGIN GENERATED: mixtures` and `END GENERATED: mixtures`
// markers; prints the tables. --check: writes nothing, exits 1 when the docs' section is out of
// date. PNGs are redrawn only when missing or older than their sample file.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSection, replaceSection, withoutTablePadding } from './render/docs-section.js';
import { scoreSampleFile, type FidelityRow } from './render/fidelity.js';
import { listSampleFiles, loadRuns, readSampleFile } from './render/load.js';
import { renderMixturesSection, type GalleryPlot } from './render/markdown.js';
import { isStale, plotSampleFile } from './render/plot.js';
import { groupRuns } from './render/stats.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const check = process.argv.includes('--check');
const resultsDir = resolve(arg('results', join(root, 'bench/results/mixtures')));
const docsFile = resolve(arg('docs', join(root, 'docs/benchmarks.md')));
const imagesDir = resolve(arg('images', join(dirname(docsFile), 'images/mixtures')));
const SECTION = 'mixtures';
/** `path` relative to the repository when inside it, for messages. */
const shown = (path: string) => (path.startsWith(root + sep) ? relative(root, path) : path);

const groups = groupRuns(loadRuns(resultsDir));
const hasRuns = (impl: string, variant: string, dataset: string, steps: number) =>
  groups.some((g) => g.impl === impl && g.variant === variant && g.dataset === dataset && g.steps === steps);

const plots: GalleryPlot[] = [];
const fidelity: FidelityRow[] = [];
for (const path of listSampleFiles(resultsDir)) {
  const file = readSampleFile(path);
  const scored = scoreSampleFile(file);
  if (typeof scored === 'string') console.warn(`bench/render: ${shown(path)}: ${scored}: not scored`);
  else fidelity.push(scored);
  if (!hasRuns(file.impl, file.variant, file.dataset, file.steps)) {
    console.warn(`bench/render: ${shown(path)} has no run lines in ${shown(resultsDir)}: not plotted`);
    continue;
  }
  const png = join(imagesDir, `${file.impl}-${file.variant}-${file.dataset}-${file.steps}.png`);
  if (!check && isStale(path, png)) {
    await plotSampleFile(file, png);
    console.warn(`bench/render: wrote ${shown(png)}`);
  }
  const image = relative(dirname(docsFile), png).split(sep).join('/');
  const { impl, variant, dataset, steps, seed } = file;
  plots.push({ impl, variant, dataset, steps, seed, image });
}

const body = renderMixturesSection(groups, plots, fidelity);
console.log(body.trim());

const doc = readFileSync(docsFile, 'utf8');
const current = readSection(doc, SECTION, docsFile);
if (check) {
  if (withoutTablePadding(current) !== withoutTablePadding(body)) {
    console.error(
      `bench/render: ${shown(docsFile)}: section '${SECTION}' is out of date with ${shown(resultsDir)} (run npm run bench:render)`,
    );
    process.exit(1);
  }
  console.warn(`bench/render: ${shown(docsFile)}: section '${SECTION}' is up to date`);
} else if (current !== body) {
  writeFileSync(docsFile, replaceSection(doc, SECTION, body, docsFile));
  console.warn(`bench/render: rewrote section '${SECTION}' of ${shown(docsFile)}`);
} else {
  console.warn(`bench/render: ${shown(docsFile)}: section '${SECTION}' already up to date`);
}
