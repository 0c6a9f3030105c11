// Renders docs/benchmarks.md's mixtures, MNIST and tables sections from the committed results, so
// no figure in them is typed by hand: the runs, and every sample file's mode coverage beside its
// k-NN precision, recall, density and coverage; a PNG per sample file for the gallery; and
// bench/tables' synthesizers per data set with issue #40's goals.
//   npm run bench:render -- [--check] [--results DIR (default bench/results/mixtures)]
//     [--mnist-results DIR (default bench/results/mnist)]
//     [--tables-results DIR (default bench/results/tables)]
//     [--step-time-results DIR (default bench/results/stabilizers)]
//     [--docs FILE (default docs/benchmarks.md)] [--images DIR (default images/mixtures beside --docs)]
// Rewrites only the text between the `BEGIN GENERATED: NAME` and `END GENERATED: NAME` markers
// (NAME: mixtures, mnist-ema, tables, step-time); prints the tables. --check: writes nothing, exits 1 when a
// docs section is out of date. PNGs are redrawn only when missing or older than their sample file.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSection, replaceSection, withoutTablePadding } from './render/docs-section.js';
import { scoreSampleFile, type FidelityRow } from './render/fidelity.js';
import { listSampleFiles, loadRuns, readSampleFile } from './render/load.js';
import { renderMixturesSection, type GalleryPlot } from './render/markdown.js';
import { loadMnistRows, renderMnistSection } from './render/mnist-markdown.js';
import { isStale, plotSampleFile } from './render/plot.js';
import { groupRuns } from './render/stats.js';
import { loadTablesLines } from './render/tables-load.js';
import { renderTablesSection } from './render/tables-markdown.js';
import { loadStepTimeRows, renderStepTimeSection } from './render/step-time-markdown.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const check = process.argv.includes('--check');
const resultsDir = resolve(arg('results', join(root, 'bench/results/mixtures')));
const mnistDir = resolve(arg('mnist-results', join(root, 'bench/results/mnist')));
const tablesDir = resolve(arg('tables-results', join(root, 'bench/results/tables')));
const stepTimeDir = resolve(arg('step-time-results', join(root, 'bench/results/stabilizers')));
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

let doc = readFileSync(docsFile, 'utf8');
let stale = false;
/** Checks (--check) or rewrites section `name` of the docs with `text`. */
function updateSection(name: string, text: string, source: string): void {
  const current = readSection(doc, name, docsFile);
  if (check) {
    if (withoutTablePadding(current) !== withoutTablePadding(text)) {
      console.error(
        `bench/render: ${shown(docsFile)}: section '${name}' is out of date with ${source} (run npm run bench:render)`,
      );
      stale = true;
    } else console.warn(`bench/render: ${shown(docsFile)}: section '${name}' is up to date`);
  } else if (current !== text) {
    doc = replaceSection(doc, name, text, docsFile);
    console.warn(`bench/render: rewrote section '${name}' of ${shown(docsFile)}`);
  } else {
    console.warn(`bench/render: ${shown(docsFile)}: section '${name}' already up to date`);
  }
}
updateSection(SECTION, body, shown(resultsDir));
const mnistBody = renderMnistSection(loadMnistRows(mnistDir));
console.log(mnistBody.trim());
updateSection('mnist-ema', mnistBody, shown(mnistDir));
const tablesBody = renderTablesSection(loadTablesLines(tablesDir));
console.log(tablesBody.trim());
updateSection('tables', tablesBody, shown(tablesDir));
const stepTimeBody = renderStepTimeSection(loadStepTimeRows(stepTimeDir));
console.log(stepTimeBody.trim());
updateSection('step-time', stepTimeBody, shown(stepTimeDir));
if (!check) writeFileSync(docsFile, doc);
if (stale) process.exit(1);
