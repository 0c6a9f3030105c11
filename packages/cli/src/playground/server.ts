import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedPluginPackages, installedPluginsModule } from './installed-plugins.js';

/** Options of {@link startPlayground}. */
export interface PlaygroundOptions {
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** Port (default 0: any free port). */
  port?: number;
  /** More plugin packages to offer (installed `@ganforge/plugin-*` packages are found by themselves). */
  plugins?: string[];
}

/** A running playground. */
export interface PlaygroundServer {
  url: string;
  /** The plugin packages bundled into the page. */
  plugins: string[];
  close(): Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));
const ASSETS = fileURLToPath(new URL('../assets/playground/', import.meta.url));
const require = createRequire(import.meta.url);
const WASM_FILES = [
  'tfjs-backend-wasm.wasm',
  'tfjs-backend-wasm-simd.wasm',
  'tfjs-backend-wasm-threaded-simd.wasm',
];

/** Bundles the page (TypeScript sources when the CLI runs from source, dist otherwise) with esbuild. */
async function bundle(plugins: string[]): Promise<string> {
  const { build } = await import('esbuild');
  const fromSource = import.meta.url.endsWith('.ts');
  const result = await build({
    entryPoints: [join(here, 'page', fromSource ? 'main.ts' : 'main.js')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    minify: true,
    conditions: fromSource ? ['@ganforge/source'] : [],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
    plugins: [
      {
        name: 'ganforge-installed-plugins',
        setup(b) {
          b.onResolve({ filter: /^ganforge:installed-plugins$/ }, () => ({
            path: 'installed-plugins',
            namespace: 'ganforge',
          }));
          b.onLoad({ filter: /.*/, namespace: 'ganforge' }, () => ({
            contents: installedPluginsModule(plugins),
            loader: 'js',
            resolveDir: process.cwd(),
          }));
        },
      },
    ],
  });
  return result.outputFiles[0]!.text;
}

/**
 * Serves the playground: a page that trains a 2-D GAN in the browser with GANForge's packages
 * and the installed plugins (bundled by esbuild when the server starts), on tfjs' wasm backend
 * (cpu where wasm cannot start), drawing generated vs real points over the discriminator's
 * decision surface. Fixed routes only: the page, the bundle and tfjs' three wasm binaries.
 */
export async function startPlayground(options: PlaygroundOptions = {}): Promise<PlaygroundServer> {
  const plugins = installedPluginPackages(options.plugins);
  const js = await bundle(plugins);
  const wasmDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
  const routes: Record<string, () => { type: string; body: string | Buffer }> = {
    '/': () => ({ type: 'text/html; charset=utf-8', body: readFileSync(join(ASSETS, 'index.html')) }),
    '/bundle.js': () => ({ type: 'text/javascript; charset=utf-8', body: js }),
    ...Object.fromEntries(
      WASM_FILES.map((f) => [
        `/wasm/${f}`,
        () => ({ type: 'application/wasm', body: readFileSync(join(wasmDir, f)) }),
      ]),
    ),
  };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const route = routes[(req.url ?? '/').split('?')[0]!];
    if (req.method !== 'GET' || route === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found\n');
      return;
    }
    const { type, body } = route();
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  };
  const server = createServer(handle);
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', ok);
  });
  const a = server.address() as AddressInfo;
  return {
    url: `http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}/`,
    plugins,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
