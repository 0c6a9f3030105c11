import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLines, runCliProcess, tinyRingConfig } from './test-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ganforge-cli-errors-'));
function config(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('ganforge errors and exit codes (subprocess, from source)', () => {
  it('a bad value: exit 2, the field named, no run folder written', async () => {
    const file = config(
      'bad-lr.yaml',
      tinyRingConfig('steps: 5\n').replace('generator: { lr: 1.0e-3 }', 'generator: { lr: -1 }'),
    );
    const r = await runCliProcess('train', file, '--out', join(dir, 'bad-lr'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`ganforge: config error in ${file}:`);
    expect(r.stderr).toMatch(/optimizers\.generator\.lr: .*(> ?0|positive|greater)/);
    expect(existsSync(join(dir, 'bad-lr'))).toBe(false);
  });

  it('a misspelt key and a wrong option type are both reported, with --json as an error event', async () => {
    const file = config(
      'typos.yaml',
      tinyRingConfig('stepz: 5\n').replace(
        'hidden: [32, 32], activation: relu }',
        'hidden: 32, activation: relu }',
      ),
    );
    const r = await runCliProcess('train', file, '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/stepz: .*did you mean "steps"/);
    expect(r.stderr).toMatch(/discriminator\.hidden: /);
    const [error] = jsonLines(r.stdout).filter((l) => l.event === 'error') as {
      exitCode: number;
      code: string;
      issues: { path: string }[];
    }[];
    expect(error).toMatchObject({ exitCode: 2, code: 'CONFIG_INVALID' });
    expect(error.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['stepz', 'discriminator.hidden']),
    );
  });

  it('an unknown kind names the plugin package to install and add to plugins:', async () => {
    const file = config('unrolled.yaml', tinyRingConfig('steps: 5\ntrainer: { kind: unrolled }\n'));
    const r = await runCliProcess('train', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('trainer.kind: trainer "unrolled" is not registered.');
    expect(r.stderr).toContain(
      'It is provided by @ganforge/plugin-unrolled: npm i @ganforge/plugin-unrolled and add "@ganforge/plugin-unrolled" to the config\'s plugins: list.',
    );
  });

  it('a plugin that is not installed: exit 3 with the install command; YAML syntax and usage errors: exit 2', async () => {
    const missing = await runCliProcess(
      'train',
      config('missing-plugin.yaml', tinyRingConfig("plugins: ['@ganforge/plugin-nope']\n")),
    );
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain(
      'plugin "@ganforge/plugin-nope" cannot be found: install it: npm i @ganforge/plugin-nope',
    );
    const yaml = await runCliProcess('train', config('broken.yaml', 'seed: 1\ndata: { kind: ring\n'));
    expect(yaml.code).toBe(2);
    expect(yaml.stderr).toMatch(/broken\.yaml:\d+:\d+: not valid YAML/);
    const usage = await runCliProcess('train');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("missing required argument 'config'");
    const noRun = await runCliProcess('resume', dir);
    expect(noRun.code).toBe(5);
    expect(noRun.stderr).toContain('is not a ganforge run folder (no config.yaml)');
  });
});
