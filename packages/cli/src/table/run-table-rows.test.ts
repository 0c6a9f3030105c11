import { describe, expect, it } from 'vitest';
import type { ResolvedConfig } from '@ganforge/core';
import { tableDataBlock } from './run-table-rows.js';

describe('tableDataBlock', () => {
  it("finds the table block itself or inside a data wrapper's inner block (CTGAN's training-by-sampling)", () => {
    const plain = { data: { kind: 'table', path: '/d/t.csv', missing: ['?'] } } as unknown as ResolvedConfig;
    expect(tableDataBlock(plain)).toMatchObject({ path: '/d/t.csv', missing: ['?'] });
    const wrapped = {
      data: { kind: 'training-by-sampling', inner: { kind: 'table', path: '/d/t.csv', delimiter: ';' } },
    } as unknown as ResolvedConfig;
    expect(tableDataBlock(wrapped)).toMatchObject({ path: '/d/t.csv', delimiter: ';' });
  });
});
