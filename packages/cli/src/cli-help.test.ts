import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finished, REPO, runCliProcess, sourceArgs, startNode } from './test-helpers.js';

const REPORT_HEAVY = join(REPO, 'packages/cli/src/fixtures/report-heavy-imports.mjs');

describe('ganforge --help', () => {
  it('imports no tfjs, vega or resvg and answers within 1 s of a bare tsx start', async () => {
    // Baseline: the same node + tsx start on an empty module (tsx's own start-up is not the CLI's).
    const baseline = await finished(
      startNode([
        '--import',
        'tsx',
        '--conditions=@ganforge/source',
        join(REPO, 'packages/cli/src/fixtures/empty.ts'),
      ]),
    );
    const help = await finished(startNode(['--import', REPORT_HEAVY, ...sourceArgs('--help')]));
    expect(help.code).toBe(0);
    expect(help.stderr).not.toContain('HEAVY-IMPORT');
    expect(help.stdout).toMatch(
      /Usage: ganforge \[options\] \[command\][\s\S]*train[\s\S]*resume[\s\S]*sample[\s\S]*eval[\s\S]*plugins[\s\S]*130 +interrupted/,
    );
    expect(help.ms - baseline.ms).toBeLessThan(1000);
  });

  it('has --help on every command', async () => {
    for (const [command, option] of [
      ['train', '--steps'],
      ['resume', '--steps'],
      ['sample', '--labels'],
      ['eval', '--metric'],
      ['plugins', '--config'],
    ]) {
      const r = await runCliProcess(command, '--help');
      expect(r.code, command).toBe(0);
      expect(r.stdout, command).toContain(`Usage: ganforge ${command}`);
      expect(r.stdout, command).toContain(option);
    }
  });
});
