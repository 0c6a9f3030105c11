// GANForge monitor page: one server-sent event stream per run feeds vega-lite charts.
// Charts are vega-lite specs rendered by vega (no chart code here); each chart's container
// carries data-points = the number of values it holds (tests and people can read it).
'use strict';

const LOSSES = ['g_loss', 'd_loss', 'd_loss_real', 'd_loss_fake'];
const ACCURACY = ['d_acc_real', 'd_acc_fake'];
// Fidelity/diversity metrics (precision-recall, density-coverage, c2st), as metricCallback keys
// them; their chart is shown once one of them arrives. MMD² values stay in "other".
const FIDELITY = [
  'precision_recall_precision',
  'precision_recall_recall',
  'density_coverage_density',
  'density_coverage_coverage',
  'c2st_accuracy',
];
const SKIP = new Set(['step', 'time', 'step_time_ms', ...LOSSES, ...ACCURACY]);
const GUIDE = 'https://github.com/ganforge/ganforge/blob/main/';

function lineSpec(extra) {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: { name: 'rows' },
    mark: { type: 'line', clip: true },
    encoding: {
      x: { field: 'step', type: 'quantitative' },
      y: { field: 'value', type: 'quantitative', scale: { zero: false } },
      color: { field: 'series', type: 'nominal' },
      strokeDash: { field: 'run', type: 'nominal' },
    },
    width: 420,
    height: 220,
    autosize: { type: 'pad' },
    padding: 8,
    config: { legend: { orient: 'bottom', direction: 'horizontal', labelLimit: 400 } },
    ...extra,
  };
}

const SPECS = {
  losses: lineSpec({}),
  accuracy: lineSpec({}),
  speed: lineSpec({}),
  // Metrics are computed every few hundred steps: points show each evaluation.
  fidelity: lineSpec({ mark: { type: 'line', clip: true, point: true } }),
  // Quantities of very different sizes share one chart on a symmetric log scale.
  other: lineSpec({
    width: 900,
    encoding: {
      x: { field: 'step', type: 'quantitative' },
      y: { field: 'value', type: 'quantitative', scale: { type: 'symlog' } },
      color: { field: 'series', type: 'nominal' },
      strokeDash: { field: 'run', type: 'nominal' },
    },
  }),
};

const views = {};
const counts = { losses: 0, accuracy: 0, speed: 0, fidelity: 0, other: 0 };

async function makeViews() {
  for (const [id, spec] of Object.entries(SPECS)) {
    const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), {
      renderer: 'svg',
      container: `#${id}`,
      hover: true,
    });
    await view.runAsync();
    views[id] = view;
  }
}

/** Long-format values {run, series, step, value} of one metrics row, by chart. */
function split(run, row) {
  const out = { losses: [], accuracy: [], speed: [], fidelity: [], other: [] };
  for (const [key, value] of Object.entries(row)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    const v = { run, series: key, step: row.step, value };
    if (LOSSES.includes(key)) out.losses.push(v);
    else if (ACCURACY.includes(key)) out.accuracy.push(v);
    else if (FIDELITY.includes(key)) out.fidelity.push(v);
    else if (!SKIP.has(key)) out.other.push(v);
  }
  if (typeof row.step_time_ms === 'number' && row.step_time_ms > 0) {
    out.speed.push({ run, series: 'steps/s', step: row.step, value: 1000 / row.step_time_ms });
  }
  return out;
}

let pending = Promise.resolve();
function addRows(run, rows) {
  pending = pending.then(async () => {
    const byChart = { losses: [], accuracy: [], speed: [], fidelity: [], other: [] };
    for (const row of rows) {
      const s = split(run, row);
      for (const k of Object.keys(byChart)) byChart[k].push(...s[k]);
    }
    for (const [id, values] of Object.entries(byChart)) {
      if (values.length === 0) continue;
      document.getElementById(id).closest('figure').hidden = false;
      await views[id].insert('rows', values).resize().runAsync();
      counts[id] += values.length;
      document.getElementById(id).dataset.points = String(counts[id]);
    }
  });
}

const diagnosticsByRun = new Map();
function showDiagnostics() {
  const box = document.getElementById('diagnostics');
  box.replaceChildren();
  for (const [run, list] of diagnosticsByRun) {
    for (const d of list) {
      const p = document.createElement('p');
      p.className = `diagnostic ${d.kind}`;
      p.dataset.kind = d.kind;
      p.append(`${run}, step ${d.step}: ${d.message} `);
      const a = document.createElement('a');
      a.href = GUIDE + d.guide;
      a.textContent = 'why, and what to do';
      a.target = '_blank';
      p.append(a);
      box.append(p);
    }
  }
}

function sampleFigure(run) {
  const fig = document.createElement('figure');
  const cap = document.createElement('figcaption');
  cap.textContent = `${run.name}: newest samples`;
  const img = document.createElement('img');
  img.alt = `newest samples of ${run.name}`;
  img.id = `sample-${run.id}`;
  fig.append(cap, img);
  document.getElementById('samples').append(fig);
  return img;
}

async function showConfig(run) {
  const res = await fetch(`/api/runs/${run.id}/config`);
  const config = await res.json();
  const fig = document.createElement('figure');
  const cap = document.createElement('figcaption');
  cap.textContent = `${run.name}: resolved config`;
  const pre = document.createElement('pre');
  pre.textContent = config === null ? '(not written yet)' : JSON.stringify(config, null, 2);
  fig.append(cap, pre);
  document.getElementById('configs').append(fig);
}

function follow(run) {
  const img = sampleFigure(run);
  const events = new EventSource(`/api/runs/${run.id}/events`);
  events.addEventListener('rows', (e) => addRows(run.name, JSON.parse(e.data)));
  events.addEventListener('sample', (e) => {
    img.src = `/api/runs/${run.id}/sample.png?name=${encodeURIComponent(JSON.parse(e.data).name)}`;
  });
  events.addEventListener('diagnostics', (e) => {
    diagnosticsByRun.set(run.name, JSON.parse(e.data));
    showDiagnostics();
  });
  events.addEventListener('summary', (e) => {
    const s = JSON.parse(e.data);
    document.getElementById('runs').dataset[`status${run.id}`] = s.status ?? '';
  });
  showConfig(run);
}

async function main() {
  await makeViews();
  const runs = await (await fetch('/api/runs')).json();
  document.getElementById('runs').textContent = runs.map((r) => r.name).join(' · ');
  runs.forEach(follow);
}

main().catch((e) => {
  document.getElementById('runs').textContent = `monitor error: ${e}`;
});
