import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finished, runCliProcess, sourceArgs, startNode, tinyRingConfig } from './test-helpers.js';

describe('ganforge monitor (subprocess)', () => {
  it('serves the run folders on 127.0.0.1 until SIGTERM, then exits 0', async () => {
    const run = mkdtempSync(join(tmpdir(), 'gf-cli-monitor-'));
    writeFileSync(join(run, 'metrics.jsonl'), '{"step":10,"g_loss":0.7,"d_loss":1.4}\n');
    const child = startNode(sourceArgs('monitor', run));
    const done = finished(child);
    let out = '';
    const url = await new Promise<string>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`no URL printed: ${out}`)), 30_000);
      child.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /monitor: (http:\/\/127\.0\.0\.1:\d+\/) \(1 run\)/.exec(out);
        if (m) {
          clearTimeout(timer);
          ok(m[1]!);
        }
      });
    });
    const runs = (await (await fetch(`${url}api/runs`)).json()) as { name: string }[];
    expect(runs.map((r) => r.name)).toEqual([run.split('/').pop()]);
    child.kill('SIGTERM');
    expect((await done).code).toBe(0);
  });

  it('refuses a missing run folder, naming it', async () => {
    const missing = join(tmpdir(), 'gf-no-such-run');
    const res = await runCliProcess('monitor', missing);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toContain(
      `run folder ${missing} does not exist: pass folders written by ganforge train`,
    );
  });

  it('train --monitor serves the run while it trains', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gf-cli-train-monitor-'));
    const config = join(dir, 'ring.yaml');
    writeFileSync(config, tinyRingConfig('steps: 20\n'));
    const res = await runCliProcess('train', config, '--out', join(dir, 'run'), '--monitor');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/monitor: http:\/\/127\.0\.0\.1:\d+\/ \(1 run\)/);
  });
});

describe('openMonitor', () => {
  it('warns when --host makes the monitor reachable from other machines', async () => {
    const { openMonitor } = await import('./commands/monitor.js');
    const { createReporter } = await import('./progress/reporter.js');
    const lines: string[] = [];
    const sink = { write: (s: string) => (lines.push(s), true) } as unknown as NodeJS.WriteStream;
    const reporter = createReporter('plain', { stdout: sink, stderr: sink });
    const server = await openMonitor([tmpdir()], { host: '0.0.0.0' }, reporter);
    await server.close();
    expect(lines.join('')).toContain(
      'warning: --host 0.0.0.0: the monitor (metrics, samples and configs of these runs) can be reached from other machines on that network; it has no authentication',
    );
    const quiet: string[] = [];
    const quietSink = { write: (s: string) => (quiet.push(s), true) } as unknown as NodeJS.WriteStream;
    const local = await openMonitor(
      [tmpdir()],
      {},
      createReporter('plain', { stdout: quietSink, stderr: quietSink }),
    );
    await local.close();
    expect(quiet.join('')).not.toContain('warning');
  });
});
