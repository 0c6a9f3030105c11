import { readFileSync, readdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finished, jsonLines, runCliProcess, sourceArgs, startNode, tinyRingConfig } from './test-helpers.js';

const rowsOf = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, number>);

describe('Ctrl-C and resume (subprocess, from source, cpu)', () => {
  it('SIGINT writes a checkpoint and exits 130; resume continues to the requested step exactly as an uninterrupted run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ganforge-cli-sigint-'));
    const config = join(dir, 'ring.yaml');
    writeFileSync(config, tinyRingConfig('steps: 100000\ncheckpoint: { every: 0, keep: 2 }\n'));
    const run = join(dir, 'run');
    const child = startNode(sourceArgs('train', config, '--out', run, '--json', '--sample-every', '100000'));
    let sent = false;
    child.stdout!.on('data', (d: Buffer) => {
      const step = jsonLines(d.toString()).find((l) => l.event === 'step' && (l.step as number) >= 30);
      if (step && !sent) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    const interrupted = await finished(child);
    expect(interrupted.code).toBe(130);
    const events = jsonLines(interrupted.stdout);
    const stop = events.find((e) => e.event === 'interrupted') as { step: number; checkpoint: string };
    expect(stop.step).toBeGreaterThanOrEqual(30);
    expect(stop.checkpoint).toBe(join(run, 'checkpoints', `step-${String(stop.step).padStart(6, '0')}`));
    expect(readdirSync(join(run, 'checkpoints'))).toEqual([`step-${String(stop.step).padStart(6, '0')}`]);
    expect(
      events.some(
        (e) => e.event === 'message' && String(e.message).includes(`Resume with: ganforge resume ${run}`),
      ),
    ).toBe(true);
    expect(rowsOf(join(run, 'metrics.jsonl')).at(-1)!.step).toBe(stop.step);
    expect(JSON.parse(readFileSync(join(run, 'summary.json'), 'utf8'))).toMatchObject({
      status: 'interrupted',
      step: stop.step,
    });

    const target = stop.step + 20;
    const resumed = await runCliProcess('resume', run, '--steps', String(target));
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(`resuming ${run} from`);
    expect(JSON.parse(readFileSync(join(run, 'summary.json'), 'utf8'))).toMatchObject({
      status: 'completed',
      step: target,
      startStep: stop.step,
    });
    const rows = rowsOf(join(run, 'metrics.jsonl'));
    const steps = rows.map((r) => r.step);
    expect(steps.at(-1)).toBe(target);
    expect(new Set(steps).size).toBe(steps.length);
    expect(steps.every((s, i) => i === 0 || s > steps[i - 1])).toBe(true);

    // The same run without the interruption: identical losses at the last step (cpu, one seed).
    const straight = await runCliProcess(
      'train',
      config,
      '--out',
      join(dir, 'straight'),
      '--steps',
      String(target),
      '--sample-every',
      '100000',
    );
    expect(straight.code).toBe(0);
    const last = rowsOf(join(dir, 'straight', 'metrics.jsonl')).at(-1)!;
    expect(last.step).toBe(target);
    for (const k of ['g_loss', 'd_loss_real', 'd_loss_fake', 'g_grad_norm', 'd_grad_norm'])
      expect(rows.at(-1)![k], k).toBe(last[k]);
  });
});
