import { describe, expect, it } from 'vitest';
import { importOptional } from './optional-import.js';

describe('importOptional', () => {
  it('loads an installed package', async () => {
    const r = await importOptional<{ z: unknown }>('zod');
    expect(r.ok && typeof r.module.z).toBe('object');
  });

  it("reports a package that is not installed as 'not installed'", async () => {
    expect(await importOptional('@tensorflow/tfjs-node')).toEqual({ ok: false, reason: 'not installed' });
    expect(await importOptional('@ganforge/no-such-package')).toEqual({ ok: false, reason: 'not installed' });
  });
});
