import type { TopLevelSpec } from 'vega-lite';
import { settingLabel, type ReportGroup } from './report-table.js';

/**
 * A comparison plot of a sweep: one panel per column (its own y scale), a point per setting at
 * the mean over seeds and a bar from mean − sd to mean + sd.
 */
export function sweepComparisonSpec(title: string, groups: ReportGroup[], columns: string[]): TopLevelSpec {
  // Short labels (`lr=0.001`) unless two settings would read the same.
  const short = groups.map((g) =>
    Object.entries(g.fields)
      .map(([k, v]) => `${k.split('.').pop()}=${String(v)}`)
      .join(' '),
  );
  const labels =
    new Set(short).size === groups.length && groups.length > 0 && short[0] !== ''
      ? short
      : groups.map((g) => settingLabel(g.fields));
  const values = groups.flatMap((g, i) =>
    columns
      .filter((c) => g.stats[c])
      .map((c) => {
        const s = g.stats[c];
        return {
          setting: labels[i],
          column: c,
          mean: s.mean,
          lo: s.mean - s.sd,
          hi: s.mean + s.sd,
          n: s.n,
        };
      }),
  );
  const x = {
    field: 'setting',
    type: 'nominal',
    title: null,
    sort: null,
    axis: { labelAngle: -30, labelLimit: 220 },
  } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, subtitle: 'mean ± sd over seeds' },
    data: { values },
    facet: { column: { field: 'column', type: 'nominal', title: null, sort: columns } },
    spec: {
      width: Math.max(160, 40 * groups.length),
      height: 220,
      layer: [
        {
          mark: { type: 'rule', color: '#7f7f7f' },
          encoding: {
            x,
            y: { field: 'lo', type: 'quantitative', title: null, scale: { zero: false } },
            y2: { field: 'hi' },
          },
        },
        {
          mark: { type: 'point', filled: true, size: 60, color: '#e6550d' },
          encoding: { x, y: { field: 'mean', type: 'quantitative', title: null }, tooltip: [{ field: 'n' }] },
        },
      ],
    },
    resolve: { scale: { y: 'independent' } },
    background: 'white',
  } as TopLevelSpec;
}
