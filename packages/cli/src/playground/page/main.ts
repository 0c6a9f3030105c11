// The playground page: trains a 2-D GAN in the browser with GANForge's own packages (bundled by
// esbuild with the installed plugins) and draws the generator's samples over the
// discriminator's decision surface as it learns. Charts are vega-lite specs rendered by vega.
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createGan, selectBackend, type Gan } from '@ganforge/core';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { installedPlugins } from 'ganforge:installed-plugins';
import { pickConfig, playgroundChoices, type PlaygroundPick } from './options.js';

/** What the page exposes for people with devtools open, and for tests. */
interface PlaygroundState {
  step: number;
  /** The generated samples drawn right after the current GAN was built (step 0). */
  firstSamples?: number[][];
  backend?: string;
  samples: number[][];
  error?: string;
  choices?: ReturnType<typeof playgroundChoices>;
}
declare global {
  interface Window {
    __playground: PlaygroundState;
  }
}
window.__playground = { step: 0, samples: [] };

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const plugins = installedPlugins.map((p) => p.create());
const GRID = 32;

const spec: TopLevelSpec = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  width: 480,
  height: 480,
  layer: [
    {
      data: { name: 'surface' },
      mark: { type: 'rect', tooltip: true },
      encoding: {
        x: { field: 'x', type: 'quantitative', bin: { maxbins: GRID }, title: null },
        y: { field: 'y', type: 'quantitative', bin: { maxbins: GRID }, title: null },
        color: {
          field: 'd',
          type: 'quantitative',
          aggregate: 'mean',
          title: "D's score",
          scale: { scheme: 'blueorange' },
        },
      },
    },
    {
      data: { name: 'points' },
      mark: { type: 'circle', size: 10, opacity: 0.7 },
      encoding: {
        x: { field: 'x', type: 'quantitative' },
        y: { field: 'y', type: 'quantitative' },
        color: {
          field: 'source',
          type: 'nominal',
          scale: { domain: ['real', 'generated'], range: ['#111', '#d6336c'] },
          title: null,
        },
      },
    },
  ],
  resolve: { scale: { color: 'independent' } },
};

let view: vega.View;
let gan: Gan | undefined;
let running = false;

function fillSelect(id: string, names: string[], chosen: string): void {
  const select = $<HTMLSelectElement>(id);
  select.replaceChildren(
    ...names.map((n) => {
      const o = document.createElement('option');
      o.value = n;
      o.textContent = n === '' ? '(none)' : n;
      o.selected = n === chosen;
      return o;
    }),
  );
}

function pick(): PlaygroundPick {
  const v = (id: string) => $<HTMLSelectElement>(id).value;
  return {
    data: v('data'),
    loss: v('loss'),
    discriminator: v('discriminator'),
    trainer: v('trainer'),
    preset: v('preset'),
  };
}

/** Real and generated points, and D's output on a GRID × GRID lattice covering them. */
function snapshot(g: Gan): { points: object[]; surface: object[]; samples: number[][] } {
  return tf.tidy(() => {
    const ctx = g.metricContext();
    const fake = ctx.generate(500).arraySync() as number[][];
    const realBatch = g.data.sampler(ctx.rng).next(500);
    const real = realBatch.x.arraySync() as number[][];
    tf.dispose([realBatch.x, realBatch.labels ?? []]);
    const lim = 1.2 * Math.max(...real.flat().map(Math.abs));
    const lattice: number[][] = [];
    for (let i = 0; i < GRID; i++)
      for (let j = 0; j < GRID; j++)
        lattice.push([-lim + ((i + 0.5) * 2 * lim) / GRID, -lim + ((j + 0.5) * 2 * lim) / GRID]);
    const d = surfaceScores(g, tf.tensor2d(lattice));
    return {
      samples: fake,
      points: [
        ...real.map(([x, y]) => ({ x, y, source: 'real' })),
        ...fake.map(([x, y]) => ({ x, y, source: 'generated' })),
      ],
      surface: lattice.map(([x, y], k) => ({ x, y, d: d[k] })),
    };
  });
}

/**
 * D's score at each point. A discriminator that scores packs of m samples (PacGAN) gives one
 * score per m points: each point is then scored as a pack of m copies of itself.
 */
function surfaceScores(g: Gan, points: tf.Tensor2D): number[] {
  const n = points.shape[0];
  const score = g.discriminator.forward(points, { training: false }).score;
  if (score.shape[0] === n) return Array.from(score.dataSync());
  const m = n / score.shape[0];
  const packs = tf.reshape(tf.tile(points, [1, m]), [n * m, 2]);
  return Array.from(g.discriminator.forward(packs, { training: false }).score.dataSync());
}

async function draw(g: Gan): Promise<void> {
  const s = snapshot(g);
  window.__playground.samples = s.samples;
  if (g.stepCount === 0) window.__playground.firstSamples = s.samples;
  window.__playground.step = g.stepCount;
  $('status').textContent = `step ${g.stepCount} on ${tf.getBackend()}`;
  $('status').dataset.step = String(g.stepCount);
  await view
    .change(
      'points',
      vega
        .changeset()
        .remove(() => true)
        .insert(s.points),
    )
    .change(
      'surface',
      vega
        .changeset()
        .remove(() => true)
        .insert(s.surface),
    )
    .runAsync();
}

async function start(): Promise<void> {
  running = false;
  gan?.dispose();
  $('error').textContent = '';
  try {
    gan = await createGan(pickConfig(pick()), { plugins, selectBackend: false });
  } catch (e) {
    $('error').textContent = String((e as Error).message ?? e);
    window.__playground.error = $('error').textContent ?? '';
    return;
  }
  running = true;
  await draw(gan);
  const g = gan;
  const loop = async () => {
    if (!running || g !== gan) return;
    for (let i = 0; i < 20; i++) g.step();
    await draw(g);
    setTimeout(loop, 0);
  };
  setTimeout(loop, 0);
}

async function main(): Promise<void> {
  setWasmPaths('/wasm/');
  try {
    await selectBackend('wasm');
  } catch {
    await selectBackend('cpu');
  }
  window.__playground.backend = tf.getBackend();
  const choices = playgroundChoices(plugins);
  window.__playground.choices = choices;
  fillSelect('data', choices.data, 'ring');
  fillSelect('loss', choices.loss, 'non-saturating');
  fillSelect('discriminator', choices.discriminator, 'mlp');
  fillSelect('trainer', choices.trainer, '');
  fillSelect('preset', choices.preset, '');
  $('plugins').textContent = plugins.map((p) => p.name).join(', ');
  view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'svg', container: '#chart' });
  await view.runAsync();
  $('start').addEventListener('click', () => void start());
  $('stop').addEventListener('click', () => (running = false));
  $('status').textContent = `ready (${tf.getBackend()})`;
  $('status').dataset.ready = 'true';
}

main().catch((e) => {
  window.__playground.error = String((e as Error)?.stack ?? e);
  $('error').textContent = window.__playground.error;
});
