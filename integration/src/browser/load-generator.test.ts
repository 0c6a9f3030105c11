import { build } from 'esbuild';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGan, loadGeneratorDir, saveGenerator } from '@ganforge/core/node';
import { testingPlugin } from '@ganforge/core/testing';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const here = dirname(fileURLToPath(import.meta.url));

describe.skipIf(!existsSync(CHROMIUM))('a saved generator in the browser (Debian chromium)', () => {
  it('loads by URL without training code and samples what Node samples', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gf-browser-gen-'));
    const gan = await createGan(
      {
        seed: 2,
        backend: 'cpu',
        data: { kind: 'testing-mixture-1d', means: [-2, 2], std: 0.2 },
        generator: { kind: 'tiny-mlp', hidden: [16] },
        discriminator: { kind: 'tiny-mlp', hidden: [16] },
        loss: { kind: 'testing-non-saturating' },
        latentDim: 4,
        batchSize: 16,
      },
      { plugins: [testingPlugin()] },
    );
    await gan.fit({ steps: 5 });
    await saveGenerator(gan, join(dir, 'generator'));
    const expected = await loadGeneratorDir(join(dir, 'generator'), [testingPlugin()]);
    const want = Array.from(expected.sample({ n: 6, seed: 7 }).dataSync());
    await build({
      entryPoints: [join(here, 'load-generator-entry.ts')],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      conditions: ['@ganforge/source'],
      outfile: join(dir, 'bundle.js'),
      logLevel: 'silent',
    });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage();
      // Serve the page and the generator files from this process (nothing leaves the machine); https
      // because checksums use WebCrypto, which browsers offer only in secure contexts.
      await page.route('https://ganforge.test/**', (route) => {
        const path = new URL(route.request().url()).pathname;
        const file =
          path === '/'
            ? null
            : join(path === '/bundle.js' ? dir : join(dir, 'generator'), path.split('/').pop() as string);
        if (!file || !existsSync(file)) {
          return route.fulfill({
            status: path === '/' ? 200 : 404,
            contentType: 'text/html',
            body: '<!doctype html><script src="/bundle.js"></script>',
          });
        }
        return route.fulfill({ status: 200, body: readFileSync(file) });
      });
      await page.goto('https://ganforge.test/');
      await page.waitForFunction(() => window.__generated !== undefined, undefined, { timeout: 60_000 });
      const res = await page.evaluate(() => window.__generated);
      expect(res?.error).toBeUndefined();
      expect(res?.shape).toEqual([6, 1]);
      expect(res?.values?.length).toBe(6);
      res?.values?.forEach((v, i) => expect(v).toBeCloseTo(want[i], 5));
    } finally {
      await browser.close();
      expected.dispose();
      gan.dispose();
    }
  });
});
