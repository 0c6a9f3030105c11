import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

describe("the README's library example", () => {
  it('runs as written: trains, samples and writes a checkpoint', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Library use'));
    const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    expect(code).toContain('createGan');
    // The script lives inside the workspace so its imports resolve; it runs in an empty folder.
    const scriptDir = join(root, 'integration', '.tmp');
    mkdirSync(scriptDir, { recursive: true });
    const script = join(scriptDir, `readme-example-${process.pid}.ts`);
    writeFileSync(script, code as string);
    const cwd = mkdtempSync(join(tmpdir(), 'gf-readme-'));
    const out = execFileSync(
      process.execPath,
      [
        '--import',
        pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href,
        '--conditions=@ganforge/source',
        script,
      ],
      { cwd, encoding: 'utf8' },
    );
    expect(out).toMatch(/g_loss: [\d.]+/);
    expect(out).toContain('[ 500, 2 ]');
    expect(existsSync(join(cwd, 'runs/ring/checkpoints/step-000300/manifest.json'))).toBe(true);
    const manifest = JSON.parse(
      readFileSync(join(cwd, 'runs/ring/checkpoints/step-000300/manifest.json'), 'utf8'),
    );
    expect(manifest.step).toBe(300);
  });
});
