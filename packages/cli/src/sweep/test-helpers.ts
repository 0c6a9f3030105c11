import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's redis-server, which the queue tests start on loopback. */
export const REDIS_SERVER = '/usr/bin/redis-server';
/** Whether the queue tests can run here. */
export const hasRedis = () => existsSync(REDIS_SERVER);

/** redis-server did not come up. */
export class RedisStartError extends Error {}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts a throwaway redis-server (no persistence) on a free loopback port; resolves once it accepts connections. */
export async function startRedis(): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new RedisStartError(`redis-server did not start:\n${out}`)),
      10_000,
    );
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new RedisStartError(`redis-server exited with ${code}:\n${out}`)));
  });
  return { url: `redis://127.0.0.1:${port}`, process: child };
}

/**
 * A folder with a tiny ring config (16-unit MLPs, cpu, `steps` steps, a checkpoint every
 * `every`) and a sweep over two generator learning rates × `seeds`.
 */
export function writeTinySweep(seeds = [1, 2, 3], steps = 100, every = 20): { dir: string; sweep: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ganforge-sweep-'));
  writeFileSync(
    join(dir, 'base.yaml'),
    `seed: 0
backend: cpu
data: { kind: ring, modes: 8, radius: 1, sigma: 0.02 }
generator: { kind: mlp, hidden: [16, 16], activation: relu, outputActivation: linear }
discriminator: { kind: mlp, hidden: [16, 16], activation: relu }
optimizers: { generator: { lr: 1.0e-3 }, discriminator: { lr: 1.0e-3 } }
latentDim: 2
batchSize: 32
logEvery: 10
steps: ${steps}
checkpoint: { every: ${every}, keep: 3 }
`,
  );
  const sweep = join(dir, 'sweep.yaml');
  writeFileSync(
    sweep,
    `name: tiny\nbase: base.yaml\ngrid:\n  optimizers.generator.lr: [1.0e-3, 3.0e-3]\nseeds: [${seeds.join(', ')}]\nsampleEvery: 1000\n`,
  );
  return { dir, sweep };
}

/** The lines of a run folder's attempts.jsonl. */
export function attempts(
  runDir: string,
): { event: string; worker: string; mode?: string; fromStep?: number; exitCode?: number }[] {
  const file = join(runDir, 'attempts.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { event: string; worker: string });
}
