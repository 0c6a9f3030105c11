import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * Renders a Vega-Lite spec to PNG bytes: Vega-Lite compiles to Vega, Vega renders SVG headless
 * (`renderer: 'none'`), resvg rasterizes it at `scale` (2 = twice the spec's pixel size).
 */
export async function renderVegaLitePng(spec: TopLevelSpec, scale = 2): Promise<Buffer> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return new Resvg(svg, { fitTo: { mode: 'zoom', value: scale }, font: { loadSystemFonts: true } })
      .render()
      .asPng();
  } finally {
    view.finalize();
  }
}
