import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startMonitor, type MonitorServer } from './server.js';

const row = (step: number) =>
  JSON.stringify({ step, g_loss: 0.7, d_loss: 1.38, d_acc_real: 0.6, d_acc_fake: 0.4, step_time_ms: 20 }) +
  '\n';

function makeRun(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gf-monitor-'));
  writeFileSync(join(dir, 'metrics.jsonl'), row(10) + row(20) + row(30));
  writeFileSync(join(dir, 'resolved-config.json'), JSON.stringify({ seed: 7, steps: 100 }));
  mkdirSync(join(dir, 'samples'));
  writeFileSync(join(dir, 'samples', 'step-000010.png'), Buffer.from([1, 2, 3]));
  writeFileSync(join(dir, 'samples', 'step-000020.png'), Buffer.from([4, 5, 6, 7]));
  return dir;
}

/** GET with the path sent exactly as given (fetch would normalize `..` away). */
function raw(url: string, path: string): Promise<{ status: number; body: Buffer }> {
  const { hostname, port } = new URL(url);
  return new Promise((ok, fail) => {
    get({ hostname, port, path }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
    }).on('error', fail);
  });
}

/** Collects server-sent events from a stream until `until` says stop. */
function events(url: string, until: (seen: { event: string; data: unknown }[]) => boolean) {
  return new Promise<{ event: string; data: unknown }[]>((ok, fail) => {
    get(url, (res: IncomingMessage) => {
      const seen: { event: string; data: unknown }[] = [];
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buf += chunk;
        let i: number;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
          const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null') as unknown;
          seen.push({ event, data });
        }
        if (until(seen)) {
          res.destroy();
          ok(seen);
        }
      });
    }).on('error', fail);
  });
}

let server: MonitorServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('monitor server', () => {
  it('binds 127.0.0.1 and serves the page, the runs, a config and the newest sample', async () => {
    const dir = makeRun();
    server = await startMonitor({ runs: [dir], pollMs: 50 });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<div class="chart" id="losses"');
    expect(html).toContain('<div class="chart" id="fidelity"');
    expect((await fetch(`${server.url}vendor/vega-lite.min.js`)).status).toBe(200);
    const runs = (await (await fetch(`${server.url}api/runs`)).json()) as unknown;
    expect(runs).toEqual([{ id: 0, name: dir.split('/').pop() }]);
    expect(await (await fetch(`${server.url}api/runs/0/config`)).json()).toEqual({ seed: 7, steps: 100 });
    const png = Buffer.from(await (await fetch(`${server.url}api/runs/0/sample.png`)).arrayBuffer());
    expect([...png]).toEqual([4, 5, 6, 7]);
  });

  it('never serves a path outside the run folders: traversal attempts are 404', async () => {
    const dir = makeRun();
    writeFileSync(join(dir, '..', 'secret.txt'), 'secret');
    server = await startMonitor({ runs: [dir], pollMs: 50 });
    for (const path of [
      '/api/runs/0/../../../../etc/passwd',
      '/api/runs/0/..%2f..%2fsecret.txt',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/vendor/../../../package.json',
      '/api/runs/1/config',
      '/api/runs/-1/config',
      '/api/runs/0/metrics.jsonl',
      '/app.js/../../secret.txt',
      '//etc/passwd',
    ]) {
      const res = await raw(server.url, path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(res.body.toString()).not.toContain('secret');
      expect(res.body.toString()).not.toContain('root:');
    }
  });

  it('streams the rows so far, then each appended row, and flags a NaN stop', async () => {
    const dir = makeRun();
    server = await startMonitor({ runs: [dir], pollMs: 50 });
    const url = `${server.url}api/runs/0/events`;
    setTimeout(() => appendFileSync(join(dir, 'metrics.jsonl'), row(40) + row(50)), 300);
    setTimeout(
      () =>
        writeFileSync(
          join(dir, 'summary.json'),
          JSON.stringify({ status: 'diverged', step: 55, error: 'g_loss is NaN' }),
        ),
      600,
    );
    const seen = await events(url, (s) =>
      s.some((e) => e.event === 'diagnostics' && (e.data as unknown[]).length > 0),
    );
    const rows = seen
      .filter((e) => e.event === 'rows')
      .map((e) => (e.data as { step: number }[]).map((r) => r.step));
    expect(rows).toEqual([
      [10, 20, 30],
      [40, 50],
    ]);
    expect(seen.find((e) => e.event === 'sample')?.data).toEqual({ name: 'step-000020.png' });
    const diag = seen.filter((e) => e.event === 'diagnostics').at(-1)?.data as {
      kind: string;
      step: number;
    }[];
    expect(diag).toMatchObject([{ kind: 'nan-stop', step: 55 }]);
  });
});
