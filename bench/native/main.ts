// bench/native (issue #25): OpenBLAS matmuls (`wasm-native`, @ganforge/backend-native) against
// tfjs' wasm backend (XNNPACK, multi-threaded build) and the PyTorch reference.
//   npx tsx --conditions=@ganforge/source bench/native/main.ts [--rounds 3] [--steps 200] [--threads 2]
// Prints JSON lines: per-shape matmul GFLOP/s on both backends and their ratio, the same for
// DCGAN-sized convolutions (forward, and forward + both gradients), then the
// BENCHMARKS.md §1 trainer's steps/s on wasm-native, wasm and PyTorch, alternating in rounds
// (each backend in a child process: wasm's threaded build and wasm-native cannot share one), and
// the kernel-time split (matmul vs the rest) on both backends.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const here = dirname(fileURLToPath(import.meta.url));
const rounds = Number(arg('rounds', '3'));
const steps = Number(arg('steps', '200'));
const threads = Number(arg('threads', '2'));
const torchScript = join(here, '../../../shared/reference/torch_mlp_gan.py');

type Row = Record<string, unknown>;

/** Runs worker.ts in a child process and returns its JSON lines. */
function child(args: string[]): Row[] {
  const out = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--conditions=@ganforge/source',
      join(here, 'worker.ts'),
      ...args,
      '--threads',
      String(threads),
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 },
  );
  return out
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Row);
}

function pytorch(): number | undefined {
  if (!existsSync('/usr/bin/python3') || !existsSync(torchScript)) return undefined;
  try {
    const out = execFileSync(
      '/usr/bin/python3',
      [torchScript, '--steps', String(steps), '--threads', String(threads)],
      {
        encoding: 'utf8',
      },
    );
    return JSON.parse(out.trim().split('\n').pop() as string).steps_per_s;
  } catch {
    return undefined;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const range = (xs: number[]) => [+Math.min(...xs).toFixed(3), +Math.max(...xs).toFixed(3)];

// 1. matmul GFLOP/s, per shape.
const native = child(['--part', 'matmul', '--backend', 'wasm-native']);
const wasm = child(['--part', 'matmul', '--backend', 'wasm']);
for (const n of native) {
  const w = wasm.find((r) => r.shape === n.shape);
  const row = {
    bench: 'native-matmul',
    shape: n.shape,
    native_gflops: n.gflops,
    wasm_gflops: w?.gflops,
    speedup: w ? +((n.gflops as number) / (w.gflops as number)).toFixed(2) : null,
  };
  console.log(JSON.stringify(row));
}

// 1b. Convolutions (im2col + sgemm vs XNNPACK), forward and with both gradients.
const nativeConv = child(['--part', 'conv', '--backend', 'wasm-native']);
const wasmConv = child(['--part', 'conv', '--backend', 'wasm']);
for (const n of nativeConv) {
  const w = wasmConv.find((r) => r.shape === n.shape);
  console.log(
    JSON.stringify({
      bench: 'native-conv2d',
      shape: n.shape,
      native_forward_gflops: n.forward_gflops,
      wasm_forward_gflops: w?.forward_gflops,
      forward_speedup: w ? +((w.forward_ms as number) / (n.forward_ms as number)).toFixed(2) : null,
      native_forward_and_grads_ms: n.forward_and_grads_ms,
      wasm_forward_and_grads_ms: w?.forward_and_grads_ms,
      forward_and_grads_speedup: w
        ? +((w.forward_and_grads_ms as number) / (n.forward_and_grads_ms as number)).toFixed(2)
        : null,
    }),
  );
}

// 2. The §1 trainer, alternating backends round by round; PyTorch between rounds.
const rows: { native: number; wasm: number; torch?: number }[] = [];
for (let r = 0; r < rounds; r++) {
  const n = child(['--part', 'train', '--backend', 'wasm-native', '--steps', String(steps)])[0];
  const w = child(['--part', 'train', '--backend', 'wasm', '--steps', String(steps)])[0];
  const t = pytorch();
  const row = { native: n.steps_per_s as number, wasm: w.steps_per_s as number, torch: t };
  rows.push(row);
  console.log(JSON.stringify({ bench: 'native-mlp-gan-round', round: r + 1, ...row }));
}
const withTorch = rows.filter((r) => r.torch !== undefined);
const vsTorch = withTorch.map((r) => r.native / (r.torch as number));
const vsWasm = rows.map((r) => r.native / r.wasm);
const wasmVsTorch = withTorch.map((r) => r.wasm / (r.torch as number));

// 3. Where the time goes (tf.profile kernel times, one child each).
const split = (backend: string) =>
  child(['--part', 'profile', '--backend', backend]).find((r) => r.bench === 'native-profile');
const nativeSplit = split('wasm-native');
const wasmSplit = split('wasm');
console.log(JSON.stringify(nativeSplit));
console.log(JSON.stringify(wasmSplit));

console.log(
  JSON.stringify({
    bench: 'native-mlp-gan',
    backend: 'wasm-native',
    threads,
    rounds,
    steps,
    native_steps_per_s: +median(rows.map((r) => r.native)).toFixed(2),
    wasm_steps_per_s: +median(rows.map((r) => r.wasm)).toFixed(2),
    pytorch_steps_per_s: withTorch.length
      ? +median(withTorch.map((r) => r.torch as number)).toFixed(2)
      : null,
    vs_pytorch: vsTorch.length ? +median(vsTorch).toFixed(3) : null,
    vs_pytorch_range: vsTorch.length ? range(vsTorch) : null,
    wasm_vs_pytorch: wasmVsTorch.length ? +median(wasmVsTorch).toFixed(3) : null,
    vs_wasm: +median(vsWasm).toFixed(3),
    vs_wasm_range: range(vsWasm),
    target_vs_pytorch: 1.5,
    matmul_share_native: nativeSplit?.matmul_share,
    matmul_share_wasm: wasmSplit?.matmul_share,
  }),
);
