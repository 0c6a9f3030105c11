import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { BIN_DIST, finished, hasDist, REPO, startNode, tinyRingConfig } from './test-helpers.js';

const REPORT_HEAVY = join(REPO, 'packages/cli/src/fixtures/report-heavy-imports.mjs');

// The built bin (`npm run build -w @ganforge/cli`, which needs the other packages built), run as
// a user runs it: no tsx, no source condition. Skipped where there is no build.
describe.runIf(hasDist())('the built ganforge bin (dist/bin.js)', () => {
  it('is executable, starts with a shebang and answers --help in under 1 s without tfjs, vega or resvg', async () => {
    expect(readFileSync(BIN_DIST, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(BIN_DIST).mode & 0o111).not.toBe(0);
    const r = await finished(startNode(['--import', REPORT_HEAVY, BIN_DIST, '--help']));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: ganforge');
    expect(r.stderr).not.toContain('HEAVY-IMPORT');
    expect(r.ms).toBeLessThan(1000);
  });

  it('trains: metrics.jsonl rows parse and the scatter PNG decodes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ganforge-dist-'));
    writeFileSync(join(dir, 'ring.yaml'), tinyRingConfig('steps: 20\n'));
    const r = await finished(
      startNode([BIN_DIST, 'train', join(dir, 'ring.yaml'), '--out', join(dir, 'run')]),
    );
    expect(r.code).toBe(0);
    const rows = readFileSync(join(dir, 'run/metrics.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((row) => row.step)).toEqual([10, 20]);
    const png = PNG.sync.read(readFileSync(join(dir, 'run/plots/scatter.png')));
    expect(png.width).toBeGreaterThan(840);
  });
});
