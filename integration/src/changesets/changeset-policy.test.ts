import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// TRAPS.md: a core minor must not force majors on every plugin. The repository's changesets
// config sets onlyUpdatePeerDependentsWhenOutOfRange; this runs `changeset version` on a fixture
// monorepo with that exact config and checks what a "core: minor" does to a plugin whose peer
// range is ^1.0.0.

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = fileURLToPath(new URL('./fixture/', import.meta.url));
const changesetBin = join(repoRoot, 'node_modules/@changesets/cli/bin.js');
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

const workDirs: string[] = [];
afterAll(() => {
  for (const dir of workDirs) rmSync(dir, { recursive: true, force: true });
});

/** Copies the fixture to a temporary git repository, with manifests named package.json. */
function prepareFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ganforge-changesets-'));
  workDirs.push(dir);
  cpSync(fixture, dir, { recursive: true });
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name === '_package.json')
      renameSync(join(entry.parentPath, entry.name), join(entry.parentPath, 'package.json'));
  }
  // The changelog module in the config (@changesets/cli/changelog) resolves from the project.
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: gitEnv, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'fixture');
  return dir;
}

const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 'fixture',
  GIT_AUTHOR_EMAIL: 'fixture@example.invalid',
  GIT_COMMITTER_NAME: 'fixture',
  GIT_COMMITTER_EMAIL: 'fixture@example.invalid',
};

describe('changesets: a core minor gives plugins at most a patch', () => {
  it("the fixture's config is the repository's config", () => {
    expect(readJson(join(fixture, '.changeset/config.json'))).toEqual(
      readJson(join(repoRoot, '.changeset/config.json')),
    );
  });

  it('`changeset version` on "core: minor" bumps core to 1.1.0 and plugin-x to 1.0.0 or 1.0.1', () => {
    const dir = prepareFixture();
    execFileSync(process.execPath, [changesetBin, 'version'], { cwd: dir, env: gitEnv, stdio: 'pipe' });

    const core = readJson(join(dir, 'packages/core/package.json'));
    const plugin = readJson(join(dir, 'packages/plugin-x/package.json'));
    expect(core.version).toBe('1.1.0');
    expect(['1.0.0', '1.0.1']).toContain(plugin.version);
    expect(plugin.peerDependencies).toEqual({ '@ganforge/core': '^1.0.0' });
    expect(readJson(join(dir, 'integration/package.json')).version).toBe('0.0.0');
    expect(readFileSync(join(dir, 'packages/core/CHANGELOG.md'), 'utf8')).toMatch(
      /## 1\.1\.0[\s\S]*core: minor/,
    );
    expect(readdirSync(join(dir, '.changeset')).filter((f) => f.endsWith('.md'))).toEqual([]);
  }, 60_000);
});
