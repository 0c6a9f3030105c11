// Runs bench/mixtures/torch_mixtures.py (the same-net PyTorch twin) for one seed.
import { spawnSync } from 'node:child_process';

const PYTHON = '/usr/bin/python3';
const SCRIPT = new URL('./torch_mixtures.py', import.meta.url).pathname;
// One BLAS/OpenMP thread: PyTorch's pools spin and collapse on this shared 2-core machine (TRAPS.md).
const ENV = { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1' };

/** Whether Debian's python3 with torch is installed (`apt-get install python3-torch`). */
export function twinAvailable(): boolean {
  return spawnSync(PYTHON, ['-c', 'import torch'], { env: ENV }).status === 0;
}

/** A twin's samples (flat x0, y0, x1, y1, …), its training time and a backend label. */
export interface TwinResult {
  samples: number[];
  seconds: number;
  backend: string;
}

/** Trains the twin given by `args` (its variant and hyperparameters) on `o` and returns 2,500 samples. */
export function runTwin(
  args: readonly string[],
  o: { dataset: string; seed: number; steps: number; batch: number },
): TwinResult {
  const r = spawnSync(
    PYTHON,
    [
      SCRIPT,
      ...args,
      '--dataset',
      o.dataset,
      '--seed',
      String(o.seed),
      '--steps',
      String(o.steps),
      '--batch',
      String(o.batch),
      '--threads',
      '1',
    ],
    { env: ENV, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (r.status !== 0) throw new Error(`PyTorch twin failed (${args.join(' ')}): ${r.stderr}`);
  const line = JSON.parse(r.stdout.trim().split('\n').pop()!) as {
    samples: number[];
    seconds: number;
    torch: string;
  };
  return { samples: line.samples, seconds: line.seconds, backend: `pytorch ${line.torch.split('a')[0]} cpu` };
}
