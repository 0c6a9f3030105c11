import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Gan, GeneratorWeights } from '@ganforge/core';
import type { TableRow } from '@ganforge/data';
import { table } from '@ganforge/data/node';
import { sampleTableRows } from './sample-table.js';
import { seenCategories } from './table-run.js';
import { parseWhere } from './where.js';

const dir = mkdtempSync(join(tmpdir(), 'ganforge-sample-table-'));
const path = join(dir, 't.csv');
writeFileSync(
  path,
  'kind,count,member\n' +
    Array.from(
      { length: 30 },
      (_, i) => `${['alpha', 'beta', 'gamma'][i % 3]},${i % 5},${i % 2 ? 'yes' : 'no'}`,
    ).join('\n') +
    '\n',
);
const source = table({ path });
const row = (kind: string): TableRow => ({ kind, count: 1, member: true });

/**
 * A stand-in for a trained GAN whose unconditional samples are the encoded `pattern(i)` rows
 * (i counts every row drawn) and, with a conditional generator, rows of the asked category.
 */
function fakeGan(pattern: (i: number) => string, conditional = false): { gan: Gan; drawn: () => number } {
  let drawn = 0;
  const encoded = (kinds: string[]) =>
    tf.tensor2d(source.encode(kinds.map(row)), [kinds.length, source.layout.width]);
  const generator = {
    latentDim: 2,
    generate: (z: tf.Tensor, o: { cond?: tf.Tensor }) => {
      const label = o.cond ? ['alpha', 'beta', 'gamma'][o.cond.argMax(1).dataSync()[0]] : 'alpha';
      drawn += z.shape[0];
      return { x: encoded(Array.from({ length: z.shape[0] }, () => label)), state: {} };
    },
    ...(conditional
      ? {
          conditionFor: (column: string, value: string, n: number) =>
            column === 'kind'
              ? tf.oneHot(tf.fill([n], ['alpha', 'beta', 'gamma'].indexOf(value), 'int32'), 3)
              : undefined,
        }
      : {}),
  };
  const gan = {
    generator,
    sample: (o: { n: number; noise: tf.Tensor; weights: GeneratorWeights }) => {
      const kinds = Array.from({ length: o.n }, (_, i) => pattern(drawn + i));
      drawn += o.n;
      return encoded(kinds);
    },
  };
  return { gan: gan as unknown as Gan, drawn: () => drawn };
}

const where = (...texts: string[]) => parseWhere(texts, source.schema, seenCategories(source));

describe('sampleTableRows', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('draws until n rows match (rejection), keeping the first matches in order', () => {
    const { gan } = fakeGan((i) => ['alpha', 'beta', 'gamma'][i % 3]);
    const result = sampleTableRows(gan, source, {
      n: 50,
      seed: 1,
      weights: 'raw',
      where: where('kind=beta'),
    });
    expect(result.conditioning).toBe('rejection');
    expect(result.rows).toHaveLength(50);
    expect(result.rows.every((r) => r.kind === 'beta')).toBe(true);
    expect(result.drawn).toBe(1000); // the 1,000-row pilot holds 333 matches
    const plain = sampleTableRows(gan, source, { n: 7, seed: 1, weights: 'raw' });
    expect([plain.conditioning, plain.drawn, plain.rows.length]).toEqual(['none', 7, 7]);
  });

  it('stops with an error naming the condition when under 1 % of the rows match', () => {
    const { gan } = fakeGan((i) => (i % 200 === 0 ? 'alpha' : 'beta'));
    expect(() =>
      sampleTableRows(gan, source, {
        n: 10,
        seed: 1,
        weights: 'raw',
        where: where('kind=alpha', 'member=yes'),
      }),
    ).toThrow(
      '--where: kind=alpha and member=yes: 5 of 1000 generated rows (0.50 %) match, below the 1 % that rejection sampling accepts',
    );
  });

  it("uses a generator's conditionFor hook when it has one (one condition), and still checks the rows", () => {
    const { gan, drawn } = fakeGan(() => 'alpha', true);
    const result = sampleTableRows(gan, source, {
      n: 40,
      seed: 1,
      weights: 'raw',
      where: where('kind=gamma'),
    });
    expect(result.conditioning).toBe('generator');
    expect(result.rows.every((r) => r.kind === 'gamma')).toBe(true);
    expect(drawn()).toBe(1000);
    const twoConditions = sampleTableRows(gan, source, {
      n: 5,
      seed: 1,
      weights: 'raw',
      where: where('kind=alpha', 'count=1'),
    });
    expect(twoConditions.conditioning).toBe('rejection');
  });

  it('parses conditions against the schema: boolean tokens, integers, empty = missing', () => {
    expect(where('member=YES', 'count=3', 'kind=').map((w) => [w.column, w.value, w.label])).toEqual([
      ['member', true, 'true'],
      ['count', 3, '3'],
      ['kind', null, '<missing>'],
    ]);
    expect(() => where('count=3.5')).toThrow(
      "--where: count=3.5: column 'count' holds integers, found '3.5'",
    );
    expect(() => where('member=maybe')).toThrow("--where: member=maybe: column 'member' is boolean");
    expect(() => where('kind')).toThrow('--where: "kind": expected COLUMN=VALUE');
    expect(() => where('kind=alpha', 'kind=beta')).toThrow("column 'kind' is conditioned twice");
  });
});
