import { build } from 'esbuild';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

// The browser build: core + losses + models + data + plugin-wgan bundled by esbuild for the
// browser (as integration/src/browser bundles, through the `@ganforge/source` condition) must pull
// in no Node built-in, and the bundle must run where no Node API exists.

const entry = fileURLToPath(new URL('./browser-entry.ts', import.meta.url));
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

describe('browser bundle (esbuild, platform browser)', () => {
  it('bundles core, losses, models, data and plugin-wgan without a Node built-in, and trains in a bare context', async () => {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      format: 'iife',
      globalName: 'ganforgeBundle',
      platform: 'browser',
      conditions: ['@ganforge/source'],
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    for (const pkg of ['core', 'losses', 'models', 'data', 'plugins-wgan'])
      expect(
        inputs.some((f) => f.includes(`packages/${pkg}/src/`)),
        pkg,
      ).toBe(true);
    const imported = Object.values(result.metafile.inputs).flatMap((i) => i.imports.map((x) => x.path));
    expect(imported.filter((p) => builtins.has(p))).toEqual([]);
    expect(inputs.filter((f) => builtins.has(f) || f.startsWith('node:'))).toEqual([]);
    // Node-only entry points stay out of a browser bundle.
    expect(inputs.filter((f) => /packages\/(core|data)\/src\/node\.ts$/.test(f))).toEqual([]);
    const code = result.outputFiles[0].text;
    expect(code).not.toMatch(/require\(["'](node:)?(fs|path|os|child_process|crypto|worker_threads)["']\)/);

    // Run it in a context with the web globals it needs and none of Node's (no process, require,
    // Buffer): the cpu backend trains three WGAN-GP steps.
    const sandbox: Record<string, unknown> = {
      console: { log: () => {}, warn: () => {}, info: () => {}, error: console.error },
      setTimeout,
      clearTimeout,
      queueMicrotask,
      performance,
      TextEncoder,
      TextDecoder,
      URL,
      MessageChannel,
      navigator: { userAgent: 'bundle-test', hardwareConcurrency: 1 },
      document: {},
      fetch: () => Promise.reject(new TypeError('no network in this test')),
    };
    sandbox.self = sandbox;
    sandbox.window = sandbox;
    sandbox.globalThis = sandbox;
    runInNewContext(code, sandbox);
    const bundle = sandbox.ganforgeBundle as { trainInBrowser(steps: number): Promise<number[]> };
    const losses = await bundle.trainInBrowser(3);
    expect(losses).toHaveLength(3);
    expect(losses.every(Number.isFinite)).toBe(true);
  }, 120_000);
});
