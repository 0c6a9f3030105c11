import { describe, expect, it } from 'vitest';
import { createReporter } from './reporter.js';

function streams(isTTY: boolean) {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    streams: {
      stdout: { write: (s: string) => (out.stdout += s) },
      stderr: { write: (s: string) => (out.stderr += s), isTTY, columns: 120 },
    },
  };
}
const state = (step: number) => ({
  step,
  total: 100,
  rate: 10,
  etaSeconds: (100 - step) / 10,
  logs: { step, g_loss: 0.7, d_loss: 1.4 },
});

describe('createReporter', () => {
  it('draws one redrawn bar on a terminal (stderr) and ends its line before messages', () => {
    const { out, streams: s } = streams(true);
    const r = createReporter(undefined, s);
    expect(r.mode).toBe('tty');
    r.progress(state(1), false);
    r.info('hello');
    // eslint-disable-next-line no-control-regex -- the bar is drawn with ANSI erase-line codes
    expect(out.stderr).toMatch(/^\r\x1b\[2K\[[#-]+\] +1% +step +1\/100 .*\r\x1b\[2K$/);
    expect(out.stdout).toBe('hello\n');
  });

  it('prints plain lines about 20 times a run when not a terminal', () => {
    const { out, streams: s } = streams(false);
    const r = createReporter(undefined, s);
    for (let i = 1; i <= 100; i++) r.progress(state(i), i % 10 === 0);
    expect(out.stdout.trim().split('\n')).toHaveLength(20);
    expect(out.stderr).toBe('');
  });

  it('prints JSON lines for logged steps, events and messages with --json', () => {
    const { out, streams: s } = streams(true);
    const r = createReporter('json', s);
    for (let i = 1; i <= 20; i++) r.progress(state(i), i % 10 === 0);
    r.event('end', { step: 20 });
    r.info('done');
    const lines = out.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.event)).toEqual(['step', 'step', 'end', 'message']);
    expect(lines[1]).toMatchObject({ step: 20, total: 100, g_loss: 0.7, steps_per_s: 10, eta_s: 8 });
    expect(out.stderr).toBe('');
  });
});
