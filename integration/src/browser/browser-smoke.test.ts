import { build } from 'esbuild';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const here = dirname(fileURLToPath(import.meta.url));

describe.skipIf(!existsSync(CHROMIUM))('browser smoke test (Debian chromium)', () => {
  it('bundles core into a page that trains 20 steps on the cpu backend', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gf-browser-'));
    const result = await build({
      entryPoints: [join(here, 'page-entry.ts')],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      conditions: ['@ganforge/source'],
      outfile: join(dir, 'bundle.js'),
      logLevel: 'silent',
      metafile: true,
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((f) => f.includes('node:') || /node_modules\/(fs|path)\//.test(f))).toBe(false);
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><meta charset="utf-8"><script src="bundle.js"></script>',
    );
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`file://${join(dir, 'index.html')}`);
      await page.waitForFunction(() => window.__result !== undefined, undefined, { timeout: 60_000 });
      const res = await page.evaluate(() => window.__result);
      expect(errors).toEqual([]);
      expect(res?.error).toBeUndefined();
      expect(res?.ok).toBe(true);
      expect(res?.backend).toBe('cpu');
      expect(res?.steps).toBe(20);
      expect(res?.losses).toHaveLength(20);
      expect(res?.losses?.every((l) => Number.isFinite(l) && l > 0)).toBe(true);
    } finally {
      await browser.close();
    }
  });
});
