import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DataError, Rng } from '@ganforge/core';
import { handLayout, handRows, tinyTableSource } from '../test-helpers.js';
import { conditionSpace } from './condition-space.js';
import { isConditionalTable, withTrainingBySampling } from './conditional-table.js';
import { trainingBySamplingSampler } from './training-by-sampling.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('trainingBySamplingSampler', () => {
  it('draws only rows that have the condition’s category; labels are the conditions', () => {
    const values = handRows(10);
    const space = conditionSpace(handLayout(), values);
    const sampler = trainingBySamplingSampler(space, values, new Rng(2, 'data'));
    const batch = sampler.next(400);
    expect(batch.x.shape).toEqual([400, 9]);
    expect(batch.labels?.shape).toEqual([400, 5]);
    const x = batch.x.arraySync() as number[][];
    const c = batch.labels!.arraySync() as number[][];
    for (let i = 0; i < 400; i++) {
      const slot = c[i].indexOf(1);
      expect(c[i].reduce((a, b) => a + b, 0)).toBe(1);
      // slots 0–2 are b's categories (columns 1–3), 3–4 d's (columns 7–8)
      expect(x[i][slot < 3 ? 1 + slot : 7 + slot - 3], `row ${i}`).toBe(1);
    }
    // d = true is in 2 of 10 rows but drawn ∝ log 3 / (log 9 + log 3) = 1/3 of d's conditions.
    const dRows = c.filter((r) => r[3] + r[4] === 1);
    const share = dRows.filter((r) => r[4] === 1).length / dRows.length;
    expect(Math.abs(share - 1 / 3)).toBeLessThan(0.08);
    tf.dispose([batch.x, batch.labels!]);
  });

  it('is reproducible from the data stream; its state is a count and a bad state is a DataError', () => {
    const values = handRows(10);
    const space = conditionSpace(handLayout(), values);
    const a = trainingBySamplingSampler(space, values, new Rng(5, 'data'));
    const b = trainingBySamplingSampler(space, values, new Rng(5, 'data'));
    const [ba, bb] = [a.next(20), b.next(20)];
    expect(ba.x.arraySync()).toEqual(bb.x.arraySync());
    expect(a.state()).toEqual({ drawn: 20 });
    b.restore({ drawn: 7 });
    expect(b.state()).toEqual({ drawn: 7 });
    expect(() => b.restore({ drawn: -1 })).toThrow(DataError);
    expect(() => b.restore(null)).toThrow(/training-by-sampling sampler state must be/);
    tf.dispose([ba.x, ba.labels!, bb.x, bb.labels!]);
  });
});

describe('withTrainingBySampling', () => {
  it('keeps the table’s layout, codec and decode; numClasses is the conditional vector’s length', () => {
    const table = tinyTableSource();
    const source = withTrainingBySampling(table);
    expect(isConditionalTable(source)).toBe(true);
    expect(isConditionalTable(table)).toBe(false);
    expect(source.layout).toBe(table.layout);
    expect(source.codec).toBe(table.codec);
    expect(source.conditions.spans.map((s) => [s.column, s.labels])).toEqual([
      ['color', ['blue', 'green', 'red']],
      ['member', ['false', 'true']],
    ]);
    expect(source.numClasses).toBe(5);
    // metrics and pictures draw the rows as they are; the trainer draws by condition
    expect(source.sampler).toBe(table.sampler);
    const batch = source.trainingSampler!(new Rng(1, 'data')).next(64);
    const rows = source.decode(batch.x);
    const c = batch.labels!.arraySync() as number[][];
    rows.forEach((row, i) => {
      const slot = c[i].indexOf(1);
      if (slot < 3) expect(row.color).toBe(['blue', 'green', 'red'][slot]);
      else expect(row.member).toBe(slot === 4);
    });
    tf.dispose([batch.x, batch.labels!]);
  });

  it('a table without a conditioned span has no training sampler and no numClasses', () => {
    const table = tinyTableSource();
    const source = withTrainingBySampling(table, { conditionOn: ['mode'] });
    const modes = source.conditions.spans.map((s) => s.column);
    expect(modes).toEqual(['size']);
    const ctabgan = withTrainingBySampling(tinyTableSource(), { conditionOn: ['mixed', 'mode'] });
    expect(ctabgan.conditions.spans.map((s) => s.role)).toEqual(['mixed', 'mode']);
    const bare = withTrainingBySampling(
      {
        ...table,
        layout: { ...table.layout, spans: table.layout.spans.filter((s) => s.kind === 'continuous') },
      },
      {},
    );
    expect(bare.numClasses).toBeUndefined();
    expect(bare.sampler).toBe(table.sampler);
    expect(bare.trainingSampler).toBeUndefined();
  });
});
