import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { Rng, type GanPlugin, type PresetNetworksConfig } from '@ganforge/core';
import { createGan } from '@ganforge/core/node';
import type { TableRow, TableSource } from '@ganforge/data';
import { dataPlugin } from '@ganforge/data/node';
import { lossesPlugin } from '@ganforge/losses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCopula } from './components.js';
import type { GaussianCopulaGenerator } from './copula-generator.js';

// The one-config-line path: `preset: gaussian-copula` beside a `table` data block, through the
// library API the CLI uses (createGan, fit, saveCheckpoint, loadCheckpoint, sample, decode).
const PENGUINS = fileURLToPath(
  new URL('../../../../examples/configs/data/tables/penguins.csv', import.meta.url),
);
const plugins: GanPlugin[] = [
  lossesPlugin(),
  dataPlugin(),
  { name: 'copula-test', register: registerCopula },
];
const config: PresetNetworksConfig = {
  seed: 1,
  backend: 'cpu',
  data: { kind: 'table', path: PENGUINS, heldOut: 0.1, columns: { year: { type: 'categorical' } } },
  preset: 'gaussian-copula',
};
const dir = mkdtempSync(join(tmpdir(), 'ganforge-copula-'));
const checkpoint = join(dir, 'step-000001');
const noise = (n: number, k: number) => new Rng(9, 'copula-run').normalTensor([n, k]);
const tensorsBefore = { count: 0 };
const seconds: Record<string, number> = {};

beforeAll(async () => {
  await tf.setBackend('cpu');
  tensorsBefore.count = tf.memory().numTensors;
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  // What fit + sample of the penguins cost here (reported, not asserted).
  console.log(`gaussian-copula on penguins: ${JSON.stringify(seconds)}`);
});

describe('preset: gaussian-copula on the penguins table', () => {
  it('resolves to the copula generator, no discriminator, the fit-only trainer and one step', async () => {
    const started = performance.now();
    const gan = await createGan(config, { plugins });
    seconds.build_and_fit = (performance.now() - started) / 1000;
    expect(gan.config).toMatchObject({
      generator: { kind: 'gaussian-copula', quantiles: 1000 },
      discriminator: { kind: 'none' },
      trainer: { kind: 'fit-only' },
      steps: 1,
    });
    expect(gan.config.sources).toMatchObject({
      generator: 'preset:gaussian-copula',
      steps: 'preset:gaussian-copula',
    });
    // 8 columns, plus a missing-value dimension for each measurement with NA cells.
    const g = gan.generator as GaussianCopulaGenerator;
    expect(
      g
        .copula()
        .dimensions.filter((d) => d.role === 'missing')
        .map((d) => d.column),
    ).toEqual(['bill_length_mm', 'bill_depth_mm', 'flipper_length_mm', 'body_mass_g']);
    expect(gan.generator.latentDim).toBe(12);
    let t = performance.now();
    await gan.fit();
    seconds.fit_step = (performance.now() - t) / 1000;
    expect(gan.stepCount).toBe(1);
    t = performance.now();
    await gan.saveCheckpoint(checkpoint);
    seconds.checkpoint = (performance.now() - t) / 1000;
    expect(existsSync(join(checkpoint, 'manifest.json'))).toBe(true);
    gan.dispose();
  });

  it('samples decoded rows from the checkpoint, the same rows for the same noise', async () => {
    const started = performance.now();
    const gan = await createGan(config, { plugins });
    const g = gan.generator as GaussianCopulaGenerator;
    const knots = Object.keys(g.state).find((p) => p.endsWith('/knots'))!;
    const fitted = Array.from(g.state[knots].dataSync());
    try {
      const zeros = tf.zerosLike(g.state[knots]);
      g.state[knots].assign(zeros);
      zeros.dispose();
      await gan.loadCheckpoint(checkpoint);
      expect(Array.from(g.state[knots].dataSync())).toEqual(fitted);
      expect(gan.stepCount).toBe(1);
      const z = noise(2000, g.latentDim);
      const x = gan.sample({ n: 2000, noise: z });
      const source = gan.data as TableSource;
      const rows = source.decode(x);
      seconds.open_and_sample_2000 = (performance.now() - started) / 1000;
      const again = gan.sample({ n: 2000, noise: z });
      expect(Array.from(again.dataSync())).toEqual(Array.from(x.dataSync()));
      tf.dispose([x, again, z]);
      expectPenguinShapes(rows, source.decode(source.values), g);
    } finally {
      gan.dispose();
    }
  });

  it('is deterministic with a seed and leaves no tensor behind', async () => {
    const draw = async () => {
      const gan = await createGan(config, { plugins });
      await gan.fit();
      const x = gan.sample({ n: 200 });
      const values = Array.from(x.dataSync());
      x.dispose();
      gan.dispose();
      return values;
    };
    expect(await draw()).toEqual(await draw());
    expect(tf.memory().numTensors).toBe(tensorsBefore.count);
  });
});

