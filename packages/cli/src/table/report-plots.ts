import type { AssociationMatrices, ColumnValues, DiscreteValues, PreparedTable } from '@ganforge/metrics';
import type { TopLevelSpec } from 'vega-lite';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const SETS = { domain: ['real', 'synthetic'], range: ['#7f7f7f', '#e6550d'] };
const MAX_CATEGORIES = 20;

interface Bar {
  set: string;
  share: number;
  start?: number;
  end?: number;
  category?: string;
}

function shares(values: ArrayLike<number>, edges: number[]): number[] {
  const counts = new Array<number>(edges.length - 1).fill(0);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    n++;
    let k = Math.floor(((v - edges[0]) / (edges.at(-1)! - edges[0])) * (edges.length - 1));
    k = Math.min(edges.length - 2, Math.max(0, k));
    counts[k]++;
  }
  return counts.map((c) => (n > 0 ? c / n : 0));
}

function numericBars(real: Float64Array, synthetic: Float64Array, bins: number): Bar[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of [...real, ...synthetic]) {
    if (Number.isNaN(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!(lo <= hi)) return [];
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  const edges = Array.from({ length: bins + 1 }, (_, k) => lo + ((hi - lo) * k) / bins);
  const bars = (set: string, values: Float64Array) =>
    shares(values, edges).map((share, k) => ({ set, share, start: edges[k], end: edges[k + 1] }));
  return [...bars('real', real), ...bars('synthetic', synthetic)];
}

function discreteBars(real: readonly (string | null)[], synthetic: readonly (string | null)[]): Bar[] {
  const label = (k: string | null) => k ?? '(missing)';
  const count = (keys: readonly (string | null)[]) => {
    const m = new Map<string, number>();
    for (const k of keys) m.set(label(k), (m.get(label(k)) ?? 0) + 1 / keys.length);
    return m;
  };
  const [p, q] = [count(real), count(synthetic)];
  const order = [...new Set([...p.keys(), ...q.keys()])].sort((a, b) => (p.get(b) ?? 0) - (p.get(a) ?? 0));
  const shown = order.slice(0, MAX_CATEGORIES);
  const rest = (m: Map<string, number>) =>
    order.slice(MAX_CATEGORIES).reduce((s, k) => s + (m.get(k) ?? 0), 0);
  const bars = (set: string, m: Map<string, number>) => [
    ...shown.map((category) => ({ set, category, share: m.get(category) ?? 0 })),
    ...(order.length > MAX_CATEGORIES ? [{ set, category: '(other)', share: rest(m) }] : []),
  ];
  return [...bars('real', p), ...bars('synthetic', q)];
}

function missingNote(column: ColumnValues, other: ColumnValues): string {
  const share = (c: ColumnValues) => {
    const all =
      c.kind === 'numeric' ? Array.from(c.values, (v) => Number.isNaN(v)) : c.keys.map((k) => k === null);
    return all.filter(Boolean).length / Math.max(all.length, 1);
  };
  const [r, s] = [share(column), share(other)];
  return r === 0 && s === 0
    ? ''
    : `missing ${(100 * r).toFixed(1)} % real, ${(100 * s).toFixed(1)} % synthetic`;
}

/**
 * Per-column overlays of real and synthetic rows: a histogram of shares over 20 common
 * equal-width bins for numeric columns (datetimes on a time axis, missing values counted in the
 * subtitle), grouped bars of category shares for discrete ones (missing as a bar, at most 20
 * categories by real share and the rest as `(other)`).
 */
export function columnDistributionSpecs(real: PreparedTable, synthetic: PreparedTable): object[] {
  return real.columns.map((r, j) => {
    const s = synthetic.columns[j];
    const title = { text: `${r.name} (${r.type})`, subtitle: missingNote(r, s), fontSize: 12 };
    const color = { field: 'set', type: 'nominal', title: null, scale: SETS };
    const y = { field: 'share', type: 'quantitative', title: 'share', axis: { format: '.0%' } };
    if (r.kind === 'numeric' && s.kind === 'numeric') {
      const temporal = r.type === 'datetime';
      return {
        title,
        width: 220,
        height: 130,
        data: { values: numericBars(r.values, s.values, 20) },
        mark: { type: 'rect', opacity: 0.55 },
        encoding: {
          x: {
            field: 'start',
            type: temporal ? 'temporal' : 'quantitative',
            title: null,
            scale: { zero: false },
          },
          x2: { field: 'end' },
          y,
          color,
        },
      };
    }
    return {
      title,
      width: 220,
      height: 130,
      data: {
        values: discreteBars((r as DiscreteValues).keys, (s as DiscreteValues).keys),
      },
      mark: 'bar',
      encoding: {
        x: {
          field: 'category',
          type: 'nominal',
          title: null,
          sort: null,
          axis: { labelAngle: -40, labelLimit: 90 },
        },
        xOffset: { field: 'set' },
        y,
        color,
      },
    };
  });
}

/**
 * The real and the synthetic association matrices side by side (Pearson r for numeric pairs,
 * Cramér's V for pairs with a discrete column, numbers binned as in the pair-trend scores), on
 * one −1…1 colour scale with the values written in the cells.
 */
export function associationSpecs(matrices: AssociationMatrices): object[] {
  const n = matrices.columns.length;
  const size = Math.max(160, Math.min(420, 34 * n));
  const panel = (name: string, m: readonly (readonly number[])[]) => {
    const values = matrices.columns.flatMap((a, i) =>
      matrices.columns.flatMap((b, j) => (Number.isNaN(m[i][j]) ? [] : [{ a, b, v: m[i][j] }])),
    );
    const axis = { sort: matrices.columns, title: null, axis: { labelAngle: -40, labelLimit: 90 } };
    return {
      title: { text: `${name} rows`, fontSize: 12 },
      width: size,
      height: size,
      data: { values },
      encoding: { x: { field: 'b', type: 'nominal', ...axis }, y: { field: 'a', type: 'nominal', ...axis } },
      layer: [
        {
          mark: 'rect',
          encoding: {
            color: {
              field: 'v',
              type: 'quantitative',
              title: 'r / V',
              scale: { domain: [-1, 1], scheme: 'redblue' },
            },
          },
        },
        {
          mark: { type: 'text', fontSize: n > 10 ? 7 : 9 },
          encoding: { text: { field: 'v', type: 'quantitative', format: '.2f' } },
        },
      ],
    };
  };
  return [panel('real', matrices.real), panel('synthetic', matrices.synthetic)];
}

/** The report page: the association matrices side by side above the per-column overlays. */
export function reportSpec(
  title: string,
  subtitle: string,
  real: PreparedTable,
  synthetic: PreparedTable,
  matrices: AssociationMatrices,
): TopLevelSpec {
  return {
    $schema: SCHEMA,
    title: { text: title, subtitle, anchor: 'start' },
    background: 'white',
    vconcat: [
      {
        title: { text: "Associations: Pearson r (numeric pairs), Cramér's V (others)", fontSize: 13 },
        hconcat: associationSpecs(matrices),
      },
      {
        title: { text: 'Columns: real vs synthetic', fontSize: 13 },
        concat: columnDistributionSpecs(real, synthetic),
        columns: 3,
      },
    ],
    resolve: { scale: { color: 'independent' } },
  } as TopLevelSpec;
}

/** Per-column overlays alone (`ganforge sample --out rows.png` of a table run). */
export function distributionsSpec(
  title: string,
  real: PreparedTable,
  synthetic: PreparedTable,
): TopLevelSpec {
  return {
    $schema: SCHEMA,
    title: { text: title, anchor: 'start' },
    background: 'white',
    concat: columnDistributionSpecs(real, synthetic),
    columns: 3,
  } as TopLevelSpec;
}
