// One PNG per sample file: the 2,500 samples over the mode centres and their 3σ circles, titled with
// the sample's mode coverage. Vega-Lite → Vega SVG → resvg PNG, as the cli's render-png.ts does
// (which @ganforge/cli does not export).
import { Resvg } from '@resvg/resvg-js';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { SampleFile } from './load.js';

/** Plot area in pixels: with the axes and title the picture is about 420 × 420. */
const SIZE = 360;
/** Axis limits ±LIMIT per data set, so every picture of a data set has the same scale. */
const LIMIT: Record<string, number> = { ring: 1.5, grid: 5.5 };
const SAMPLE_COLOR = '#e6550d';
const MODE_COLOR = '#222';

/** Whether `png` is missing or older than the sample file it is drawn from. */
export function isStale(sampleFile: string, png: string): boolean {
  return !existsSync(png) || statSync(png).mtimeMs < statSync(sampleFile).mtimeMs;
}

/** The Vega-Lite spec of one sample file's scatter; `title` lines above it. */
export function samplesSpec(file: SampleFile, title: string[]): TopLevelSpec {
  const limit = LIMIT[file.dataset] ?? 1.1 * Math.max(...file.modes.flat().map(Math.abs)) + 1;
  const scale = { domain: [-limit, limit], clamp: true, nice: false, zero: false };
  const x = { field: 'x', type: 'quantitative', scale, title: null } as const;
  const y = { field: 'y', type: 'quantitative', scale, title: null } as const;
  const points = [];
  for (let i = 0; i + 1 < file.samples.length; i += 2)
    points.push({ x: file.samples[i], y: file.samples[i + 1] });
  const modes = file.modes.map(([mx, my]) => ({ x: mx, y: my }));
  // A Vega symbol's size is its area in px²: a circle of radius 3σ in data units.
  const radius = (3 * file.sigma * SIZE) / (2 * limit);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, fontSize: 12 },
    width: SIZE,
    height: SIZE,
    // Fixed padding: headless Vega overestimates the title's width and would pad both sides for it.
    autosize: { type: 'none' },
    padding: { left: 40, top: 42, right: 16, bottom: 24 },
    background: 'white',
    layer: [
      {
        data: { values: points },
        mark: { type: 'circle', size: 5, opacity: 0.35, color: SAMPLE_COLOR },
        encoding: { x, y },
      },
      {
        data: { values: modes },
        mark: {
          type: 'point',
          shape: 'circle',
          size: Math.PI * radius * radius,
          filled: false,
          color: MODE_COLOR,
          strokeWidth: 1,
        },
        encoding: { x, y },
      },
      {
        data: { values: modes },
        mark: { type: 'point', shape: 'cross', size: 40, filled: true, color: MODE_COLOR, opacity: 0.8 },
        encoding: { x, y },
      },
    ],
  };
}

/** Renders `spec` to PNG bytes at one pixel per spec pixel. */
async function renderPng(spec: TopLevelSpec): Promise<Buffer> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return new Resvg(svg, { font: { loadSystemFonts: true } }).render().asPng();
  } finally {
    view.finalize();
  }
}

/** Scores `file`'s samples with @ganforge/metrics' `modeCoverage` and writes its scatter to `png`. */
export async function plotSampleFile(file: SampleFile, png: string): Promise<void> {
  // Imported here: the metrics package loads tfjs, which only plotting needs.
  const { modeCoverage } = await import('@ganforge/metrics');
  const c = modeCoverage(file.samples, file.modes, file.sigma);
  const title = [
    `${file.variant} (${file.impl}), ${file.dataset}, ${file.steps.toLocaleString('en-US')} steps, seed ${file.seed}:`,
    `${c.modes} modes, ${(100 * c.highQuality).toFixed(1)} % HQ`,
  ];
  mkdirSync(dirname(png), { recursive: true });
  writeFileSync(png, await renderPng(samplesSpec(file, title)));
}
