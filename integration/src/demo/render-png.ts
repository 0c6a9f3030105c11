import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** Renders a Vega-Lite spec to PNG bytes (Vega-Lite → Vega → SVG → resvg). */
export async function renderVegaLitePng(spec: TopLevelSpec, scale = 2): Promise<Buffer> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return new Resvg(svg, { fitTo: { mode: 'zoom', value: scale }, font: { loadSystemFonts: true } }).render().asPng();
}

/** A scatter of real vs generated 2-D points. */
export function scatterSpec(real: number[][], fake: number[][], title: string): TopLevelSpec {
  const values = [
    ...real.map(([x, y]) => ({ x, y, set: 'real' })),
    ...fake.map(([x, y]) => ({ x, y, set: 'generated' })),
  ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width: 420,
    height: 420,
    background: 'white',
    data: { values },
    mark: { type: 'circle', size: 12, opacity: 0.6 },
    encoding: {
      x: { field: 'x', type: 'quantitative', scale: { zero: false } },
      y: { field: 'y', type: 'quantitative', scale: { zero: false } },
      color: { field: 'set', type: 'nominal', scale: { domain: ['real', 'generated'], range: ['#7f7f7f', '#e6550d'] } },
    },
  };
}

/** Loss curves from metrics.jsonl rows. */
export function lossSpec(rows: Record<string, number>[], fields: string[]): TopLevelSpec {
  const values = rows.flatMap((r) => fields.filter((f) => f in r).map((f) => ({ step: r.step, value: r[f], series: f })));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Losses',
    width: 520,
    height: 260,
    background: 'white',
    data: { values },
    mark: { type: 'line' },
    encoding: {
      x: { field: 'step', type: 'quantitative' },
      y: { field: 'value', type: 'quantitative' },
      color: { field: 'series', type: 'nominal' },
    },
  };
}
