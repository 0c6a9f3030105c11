import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const fixtures = 'packages/core/src/config/fixtures/type-errors';

/** Runs the TypeScript compiler on one fixture project from the repository root. */
async function typecheck(project: string): Promise<{ code: number; output: string }> {
  const args = ['tsc', '--noEmit', '--pretty', 'true', '-p', `${fixtures}/${project}`];
  try {
    const { stdout } = await run('npx', args, { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, output: stdout };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

// eslint-disable-next-line no-control-regex
const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

describe('config option maps grow by declaration merging', () => {
  it.each([
    ['the config barrel (../../index.js)', 'wrong-option', 'correct-option'],
    ["the public entry '@ganforge/core'", 'wrong-option-public', 'correct-option-public'],
  ])(
    'augmenting %s: a wrongly typed option fails to compile at that option, a right one compiles',
    async (_, wrongFixture, correctFixture) => {
      const [wrong, correct] = await Promise.all([
        typecheck(`tsconfig.${wrongFixture}.json`),
        typecheck(`tsconfig.${correctFixture}.json`),
      ]);

      const wrongOutput = plain(wrong.output);
      expect(wrong.code).not.toBe(0);
      expect(wrongOutput).toContain(`${wrongFixture}.ts:15:45 - error TS2322`);
      expect(wrongOutput).toContain("The expected type comes from property 'weight'");
      expect(wrongOutput).toContain('Found 1 error');

      expect(plain(correct.output)).not.toContain('error TS');
      expect(correct.code).toBe(0);
    },
    60_000,
  );
});
