import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO = join(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The CLI's TypeScript entry, run through tsx with the source condition (no build needed). */
export const BIN_TS = join(REPO, 'packages/cli/src/bin.ts');
/** The built bin, when `npm run build -w @ganforge/cli` has run. */
export const BIN_DIST = join(REPO, 'packages/cli/dist/bin.js');
export const hasDist = () => existsSync(BIN_DIST);

/** Node arguments that run the CLI from source. */
export function sourceArgs(...args: string[]): string[] {
  return ['--import', 'tsx', '--conditions=@ganforge/source', BIN_TS, ...args];
}

/** What a finished CLI process printed. */
export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Starts `node <nodeArgs>` in the repository root. */
export function startNode(nodeArgs: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, nodeArgs, {
    cwd: REPO,
    env: { ...process.env, ...env, FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Collects a process's output until it exits. */
export function finished(child: ChildProcess, started = performance.now()): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started }),
    );
  });
}

/** Runs the CLI from source with `args` and waits for it. */
export function runCliProcess(...args: string[]): Promise<CliResult> {
  return finished(startNode(sourceArgs(...args)));
}

/** The JSON lines of `--json` output. */
export function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** A small ring config (32-unit MLPs, latent 2) for fast subprocess runs; `extra` is YAML appended. */
export function tinyRingConfig(extra = ''): string {
  return `seed: 5
backend: cpu
data: { kind: ring, modes: 8, radius: 1, sigma: 0.02 }
generator: { kind: mlp, hidden: [32, 32], activation: relu, outputActivation: linear }
discriminator: { kind: mlp, hidden: [32, 32], activation: relu }
optimizers: { generator: { lr: 1.0e-3 }, discriminator: { lr: 1.0e-3 } }
latentDim: 2
batchSize: 64
logEvery: 10
${extra}`;
}
