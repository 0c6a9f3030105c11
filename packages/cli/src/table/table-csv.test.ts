import { describe, expect, it } from 'vitest';
import type { ColumnInfo } from '@ganforge/data';
import { csvField, formatCell, formatTableCsv } from './table-csv.js';

describe('the table CSV writer', () => {
  it('quotes a field only when a reader would misread it', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('a,b', ';')).toBe('a,b');
  });

  it("writes booleans in the file's tokens, missing as empty, numbers in their shortest form", () => {
    const member: ColumnInfo = { name: 'member', type: 'boolean', tokens: { true: 'Y', false: 'N' } };
    expect([formatCell(member, true), formatCell(member, false), formatCell(member, null)]).toEqual([
      'Y',
      'N',
      '',
    ]);
    const columns: ColumnInfo[] = [
      { name: 'name', type: 'categorical' },
      { name: 'age', type: 'integer' },
      { name: 'height', type: 'continuous' },
      member,
      { name: 'born', type: 'datetime', dateOnly: true },
    ];
    const rows = [
      { name: 'Smith, J.', age: 42, height: 1.8, member: true, born: '1982-03-01' },
      { name: 'Lee', age: null, height: 1.65, member: null, born: null },
    ];
    expect(formatTableCsv(columns, rows)).toBe(
      'name,age,height,member,born\n"Smith, J.",42,1.8,Y,1982-03-01\nLee,,1.65,,\n',
    );
  });
});
