import type { TopLevelSpec } from 'vega-lite';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const REAL = '#7f7f7f';
const GENERATED = '#e6550d';

/** Options of {@link scatterSpec}. */
export interface ScatterSpecOptions {
  /** Mode centres of a known mixture, drawn as crosses. */
  modes?: readonly (readonly number[])[];
  /** Pixel size of the square plot (default 420). */
  size?: number;
  /** Fixed axis ranges `[[xmin, xmax], [ymin, ymax]]` (points outside are drawn on the edge), so pictures over a run compare. */
  domain?: [[number, number], [number, number]];
}

/** Axis ranges around `points`: their extent widened by a quarter on each side. */
export function paddedDomain(points: readonly number[][]): [[number, number], [number, number]] {
  const axis = (j: number): [number, number] => {
    const v = points.map((p) => p[j]);
    const lo = Math.min(...v);
    const hi = Math.max(...v);
    const pad = 0.25 * (hi - lo) + 0.05;
    return [Number((lo - pad).toFixed(3)), Number((hi + pad).toFixed(3))];
  };
  return [axis(0), axis(1)];
}

/** A scatter of real vs generated 2-D points, with the mixture's mode centres where known. */
export function scatterSpec(
  real: number[][],
  fake: number[][],
  title: string,
  options: ScatterSpecOptions = {},
): TopLevelSpec {
  const size = options.size ?? 420;
  const points = [
    ...real.map(([x, y]) => ({ x, y, set: 'real' })),
    ...fake.map(([x, y]) => ({ x, y, set: 'generated' })),
  ];
  const scale = (j: 0 | 1) =>
    options.domain ? { domain: options.domain[j], clamp: true, nice: false } : { zero: false };
  const x = { field: 'x', type: 'quantitative', scale: scale(0) } as const;
  const y = { field: 'y', type: 'quantitative', scale: scale(1) } as const;
  const scatter = {
    data: { values: points },
    mark: { type: 'circle', size: 12, opacity: 0.6 },
    encoding: {
      x,
      y,
      color: {
        field: 'set',
        type: 'nominal',
        title: null,
        scale: { domain: ['real', 'generated'], range: [REAL, GENERATED] },
      },
    },
  } as const;
  const modes = options.modes?.map(([mx, my]) => ({ x: mx, y: my }));
  return {
    $schema: SCHEMA,
    title,
    width: size,
    height: size,
    background: 'white',
    layer: modes?.length
      ? [
          {
            data: { values: modes },
            mark: { type: 'point', shape: 'cross', size: 70, color: '#222', strokeWidth: 1, filled: false },
            encoding: { x, y },
          },
          scatter,
        ]
      : [scatter],
  };
}

/** Options of {@link curvesSpec}. */
export interface CurvesSpecOptions {
  title: string;
  /** Title of the y axis. */
  yTitle?: string;
  /** Fixed y domain, e.g. [0, 1] for accuracies. */
  yDomain?: [number, number];
}

/** Curves of `fields` over `step` from metrics.jsonl rows (fields a row lacks are skipped). */
export function curvesSpec(
  rows: readonly Record<string, unknown>[],
  fields: readonly string[],
  options: CurvesSpecOptions,
): TopLevelSpec {
  const values = rows.flatMap((r) =>
    fields
      .filter((f) => typeof r[f] === 'number' && Number.isFinite(r[f]))
      .map((f) => ({ step: r.step, value: r[f], series: f })),
  );
  return {
    $schema: SCHEMA,
    title: options.title,
    width: 520,
    height: 260,
    background: 'white',
    data: { values },
    mark: { type: 'line', strokeWidth: 1.5 },
    encoding: {
      x: { field: 'step', type: 'quantitative' },
      y: {
        field: 'value',
        type: 'quantitative',
        title: options.yTitle ?? 'value',
        ...(options.yDomain ? { scale: { domain: options.yDomain } } : {}),
      },
      color: { field: 'series', type: 'nominal', title: null, sort: [...fields] },
    },
  };
}

/** Overlaid histograms of real vs generated 1-D samples. */
export function histogramSpec(real: number[], fake: number[], title: string): TopLevelSpec {
  const values = [...real.map((v) => ({ v, set: 'real' })), ...fake.map((v) => ({ v, set: 'generated' }))];
  return {
    $schema: SCHEMA,
    title,
    width: 520,
    height: 260,
    background: 'white',
    data: { values },
    mark: { type: 'bar', opacity: 0.55, binSpacing: 0 },
    encoding: {
      x: { field: 'v', type: 'quantitative', bin: { maxbins: 80 }, title: 'value' },
      y: { aggregate: 'count', type: 'quantitative', stack: null },
      color: {
        field: 'set',
        type: 'nominal',
        title: null,
        scale: { domain: ['real', 'generated'], range: [REAL, GENERATED] },
      },
    },
  };
}

/** One panel per channel: a few real and generated windows (time series) as lines over time. */
export function windowsSpec(
  real: number[][][],
  fake: number[][][],
  title: string,
  channels?: readonly string[],
): TopLevelSpec {
  const rows = (set: string, windows: number[][][]) =>
    windows.flatMap((w, i) =>
      w.flatMap((step, t) =>
        step.map((v, c) => ({ t, v, channel: channels?.[c] ?? `x${c}`, id: `${set} ${i}`, set })),
      ),
    );
  return {
    $schema: SCHEMA,
    title,
    background: 'white',
    data: { values: [...rows('real', real), ...rows('generated', fake)] },
    facet: {
      row: { field: 'channel', type: 'nominal', title: null, sort: channels ? [...channels] : 'ascending' },
    },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: 520,
      height: 120,
      mark: { type: 'line', strokeWidth: 1, opacity: 0.7 },
      encoding: {
        x: { field: 't', type: 'quantitative', title: 'time step' },
        y: { field: 'v', type: 'quantitative', title: null, scale: { zero: false } },
        detail: { field: 'id', type: 'nominal' },
        color: {
          field: 'set',
          type: 'nominal',
          title: null,
          scale: { domain: ['real', 'generated'], range: [REAL, GENERATED] },
        },
      },
    },
  };
}

/** One small panel per field (independent y scales): gradient norms, penalties, component logs, metrics. */
export function panelsSpec(
  rows: readonly Record<string, unknown>[],
  fields: readonly string[],
  title: string,
): TopLevelSpec {
  const values = rows.flatMap((r) =>
    fields
      .filter((f) => typeof r[f] === 'number' && Number.isFinite(r[f]))
      .map((f) => ({ step: r.step, value: r[f], series: f })),
  );
  return {
    $schema: SCHEMA,
    title,
    background: 'white',
    data: { values },
    facet: {
      row: {
        field: 'series',
        type: 'nominal',
        title: null,
        sort: [...fields],
        header: { labelAngle: 0, labelOrient: 'top', labelAnchor: 'start', labelFontWeight: 'bold' },
      },
    },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: 520,
      height: 90,
      mark: { type: 'line', strokeWidth: 1.2 },
      encoding: {
        x: { field: 'step', type: 'quantitative' },
        y: { field: 'value', type: 'quantitative', title: null, scale: { zero: false } },
      },
    },
  };
}
