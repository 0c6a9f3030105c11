import { build } from 'esbuild';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_PLUGIN, buildPackages, installTarballs, packAll, repoRoot, run } from './tarballs.js';

// DESIGN.md's users install only the variants they need. This packs core, losses, models, data and
// plugin-wgan, installs just those tarballs into a project outside the workspace and trains a
// WGAN-GP from a ten-line script; then adds the example third-party plugin (and the cli, to list
// it) from tarballs the same way.

const WANTED = [
  '@ganforge/core',
  '@ganforge/losses',
  '@ganforge/models',
  '@ganforge/data',
  '@ganforge/plugin-wgan',
];
const LATER = ['@ganforge/metrics', '@ganforge/cli', EXAMPLE_PLUGIN.name];
const OTHER_PLUGINS = [
  'plugin-cgan',
  'plugin-ebgan',
  'plugin-unrolled',
  'plugin-minibatch',
  'plugin-pacgan',
  'plugin-augment',
  'plugin-ctgan',
];

const TRAIN_SCRIPT = `import { createGan } from '@ganforge/core/node';
import { dataPlugin } from '@ganforge/data';
import { lossesPlugin } from '@ganforge/losses';
import { modelsPlugin } from '@ganforge/models';
import { wganPlugin } from '@ganforge/plugin-wgan';
const gan = await createGan(
  { seed: 1, backend: 'cpu', preset: 'wgan-gp', data: { kind: 'ring' }, generator: { kind: 'mlp', hidden: [16] },
    discriminator: { kind: 'mlp', hidden: [16] }, latentDim: 2, batchSize: 32, steps: 4, logEvery: 1 },
  { plugins: [lossesPlugin(), modelsPlugin(), dataPlugin(), wganPlugin()] });
console.log(JSON.stringify(await gan.fit()));
`;

let work = '';
let project = '';
let tarballs: Record<string, string> = {};
const node = (script: string, cwd = project) => run(process.execPath, [script], cwd);
const installed = (scope = '@ganforge') => readdirSync(join(project, 'node_modules', scope)).sort();
const pick = (names: string[]) => Object.fromEntries(names.map((n) => [n, tarballs[n]]));

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'ganforge-publish-'));
  await buildPackages([...WANTED, ...LATER]);
  tarballs = await packAll([...WANTED, ...LATER], join(work, 'tarballs'));
  project = join(work, 'consumer');
  mkdirSync(project);
  await installTarballs(project, pick(WANTED));
}, 600_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('install only what you need: core, losses, models, data, plugin-wgan from tarballs', () => {
  it('the project holds those five GANForge packages and no other plugin', () => {
    expect(installed()).toEqual(['core', 'data', 'losses', 'models', 'plugin-wgan']);
    for (const other of OTHER_PLUGINS)
      expect(existsSync(join(project, 'node_modules/@ganforge', other))).toBe(false);
    expect(existsSync(join(project, 'node_modules/@tensorflow/tfjs/package.json'))).toBe(true);
    // Packages resolve from the project, never from the workspace.
    expect(project.startsWith(repoRoot)).toBe(false);
  });

  it('a ten-line script trains a WGAN-GP for 4 steps with the gradient penalty logged', async () => {
    expect(TRAIN_SCRIPT.trim().split('\n')).toHaveLength(10);
    writeFileSync(join(project, 'train.mjs'), TRAIN_SCRIPT);
    const { stdout } = await node('train.mjs');
    const history = JSON.parse(stdout.trim().split('\n').at(-1) ?? '[]') as Record<string, number>[];
    expect(history).toHaveLength(4);
    const last = history[3];
    expect(last.step).toBe(4);
    for (const key of ['g_loss', 'd_loss', 'wasserstein_estimate', 'reg_gradient_penalty'])
      expect(Number.isFinite(last[key]), key).toBe(true);
    // wgan-gp: λ = 10 (DESIGN.md), d_loss = real + fake + λ·GP.
    expect(last.d_loss).toBeCloseTo(last.d_loss_real + last.d_loss_fake + 10 * last.reg_gradient_penalty, 3);
    expect(last.d_acc_real).toBeUndefined();
  }, 120_000);

  it("every entry of every package's exports map imports under Node ESM, and its types file exists", async () => {
    const script = `import { readFileSync, existsSync } from 'node:fs';
const out = {};
for (const name of ${JSON.stringify(WANTED)}) {
  const dir = 'node_modules/' + name + '/';
  const pkg = JSON.parse(readFileSync(dir + 'package.json', 'utf8'));
  for (const [sub, target] of Object.entries(pkg.exports)) {
    if (sub === './package.json') continue;
    const spec = name + sub.slice(1);
    const mod = await import(spec);
    out[spec] = { exports: Object.keys(mod).length, types: existsSync(dir + target.types), src: existsSync(dir + 'src') };
  }
}
console.log(JSON.stringify(out));`;
    writeFileSync(join(project, 'exports.mjs'), script);
    const entries = JSON.parse((await node('exports.mjs')).stdout) as Record<
      string,
      { exports: number; types: boolean; src: boolean }
    >;
    expect(Object.keys(entries).sort()).toEqual([
      '@ganforge/core',
      '@ganforge/core/node',
      '@ganforge/core/testing',
      '@ganforge/data',
      '@ganforge/data/node',
      '@ganforge/losses',
      '@ganforge/models',
      '@ganforge/plugin-wgan',
    ]);
    for (const [spec, entry] of Object.entries(entries)) {
      expect(entry.exports, spec).toBeGreaterThan(3);
      expect(entry.types, spec).toBe(true);
      expect(entry.src, spec).toBe(false);
    }
  }, 120_000);

  it('a bundler (esbuild, platform browser) resolves the main entries to dist/ with no Node built-in', async () => {
    const entry = join(project, 'bundle-entry.mjs');
    writeFileSync(entry, WANTED.map((name, i) => `export * as m${i} from '${name}';`).join('\n'));
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      metafile: true,
      logLevel: 'silent',
      absWorkingDir: project,
    });
    const inputs = Object.keys(result.metafile.inputs);
    for (const name of WANTED)
      expect(
        inputs.some((f) => f.startsWith(`node_modules/${name}/dist/`)),
        name,
      ).toBe(true);
    expect(
      inputs.filter((f) => f.startsWith('node:') || /^(fs|path|os|crypto|child_process)$/.test(f)),
    ).toEqual([]);
  }, 120_000);
});

