import { spawn } from 'node:child_process';
import { appendFileSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkpointSteps, clearStartedRun, jobState, setAsideFinalCheckpoints } from './job-state.js';
import type { JobSpec } from './manifest.js';

/** How one attempt at a job ended. */
export interface JobOutcome {
  id: string;
  /** `skipped`: the run had finished already and nothing ran. */
  status: 'completed' | 'skipped' | 'failed';
  /** `train` from step 0 or `resume` from `fromStep`. */
  mode?: 'train' | 'resume';
  fromStep?: number;
  /** The training process's exit code (or 128 + signal number). */
  exitCode?: number;
  /** Where the training process's output went (`<run>/job.log`). */
  log?: string;
}

/** Options of {@link runJob}. */
export interface RunJobOptions {
  /** Who runs it, recorded in the attempt log (default: `<host>:<pid>`). */
  worker?: string;
  /** Environment of the training process (added to this process's). */
  env?: Record<string, string>;
  /** Kills the training process (SIGINT: it checkpoints and exits). */
  signal?: AbortSignal;
}

/** One line of a run folder's `attempts.jsonl`: every start and end of training on the job. */
export interface AttemptRecord {
  event: 'start' | 'end' | 'skip';
  time: string;
  worker: string;
  mode?: 'train' | 'resume';
  fromStep?: number;
  exitCode?: number;
}

const SOURCE = import.meta.url.endsWith('.ts');
const CHILD = fileURLToPath(new URL(`./job-child.${SOURCE ? 'ts' : 'js'}`, import.meta.url));

/** tsx as a URL, so a child started from any working directory finds it. */
function tsxLoader(): string {
  try {
    return import.meta.resolve('tsx');
  } catch {
    return 'tsx';
  }
}

/** Node arguments that start the job child (through tsx when running from TypeScript sources). */
export function childNodeArgs(): string[] {
  return SOURCE ? ['--import', tsxLoader(), '--conditions=@ganforge/source', CHILD] : [CHILD];
}

function record(runDir: string, r: Omit<AttemptRecord, 'time'>): void {
  appendFileSync(
    join(runDir, 'attempts.jsonl'),
    JSON.stringify({ ...r, time: new Date().toISOString() }) + '\n',
  );
}

/**
 * Runs one sweep job to the end in a child process, idempotently: a run folder whose
 * summary.json says completed is skipped; one with a checkpoint is resumed from its last good
 * checkpoint (`ganforge resume`); otherwise the job trains from step 0. Each start and end is
 * appended to `<run>/attempts.jsonl`, the child's output to `<run>/job.log`. The child gets
 * `GANFORGE_WASM_THREADS=1` unless the environment sets it (jobs run side by side).
 */
export async function runJob(spec: JobSpec, options: RunJobOptions = {}): Promise<JobOutcome> {
  const worker = options.worker ?? `${hostname()}:${process.pid}`;
  mkdirSync(spec.runDir, { recursive: true });
  const state = jobState(spec.runDir);
  if (state === 'finished') {
    record(spec.runDir, { event: 'skip', worker });
    return { id: spec.id, status: 'skipped' };
  }
  if (state === 'resumable') setAsideFinalCheckpoints(spec.runDir);
  if (jobState(spec.runDir) === 'started') clearStartedRun(spec.runDir);
  const mode = checkpointSteps(spec.runDir).length > 0 ? 'resume' : 'train';
  const fromStep = mode === 'resume' ? checkpointSteps(spec.runDir).at(-1) : 0;
  const args = mode === 'resume' ? ['resume', spec.runDir] : ['train', spec.configPath, '--out', spec.runDir];
  if (spec.sampleEvery) args.push('--sample-every', String(spec.sampleEvery));
  const log = join(spec.runDir, 'job.log');
  const fd = openSync(log, 'a');
  record(spec.runDir, { event: 'start', worker, mode, fromStep });
  const child = spawn(process.execPath, [...childNodeArgs(), ...args], {
    env: {
      ...process.env,
      GANFORGE_WASM_THREADS: process.env.GANFORGE_WASM_THREADS ?? '1',
      ...options.env,
      FORCE_COLOR: '0',
    },
    stdio: ['pipe', fd, fd],
    // Its own process group: a terminal's Ctrl-C reaches only the pool or worker, which passes
    // one SIGINT on (a second one would make train quit without a checkpoint).
    detached: true,
  });
  const stop = () => child.kill('SIGINT');
  options.signal?.addEventListener('abort', stop);
  try {
    const exitCode = await new Promise<number>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', (code, sig) =>
        resolve(code ?? 128 + (sig === 'SIGKILL' ? 9 : sig === 'SIGINT' ? 2 : 15)),
      );
    });
    record(spec.runDir, { event: 'end', worker, exitCode });
    const completed = exitCode === 0 && jobState(spec.runDir) === 'finished';
    return { id: spec.id, status: completed ? 'completed' : 'failed', mode, fromStep, exitCode, log };
  } finally {
    options.signal?.removeEventListener('abort', stop);
    closeSync(fd);
  }
}
