// Builds the OpenBLAS addon with node-gyp. Runs as this package's `install` script and as
// `npm run build:native`; it never fails the install: on any problem it says why and exits 0,
// and @ganforge/backend-native then reports itself unavailable (backend selection falls back).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const say = (msg) => console.log(`@ganforge/backend-native: ${msg}`);

function skip(why) {
  say(`native kernels not built: ${why}`);
  say('the package still installs; backend selection will use wasm instead (see its README)');
  process.exit(0);
}

if (process.env.GANFORGE_NATIVE_SKIP_BUILD === '1') skip('GANFORGE_NATIVE_SKIP_BUILD=1');
if (!existsSync(join(here, 'binding.gyp'))) skip('binding.gyp is missing');

const includeDirs = [
  '/usr/include/x86_64-linux-gnu/openblas-pthread',
  '/usr/include/aarch64-linux-gnu/openblas-pthread',
  '/usr/include/openblas',
  '/usr/include',
  '/usr/local/include',
];
const libDirs = [
  '/usr/lib/x86_64-linux-gnu',
  '/usr/lib/aarch64-linux-gnu',
  '/usr/lib64',
  '/usr/lib',
  '/usr/local/lib',
];
if (process.platform === 'linux') {
  if (!includeDirs.some((d) => existsSync(join(d, 'cblas.h')))) {
    skip('cblas.h not found (install OpenBLAS headers: Debian/Ubuntu `apt install libopenblas-dev`)');
  }
  if (!libDirs.some((d) => existsSync(join(d, 'libopenblas.so')))) {
    skip('libopenblas.so not found (Debian/Ubuntu `apt install libopenblas-dev`)');
  }
}

// oneDNN (Debian libdnnl-dev) for convolutions, when present; im2col + OpenBLAS otherwise.
const dnnl =
  process.env.GANFORGE_NATIVE_DNNL !== '0' &&
  ['/usr/include', '/usr/local/include'].some((d) => existsSync(join(d, 'dnnl.h'))) &&
  libDirs.some((d) => existsSync(join(d, 'libdnnl.so')));
say(
  dnnl
    ? 'oneDNN found: products and convolutions on oneDNN (OpenBLAS where oneDNN is switched off)'
    : 'oneDNN not found (Debian/Ubuntu `apt install libdnnl-dev` for faster convolutions): everything on OpenBLAS',
);

function findNodeGyp() {
  const candidates = [process.env.npm_config_node_gyp];
  try {
    candidates.push(require.resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    // not a dependency; npm's bundled copy below
  }
  const prefix = dirname(dirname(process.execPath));
  candidates.push(join(prefix, 'lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'));
  return candidates.find((c) => c && existsSync(c));
}

const nodeGyp = findNodeGyp();
if (nodeGyp === undefined)
  skip('node-gyp not found (it ships with npm; run this through npm, or set npm_config_node_gyp)');

const args = [nodeGyp, 'rebuild'];
// node-gyp downloads Node's headers unless told where they are; distributions keep them in
// <prefix>/include/node (Debian: /usr/include/node, TRAPS.md).
const prefix = dirname(dirname(process.execPath));
const nodedir = process.env.npm_config_nodedir;
if (!nodedir) {
  for (const p of [prefix, '/usr']) {
    if (existsSync(join(p, 'include/node/node_api.h'))) {
      args.push(`--nodedir=${p}`);
      break;
    }
  }
}
say(`building with ${args.slice(1).join(' ')}`);
const run = spawnSync(process.execPath, args, {
  cwd: here,
  env: { ...process.env, GANFORGE_NATIVE_DNNL: dnnl ? '1' : '0' },
  stdio: ['ignore', 'pipe', 'pipe'],
  timeout: 300_000,
});
if (run.error || run.status !== 0) {
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
  skip(`node-gyp failed (${run.error?.message ?? `exit ${run.status}`}):\n${output}`);
}
try {
  const addon = require(join(here, 'build/Release/ganforge_native.node'));
  const onednn = addon.onednn();
  say(`built; ${onednn.active ? `${onednn.info} and ` : ''}${addon.config()}, ${addon.threads()} threads`);
} catch (e) {
  skip(`built, but the addon does not load: ${e.message}`);
}