describe('a third-party plugin installed from its tarball', () => {
  beforeAll(async () => {
    await installTarballs(project, pick([...WANTED, ...LATER]));
  }, 300_000);

  it('adds only the packages asked for: still no other GANForge plugin', () => {
    expect(installed()).toEqual(['cli', 'core', 'data', 'losses', 'metrics', 'models', 'plugin-wgan']);
    expect(existsSync(join(project, 'node_modules', EXAMPLE_PLUGIN.name, 'dist/index.js'))).toBe(true);
  });

  it('`ganforge plugins ganforge-plugin-relativistic --json` lists its loss and its option schema', async () => {
    const bin = join(project, 'node_modules/.bin/ganforge');
    const { stdout } = await run(bin, ['plugins', EXAMPLE_PLUGIN.name, '--json'], project);
    const listing = JSON.parse(stdout) as {
      plugins: {
        name: string;
        version?: string;
        components: { kind: string; name: string; options: { properties?: object } }[];
      }[];
      notInstalled: string[];
    };
    const plugin = listing.plugins.find((p) => p.name === EXAMPLE_PLUGIN.name);
    expect(plugin?.version).toBe('1.0.0');
    expect(plugin?.components.map((c) => `${c.kind} ${c.name}`)).toEqual(['loss relativistic-average']);
    expect(Object.keys(plugin?.components[0].options.properties ?? {})).toEqual(['variant']);
    expect(listing.plugins.map((p) => p.name)).toContain('@ganforge/plugin-wgan');
    expect(listing.notInstalled).toEqual(OTHER_PLUGINS.map((p) => `@ganforge/${p}`).sort());
  }, 120_000);

  it("the plugin's own tests and its declaration merging pass against the installed packages", async () => {
    // Its sources, tests and tsconfig inside the consumer project: `@ganforge/core` now resolves
    // to the installed tarball (dist and .d.ts), not to the workspace.
    const copy = join(project, 'plugin-check');
    for (const f of ['src', 'package.json', 'tsconfig.json'])
      cpSync(join(repoRoot, EXAMPLE_PLUGIN.dir, f), join(copy, f), { recursive: true });
    // As a user's project sees them: no `@ganforge/source` condition (the tarballs carry no src/).
    const tsconfig = JSON.parse(readFileSync(join(copy, 'tsconfig.json'), 'utf8')) as {
      compilerOptions: Record<string, unknown>;
    };
    delete tsconfig.compilerOptions.customConditions;
    writeFileSync(join(copy, 'tsconfig.json'), JSON.stringify(tsconfig));
    writeFileSync(
      join(copy, 'vitest.config.mjs'),
      "export default { test: { name: 'third-party-plugin', environment: 'node', testTimeout: 60000 } };",
    );
    symlinkSync(join(repoRoot, 'node_modules/vitest'), join(project, 'node_modules/vitest'), 'dir');
    mkdirSync(join(project, 'node_modules/@types'), { recursive: true });
    if (!existsSync(join(project, 'node_modules/@types/node')))
      symlinkSync(
        join(repoRoot, 'node_modules/@types/node'),
        join(project, 'node_modules/@types/node'),
        'dir',
      );
    const [types, tests] = await Promise.all([
      run(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], copy),
      run(process.execPath, [join(repoRoot, 'node_modules/vitest/vitest.mjs'), 'run', '--root', copy], copy),
    ]);
    expect(types.stdout).not.toContain('error TS');
    expect(tests.stdout).toMatch(/Tests\s+13 passed/);
    const resolved = readFileSync(join(project, 'node_modules/@ganforge/core/package.json'), 'utf8');
    expect(JSON.parse(resolved).version).toBe('1.0.0');
  }, 240_000);
});
