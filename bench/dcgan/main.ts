// bench/dcgan: DCGAN training steps per second on real MNIST digits, per backend, in alternating
// rounds (BENCHMARKS.md §1's method), beside the PyTorch reference with the same nets
// (bench/dcgan/torch_dcgan.py, Debian's python3-torch; skipped with a message where absent).
//   npm run bench:dcgan -- [--backends wasm,wasm-native] [--rounds 3] [--steps 30] [--width 32]
//     [--batch 64] [--cpu-steps 3] [--torch-threads 1,2] [--wasm-threads N]
// --wasm-threads N runs wasm on tfjs' threaded build (N XNNPACK threads); wasm-native cannot
// share a process with it, so that is a run of its own. Prints one JSON line per measurement and
// a summary line with medians and ratios.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGan, selectBackend, type BackendName } from '@ganforge/core';
import { useWasmThreads } from '@ganforge/core/node';
import { dataPlugin } from '@ganforge/data/node';
import { lossesPlugin } from '@ganforge/losses';
import { modelsPlugin } from '@ganforge/models';
import { dcganConfig } from './config.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const width = Number(arg('width', '32'));
const batchSize = Number(arg('batch', '64'));
const rounds = Number(arg('rounds', '3'));
const backends = arg('backends', 'wasm,wasm-native').split(',') as BackendName[];
const torchThreads = arg('torch-threads', '1,2')
  .split(',')
  .filter((t) => t !== '')
  .map(Number);
const wasmThreads = Number(arg('wasm-threads', '0'));
if (wasmThreads > 0) {
  if (backends.includes('wasm-native'))
    throw new Error(
      '--wasm-threads: run wasm-native in a separate invocation (it needs the single-threaded build)',
    );
  console.log(JSON.stringify({ bench: 'dcgan', wasm_threads: await useWasmThreads(wasmThreads) }));
}
const torchScript = join(dirname(fileURLToPath(import.meta.url)), 'torch_dcgan.py');

/** ms per step of `steps` DCGAN steps on `backend` (after one warm-up pass of 5 steps). */
async function measure(backend: BackendName): Promise<number> {
  await selectBackend(backend);
  const steps = backend === 'cpu' ? Number(arg('cpu-steps', '3')) : Number(arg('steps', '30'));
  const gan = await createGan(dcganConfig(backend, width, batchSize), {
    plugins: [lossesPlugin(), modelsPlugin(), dataPlugin()],
    selectBackend: false,
  });
  for (let i = 0; i < (backend === 'cpu' ? 1 : 5); i++) gan.step();
  const started = performance.now();
  let last = gan.step();
  for (let i = 1; i < steps; i++) last = gan.step();
  const ms = (performance.now() - started) / steps;
  console.log(
    JSON.stringify({
      bench: 'dcgan',
      backend,
      width,
      batch: batchSize,
      steps,
      steps_per_s: +(1000 / ms).toFixed(3),
      ms_per_step: +ms.toFixed(1),
      g_loss: +last.g_loss.toFixed(4),
      d_loss: +last.d_loss.toFixed(4),
    }),
  );
  gan.dispose();
  return ms;
}

/** ms per step of the PyTorch reference with `threads` threads, or undefined where it cannot run. */
function torch(threads: number): number | undefined {
  if (!existsSync('/usr/bin/python3')) return undefined;
  try {
    const out = execFileSync(
      '/usr/bin/python3',
      [
        torchScript,
        '--steps',
        arg('steps', '30'),
        '--threads',
        String(threads),
        '--width',
        String(width),
        '--batch',
        String(batchSize),
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const line = out.trim().split('\n').pop()!;
    console.log(line);
    return JSON.parse(line).ms_per_step as number;
  } catch (e) {
    if (threads === torchThreads[0])
      console.log(
        `PyTorch reference skipped: ${(e as Error).message.split('\n')[0]} (apt-get install python3-torch)`,
      );
    return undefined;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const results = new Map<string, number[]>();
const record = (key: string, ms: number | undefined) => {
  if (ms !== undefined) results.set(key, [...(results.get(key) ?? []), ms]);
};
for (let round = 0; round < rounds; round++) {
  for (const backend of backends)
    record(
      wasmThreads > 0 && backend === 'wasm' ? `wasm-${wasmThreads}-threads` : backend,
      await measure(backend),
    );
  for (const t of torchThreads) record(`pytorch-${t}-threads`, torch(t));
}
const medians = Object.fromEntries([...results].map(([k, v]) => [k, +median(v).toFixed(1)]));
const summary: Record<string, unknown> = { bench: 'dcgan-summary', rounds, ms_per_step_median: medians };
const torchBest = Math.min(...torchThreads.map((t) => medians[`pytorch-${t}-threads`] ?? Infinity));
if (medians['wasm-native'] !== undefined && medians.wasm !== undefined)
  summary.native_speedup_over_wasm = +(medians.wasm / medians['wasm-native']).toFixed(2);
if (medians['wasm-native'] !== undefined && Number.isFinite(torchBest))
  summary.native_speed_vs_best_pytorch = +(torchBest / medians['wasm-native']).toFixed(2);
console.log(JSON.stringify(summary));
console.table(
  Object.entries(medians).map(([run, ms]) => ({
    run,
    ms_per_step: ms,
    steps_per_s: +(1000 / ms).toFixed(2),
  })),
);
