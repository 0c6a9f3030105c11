import type { TopLevelSpec } from 'vega-lite';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** One panel of {@link fidelityDiversitySpec}: curves of some metrics.jsonl keys over `step`. */
export interface FidelityPanel {
  title: string;
  /** Title of the y axis. */
  yTitle: string;
  /** The keys drawn, in legend order. */
  fields: readonly string[];
  /** The keys whose presence makes the panel appear (default: all of `fields`). */
  triggers?: readonly string[];
  /** A dashed horizontal reference line (chance for a two-sample test, 0 for MMD²). */
  reference?: { value: number; label: string };
}

/**
 * The panels of `plots/fidelity-diversity.png`, keyed as core's `metricCallback` logs metric values
 * (`<metric name, - as _>_<value>`): `precision-recall` → `precision_recall_precision` /
 * `_recall`, `density-coverage` → `density_coverage_density` / `_coverage`, `c2st` →
 * `c2st_accuracy` (0.5 = real and generated indistinguishable), `mmd-multi-scale` →
 * `mmd_multi_scale_mmd2`, drawn beside the median-heuristic `mmd_mmd2` when both are logged (the
 * median one alone does not make the plot).
 */
export const FIDELITY_PANELS: readonly FidelityPanel[] = [
  {
    title: 'Fidelity (precision, density) and diversity (recall, coverage)',
    yTitle: 'value',
    fields: [
      'precision_recall_precision',
      'precision_recall_recall',
      'density_coverage_density',
      'density_coverage_coverage',
    ],
  },
  {
    title: 'Classifier two-sample test: held-out accuracy (0.5 = indistinguishable)',
    yTitle: 'accuracy',
    fields: ['c2st_accuracy'],
    reference: { value: 0.5, label: 'chance' },
  },
  {
    title: 'MMD² (multi-scale, and median bandwidth)',
    yTitle: 'MMD²',
    fields: ['mmd_multi_scale_mmd2', 'mmd_mmd2'],
    triggers: ['mmd_multi_scale_mmd2'],
    reference: { value: 0, label: '0' },
  },
];

const logged = (rows: readonly Record<string, unknown>[], field: string) =>
  rows.some((r) => typeof r[field] === 'number' && Number.isFinite(r[field]));

/** The panels of `panels` that have at least one finite value of a trigger key in `rows`. */
export function fidelityPanels(
  rows: readonly Record<string, unknown>[],
  panels: readonly FidelityPanel[] = FIDELITY_PANELS,
): FidelityPanel[] {
  return panels.filter((p) => (p.triggers ?? p.fields).some((f) => logged(rows, f)));
}

function panelSpec(rows: readonly Record<string, unknown>[], panel: FidelityPanel) {
  const values = rows.flatMap((r) =>
    panel.fields
      .filter((f) => typeof r[f] === 'number' && Number.isFinite(r[f]))
      .map((f) => ({ step: r.step, value: r[f], series: f })),
  );
  const curves = {
    data: { values },
    // Metrics are computed every few hundred steps: points show each evaluation, even a lone one.
    mark: { type: 'line', strokeWidth: 1.5, point: { size: 24 } },
    encoding: {
      x: { field: 'step', type: 'quantitative' },
      y: { field: 'value', type: 'quantitative', title: panel.yTitle, scale: { zero: false } },
      color: {
        field: 'series',
        type: 'nominal',
        title: null,
        sort: [...panel.fields],
        legend: { labelLimit: 320 },
      },
    },
  } as const;
  const rule = panel.reference && {
    data: { values: [{ value: panel.reference.value, label: panel.reference.label }] },
    mark: { type: 'rule', strokeDash: [4, 4], color: '#555' },
    encoding: { y: { field: 'value', type: 'quantitative' } },
  };
  return {
    title: { text: panel.title, fontSize: 12, anchor: 'start' },
    width: 520,
    height: 160,
    layer: rule ? [rule, curves] : [curves],
  } as const;
}

/**
 * The fidelity/diversity curves of metrics.jsonl rows over training, one panel per kind of
 * metric logged (see {@link FIDELITY_PANELS}): precision, recall, density and coverage; the
 * two-sample test's accuracy over its chance line 0.5; the multi-scale MMD² over 0. `undefined`
 * when none of these metrics was logged (configs without them get no plot).
 */
export function fidelityDiversitySpec(rows: readonly Record<string, unknown>[]): TopLevelSpec | undefined {
  const panels = fidelityPanels(rows);
  if (panels.length === 0) return undefined;
  return {
    $schema: SCHEMA,
    title: 'Fidelity and diversity over training',
    background: 'white',
    vconcat: panels.map((p) => panelSpec(rows, p)),
    // One step axis for all panels (metrics may run at different cadences), a legend per panel.
    resolve: { scale: { x: 'shared', color: 'independent' } },
  } as TopLevelSpec;
}