/** Decoded copula rows look like the penguins: same categories, ranges and shares. */
function expectPenguinShapes(rows: TableRow[], real: TableRow[], g: GaussianCopulaGenerator): void {
  const share = (data: TableRow[], test: (r: TableRow) => boolean) => data.filter(test).length / data.length;
  for (const species of ['Adelie', 'Chinstrap', 'Gentoo'])
    expect(
      Math.abs(share(rows, (r) => r.species === species) - share(real, (r) => r.species === species)),
    ).toBeLessThan(0.05);
  expect(new Set(rows.map((r) => r.year))).toEqual(new Set(['2007', '2008', '2009']));
  const numeric = ['bill_length_mm', 'bill_depth_mm', 'flipper_length_mm', 'body_mass_g'];
  for (const column of numeric) {
    const seen = real.map((r) => r[column]).filter((v): v is number => v !== null);
    const values = rows.map((r) => r[column]).filter((v): v is number => v !== null);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(Math.min(...seen));
    expect(Math.max(...values)).toBeLessThanOrEqual(Math.max(...seen));
  }
  expect(rows.every((r) => r.flipper_length_mm === null || Number.isInteger(r.flipper_length_mm))).toBe(true);
  // sex is missing in 11 of 344 rows (a category of its own): the share survives.
  expect(Math.abs(share(rows, (r) => r.sex === null) - share(real, (r) => r.sex === null))).toBeLessThan(
    0.02,
  );
  // Flipper length and body mass: Spearman 0.83 in the data, normal-scores correlation R ≈ 0.78
  // (the two penguin clusters are not a Gaussian copula). Samples have the Spearman correlation
  // a Gaussian copula with that R has, (6/π)·asin(R/2).
  const spearman = (data: TableRow[]) => {
    const pairs = data
      .filter((r) => r.flipper_length_mm !== null && r.body_mass_g !== null)
      .map((r) => [r.flipper_length_mm as number, r.body_mass_g as number]);
    const ranks = (j: number) => midRanks(pairs.map((p) => p[j]));
    return pearsonOf(ranks(0), ranks(1));
  };
  const model = g.copula();
  const k = model.dimensions.length;
  const at = (column: string) => model.dimensions.findIndex((d) => d.column === column && d.role === 'value');
  const r = model.correlation[at('flipper_length_mm') * k + at('body_mass_g')];
  expect(r).toBeGreaterThan(0.7);
  expect(spearman(real)).toBeGreaterThan(0.8);
  expect(Math.abs(spearman(rows) - (6 / Math.PI) * Math.asin(r / 2))).toBeLessThan(0.03);
}

function midRanks(v: number[]): number[] {
  const order = v.map((_, i) => i).sort((a, b) => v[a] - v[b]);
  const out = new Array<number>(v.length);
  for (let a = 0; a < order.length;) {
    let b = a;
    while (b + 1 < order.length && v[order[b + 1]] === v[order[a]]) b++;
    for (let i = a; i <= b; i++) out[order[i]] = (a + b) / 2;
    a = b + 1;
  }
  return out;
}

function pearsonOf(a: number[], b: number[]): number {
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const [ma, mb] = [mean(a), mean(b)];
  let ab = 0;
  let aa = 0;
  let bb = 0;
  a.forEach((x, i) => {
    ab += (x - ma) * (b[i] - mb);
    aa += (x - ma) ** 2;
    bb += (b[i] - mb) ** 2;
  });
  return ab / Math.sqrt(aa * bb);
}
