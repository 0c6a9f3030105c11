import * as tf from '@tensorflow/tfjs';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMnistClassifier } from './classifier/load-classifier.js';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'ganforge-metrics-pack-'));
const tsc = fileURLToPath(new URL('../../../node_modules/typescript/bin/tsc', import.meta.url));

/**
 * The package's build (tsc, then scripts/copy-assets.mjs), its `npm pack`, and the classifier
 * loaded from the extracted tarball through dist's own `import.meta.url`. @ganforge/core's types
 * are emitted into a temporary folder (packages/metrics/.tmp, git-ignored) first, so no other
 * package's dist is needed or touched.
 */
describe('the packed tarball', () => {
  let tarball = '';

  beforeAll(() => {
    mkdirSync(join(pkg, '.tmp'), { recursive: true });
    // inside the repository (ignored `.tmp/`) so the declarations resolve zod and tfjs from node_modules
    const coreTypes = mkdtempSync(join(pkg, '.tmp', 'core-types-'));
    try {
      execFileSync(
        'node',
        [tsc, '-p', join(pkg, '../core/tsconfig.build.json'), '--emitDeclarationOnly', '--outDir', coreTypes],
        { stdio: 'pipe' },
      );
    } catch {
      // core's own type errors (if any) are core's tests' business; its declarations are still emitted
    }
    expect(existsSync(join(coreTypes, 'index.d.ts'))).toBe(true);
    const config = join(coreTypes, 'tsconfig.build.json');
    writeFileSync(
      config,
      JSON.stringify({
        extends: join(pkg, 'tsconfig.build.json'),
        compilerOptions: {
          rootDir: join(pkg, 'src'),
          outDir: join(pkg, 'dist'),
          typeRoots: [join(pkg, '../../node_modules/@types')],
          paths: { '@ganforge/core': [join(coreTypes, 'index.d.ts')] },
        },
        include: [join(pkg, 'src')],
        exclude: [join(pkg, 'src/**/*.test.ts')],
      }),
    );
    execFileSync('node', [tsc, '-p', config], { stdio: 'pipe' });
    execFileSync('node', [join(pkg, 'scripts/copy-assets.mjs')], { cwd: pkg, stdio: 'pipe' });
    const out = join(tmp, 'pack');
    mkdirSync(out);
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', out], {
        cwd: pkg,
        encoding: 'utf8',
      }),
    );
    tarball = join(out, packed[0].filename);
    mkdirSync(join(tmp, 'extract'));
    execFileSync('tar', ['-xzf', tarball, '-C', join(tmp, 'extract')]);
    rmSync(coreTypes, { recursive: true, force: true });
  }, 120_000);

  it('carries dist (with the weights in dist/assets) and no sources', () => {
    const root = join(tmp, 'extract', 'package');
    expect(existsSync(join(root, 'dist', 'index.js'))).toBe(true);
    const weights = join(root, 'dist', 'assets', 'mnist-classifier.bin');
    expect(statSync(weights).size).toBe(statSync(join(pkg, 'src', 'assets', 'mnist-classifier.bin')).size);
    expect(existsSync(join(root, 'src'))).toBe(false);
    console.log(`tarball ${statSync(tarball).size} bytes; weights ${statSync(weights).size} bytes`);
  });

  it("loads the classifier through dist's import.meta.url and predicts as the sources do", async () => {
    await tf.setBackend('cpu');
    const distUrl = pathToFileURL(join(tmp, 'extract', 'package', 'dist', 'mnist-classifier-url.js')).href;
    const { mnistClassifierUrl } = (await import(/* @vite-ignore */ distUrl)) as {
      mnistClassifierUrl(): URL;
    };
    const url = mnistClassifierUrl();
    expect(fileURLToPath(url)).toBe(
      join(tmp, 'extract', 'package', 'dist', 'assets', 'mnist-classifier.bin'),
    );
    const packed = await loadMnistClassifier(url);
    const source = await loadMnistClassifier();
    const x = tf.tidy(() => tf.linspace(-1, 1, 3 * 784).reshape([3, 784]));
    expect(Array.from(packed.evaluate(x).probabilities)).toEqual(
      Array.from(source.evaluate(x).probabilities),
    );
    tf.dispose(x);
    packed.dispose();
    source.dispose();
  });
});
