import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPlayground } from '@ganforge/cli';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const OUTPUT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-output', 'playground');

interface State {
  step: number;
  backend?: string;
  samples: number[][];
  firstSamples?: number[][];
  error?: string;
  choices?: Record<string, string[]>;
}

describe.skipIf(!existsSync(CHROMIUM))('ganforge playground in Debian chromium', () => {
  it('trains a 2-D GAN in the page for a few seconds: the generated samples move', async () => {
    const server = await startPlayground();
    expect(server.plugins).toEqual(expect.arrayContaining(['@ganforge/losses', '@ganforge/plugin-wgan']));
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(server.url);
      await page.waitForSelector('#status[data-ready="true"]', { timeout: 60_000 });
      const ready = (await page.evaluate(
        () => (window as unknown as { __playground: State }).__playground,
      )) as State;
      expect(ready.backend).toBe('wasm');
      // Choices come from the installed plugins' registry, each validated as a config.
      expect(ready.choices?.loss).toEqual(expect.arrayContaining(['non-saturating', 'wasserstein', 'ebgan']));
      expect(ready.choices?.trainer).toContain('unrolled');
      expect(ready.choices?.preset).toContain('wgan-gp');
      expect(ready.choices?.discriminator).toContain('minibatch-discrimination');
      await page.click('#start');
      await page.waitForFunction(
        () => ((window as unknown as { __playground?: State }).__playground?.step ?? 0) >= 200,
        undefined,
        {
          timeout: 60_000,
        },
      );
      const s = (await page.evaluate(
        () => (window as unknown as { __playground: State }).__playground,
      )) as State;
      expect(s.error).toBeUndefined();
      expect(s.firstSamples).toHaveLength(500);
      const moved =
        s.samples.reduce(
          (sum, [x, y], i) => sum + Math.hypot(x! - s.firstSamples![i]![0]!, y! - s.firstSamples![i]![1]!),
          0,
        ) / s.samples.length;
      expect(moved).toBeGreaterThan(0.1);
      // The samples spread out over the ring (radius 1) instead of staying near the origin.
      const radius = s.samples.reduce((sum, [x, y]) => sum + Math.hypot(x!, y!), 0) / s.samples.length;
      expect(radius).toBeGreaterThan(0.5);
      expect(await page.$$eval('#chart svg path', (p) => p.length)).toBeGreaterThan(0);
      mkdirSync(OUTPUT, { recursive: true });
      await page.screenshot({ path: join(OUTPUT, 'playground.png') });
      expect(statSync(join(OUTPUT, 'playground.png')).size).toBeGreaterThan(10_000);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
