import * as tf from '@tensorflow/tfjs';
import { ConfigError, Rng } from '@ganforge/core';
import { expectNoTensorLeak } from '@ganforge/core/testing';
import { tableSource, typeTable, type TableRow } from '@ganforge/data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gaussianCopulaGenerator, type GaussianCopulaGenerator } from './copula-generator.js';
import { copulaTableOf, decodeColumns } from './table-columns.js';

// 600 seeded rows of every column type: a categorical with missing cells (shares 0.5/0.3/0.2 of
// the observed), a boolean, an integer with many values, an integer with three levels (every
// value a point mass), a continuous column 12 % missing that depends on the category, a date.
const header = ['group', 'member', 'count', 'cylinders', 'amount', 'joined'];
const truth = new Rng(5, 'copula-table');
const groups = ['north', 'south', 'west'];
const records = Array.from({ length: 600 }, () => {
  const r = truth.next();
  const g = r < 0.5 ? 0 : r < 0.8 ? 1 : 2;
  const amount = Math.exp(1 + g + 0.3 * truth.normal());
  const day = 1 + truth.int(28);
  return [
    truth.next() < 0.05 ? 'NA' : groups[g],
    truth.next() < 0.3 ? 'yes' : 'no',
    String(truth.int(60)),
    String([4, 6, 8][truth.int(3)]),
    truth.next() < 0.12 ? 'NA' : amount.toFixed(2),
    `2022-03-${String(day).padStart(2, '0')}`,
  ];
});
const source = tableSource(typeTable(header, records, { file: 'synthetic.csv' }), { seed: 1 });
let generator: GaussianCopulaGenerator;

beforeAll(async () => {
  await tf.setBackend('cpu');
  generator = gaussianCopulaGenerator(copulaTableOf(source), { quantiles: 1000 }, new Rng(1, 'init'));
});
afterAll(() => generator.dispose());

function generate(n: number, seed: number): { x: tf.Tensor; rows: TableRow[] } {
  const z = new Rng(seed, 'z').normalTensor([n, generator.latentDim]);
  const x = generator.generate(z, { training: false }).x;
  z.dispose();
  return { x, rows: source.decode(x) };
}
const share = (rows: TableRow[], test: (r: TableRow) => boolean) => rows.filter(test).length / rows.length;

describe('gaussianCopulaGenerator on a table source', () => {
  it('reads the training rows back exactly through the transforms', () => {
    const columns = decodeColumns(copulaTableOf(source));
    const decoded = source.decode(source.values);
    expect(Array.from(columns[4] as Float64Array).map((v) => (Number.isNaN(v) ? null : v))).toEqual(
      decoded.map((r) => r.amount),
    );
    expect(
      records
        .map((r) => (r[4] === 'NA' ? null : Number(r[4])))
        .filter((_, i) => source.rowIndices.includes(i)),
    ).toEqual(decoded.map((r) => r.amount));
  });

  it('has one dimension per column plus one for missing amounts, no parameters, encoded rows out', () => {
    expect(generator.copula().dimensions.map((d) => `${d.column}:${d.role}:${d.marginal.kind}`)).toEqual([
      'group:value:category',
      'member:value:category',
      'count:value:quantile',
      'cylinders:value:levels',
      'amount:value:quantile',
      'amount:missing:category',
      'joined:value:quantile',
    ]);
    expect(generator.latentDim).toBe(7);
    expect(Object.keys(generator.params)).toEqual([]);
    expect(generator.outputShape).toEqual([source.layout.width]);
    const { x } = generate(5, 1);
    expect(x.shape).toEqual([5, source.layout.width]);
    x.dispose();
  });

  it('keeps categories, booleans, integers, levels, missing shares and dates', () => {
    const { x, rows } = generate(4000, 2);
    x.dispose();
    const real = source.decode(source.values);
    for (const g of [...groups, null])
      expect(Math.abs(share(rows, (r) => r.group === g) - share(real, (r) => r.group === g))).toBeLessThan(
        0.025,
      );
    expect(
      Math.abs(share(rows, (r) => r.member === true) - share(real, (r) => r.member === true)),
    ).toBeLessThan(0.025);
    expect(rows.every((r) => typeof r.member === 'boolean')).toBe(true);
    expect(
      rows.every((r) => Number.isInteger(r.count) && (r.count as number) >= 0 && (r.count as number) < 60),
    ).toBe(true);
    expect(new Set(rows.map((r) => r.cylinders))).toEqual(new Set([4, 6, 8]));
    const missing = share(real, (r) => r.amount === null);
    expect(missing).toBeGreaterThan(0.08);
    expect(Math.abs(share(rows, (r) => r.amount === null) - missing)).toBeLessThan(0.02);
    expect(rows.every((r) => /^2022-03-(0[1-9]|1\d|2[0-8])$/.test(r.joined as string))).toBe(true);
  });

  it('keeps the dependence of amount on the category', () => {
    const { x, rows } = generate(4000, 3);
    x.dispose();
    const mean = (g: string) => {
      const v = rows.filter((r) => r.group === g && r.amount !== null).map((r) => r.amount as number);
      return v.reduce((s, a) => s + a, 0) / v.length;
    };
    // Real means: e^{1.045}·(1, e, e²) ≈ 2.8, 7.7, 21.0; categories tile [0, 1] in the order
    // north, south, west (by frequency), which is also the order of their amounts.
    expect(mean('north')).toBeLessThan(mean('south'));
    expect(mean('south')).toBeLessThan(mean('west'));
  });

  it('is a function of z (the same noise gives the same rows), and leaks no tensor', async () => {
    const a = generate(50, 4);
    const b = generate(50, 4);
    expect(Array.from(b.x.dataSync())).toEqual(Array.from(a.x.dataSync()));
    a.x.dispose();
    b.x.dispose();
    const z = tf.zeros([8, generator.latentDim]);
    await expectNoTensorLeak(() => tf.dispose(tf.tidy(() => generator.generate(z, { training: false }).x)));
    z.dispose();
  });

  it('reads its copula from substitute state, and says what it needs', () => {
    const state = { ...generator.state };
    const k = generator.latentDim;
    const identity = tf.eye(k);
    const copula = generator.copula({ ...state, cholesky: identity });
    expect(Array.from(copula.correlation)).toEqual(Array.from(identity.dataSync()));
    identity.dispose();
    const wrong = tf.zeros([2, 3]);
    expect(() => generator.generate(wrong, { training: false })).toThrow(/z must have shape \[n, 7\]/);
    wrong.dispose();
    expect(() => copulaTableOf(undefined)).toThrow(ConfigError);
    expect(() => copulaTableOf({ sampleShape: [2], sampler: () => ({}) as never })).toThrow(
      /use data of kind "table" \(this data source has samples of shape \[2\]/,
    );
  });
});
