import type { TopLevelSpec } from 'vega-lite';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** The metrics.jsonl keys of `plots/augment.png`: ADA's p and r_t (`augment` component logs). */
export const AUGMENT_SERIES = ['augment_p', 'augment_rt'] as const;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * ADA's augmentation probability p and its overfitting heuristic r_t = E[sign(D(x_real))] over
 * training (Karras et al. 2020, arXiv:2006.06676), with r_t's `target` as a dashed line when
 * given: p rises while r_t is above the target. `undefined` when the run logged no `augment_p`
 * (no adaptive augmentation: no plot).
 */
export function augmentSpec(
  rows: readonly Record<string, unknown>[],
  target?: number,
): TopLevelSpec | undefined {
  if (!rows.some((r) => finite(r.augment_p))) return undefined;
  const values = rows.flatMap((r) =>
    AUGMENT_SERIES.filter((f) => finite(r[f])).map((f) => ({ step: r.step, value: r[f], series: f })),
  );
  const curves = {
    data: { values },
    mark: { type: 'line', strokeWidth: 1.5 },
    encoding: {
      x: { field: 'step', type: 'quantitative' },
      y: { field: 'value', type: 'quantitative', title: 'p, r_t', scale: { domain: [-1, 1] } },
      color: { field: 'series', type: 'nominal', title: null, sort: [...AUGMENT_SERIES] },
    },
  };
  const rule = target !== undefined && {
    data: { values: [{ value: target, label: `r_t target ${target}` }] },
    mark: { type: 'rule', strokeDash: [4, 4], color: '#555' },
    encoding: { y: { field: 'value', type: 'quantitative' } },
  };
  return {
    $schema: SCHEMA,
    title: 'Adaptive augmentation: probability p and r_t = E[sign(D(x_real))]',
    background: 'white',
    width: 520,
    height: 220,
    layer: rule ? [rule, curves] : [curves],
  } as TopLevelSpec;
}
