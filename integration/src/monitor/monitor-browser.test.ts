import { appendFileSync, existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMonitor } from '@ganforge/cli';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const here = dirname(fileURLToPath(import.meta.url));
/** Screenshots land here (git-ignored), one per test run. */
const OUTPUT = join(here, '..', '..', 'test-output', 'monitor');

function metricsRow(step: number): string {
  const t = step / 100;
  return (
    JSON.stringify({
      step,
      g_loss: 0.7 + 0.3 * Math.exp(-t),
      d_loss: 1.38 - 0.2 * Math.exp(-t),
      d_loss_real: 0.69 - 0.1 * Math.exp(-t),
      d_loss_fake: 0.69 - 0.1 * Math.exp(-t),
      d_acc_real: 0.6,
      d_acc_fake: 0.4,
      d_grad_norm: 1 + 0.1 * t,
      reg_gradient_penalty: 0.01 * t,
      step_time_ms: 20,
    }) + '\n'
  );
}

describe.skipIf(!existsSync(CHROMIUM))('ganforge monitor in Debian chromium', () => {
  it('the loss chart gains points as rows are appended to a run being written', async () => {
    const run = mkdtempSync(join(tmpdir(), 'gf-monitor-run-'));
    writeFileSync(join(run, 'metrics.jsonl'), [10, 20, 30, 40, 50].map(metricsRow).join(''));
    writeFileSync(join(run, 'resolved-config.json'), JSON.stringify({ seed: 1, steps: 1000 }));
    const server = await startMonitor({ runs: [run], pollMs: 100 });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1300, height: 1100 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(server.url);
      const points = () => page.$eval('#losses', (el) => Number((el as HTMLElement).dataset.points));
      // 5 rows × 4 loss series.
      await page.waitForFunction(
        () => document.querySelector<HTMLElement>('#losses')?.dataset.points === '20',
      );
      expect(await points()).toBe(20);
      appendFileSync(join(run, 'metrics.jsonl'), [60, 70, 80].map(metricsRow).join(''));
      await page.waitForFunction(
        () => document.querySelector<HTMLElement>('#losses')?.dataset.points === '32',
        undefined,
        {
          timeout: 10_000,
        },
      );
      expect(await points()).toBe(32);
      expect(await page.$eval('#accuracy', (el) => (el as HTMLElement).dataset.points)).toBe('16');
      expect(await page.$eval('#speed', (el) => (el as HTMLElement).dataset.points)).toBe('8');
      // reg_gradient_penalty and d_grad_norm: 2 series × 8 rows.
      expect(await page.$eval('#other', (el) => (el as HTMLElement).dataset.points)).toBe('16');
      // The chart drew lines (vega renders SVG paths).
      expect(await page.$$eval('#losses svg path', (p) => p.length)).toBeGreaterThan(4);
      expect(await page.textContent('#configs pre')).toContain('"seed": 1');
      // A NaN stop shows as a diagnostic with its explanation.
      writeFileSync(
        join(run, 'summary.json'),
        JSON.stringify({ status: 'diverged', step: 85, error: 'g_loss is NaN' }),
      );
      await page.waitForSelector('#diagnostics [data-kind="nan-stop"]', { timeout: 10_000 });
      expect(await page.textContent('#diagnostics')).toContain('step 85: training stopped on NaN/Inf');
      mkdirSync(OUTPUT, { recursive: true });
      const shot = join(OUTPUT, 'monitor.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(10_000);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
