import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '@ganforge/core';
import { startMonitor, type MonitorServer } from '../monitor/server.js';
import type { Reporter } from '../progress/reporter.js';
import { untilInterrupted, warnUnlessLoopback } from './serve-helpers.js';

/** Options of `ganforge monitor` (and of `ganforge train --monitor`). */
export interface MonitorCommandOptions {
  host?: string;
  port?: number;
}

/** Starts the dashboard on run folders, warning when it is reachable from other machines. */
export async function openMonitor(
  dirs: string[],
  options: MonitorCommandOptions,
  reporter: Reporter,
): Promise<MonitorServer> {
  const host = options.host ?? '127.0.0.1';
  warnUnlessLoopback(host, 'the monitor (metrics, samples and configs of these runs)', reporter);
  const server = await startMonitor({ runs: dirs.map((d) => resolve(d)), host, port: options.port ?? 0 });
  reporter.info(`monitor: ${server.url} (${dirs.length} run${dirs.length === 1 ? '' : 's'})`);
  return server;
}

/**
 * `ganforge monitor RUN_DIR...`: serves a live dashboard of one or more run folders (losses, D
 * accuracy, regularizers and metrics, steps/s, newest samples, diagnostics, resolved config) on
 * 127.0.0.1 until Ctrl-C. Returns the exit code.
 */
export async function monitorCommand(
  dirs: string[],
  options: MonitorCommandOptions,
  reporter: Reporter,
): Promise<number> {
  dirs.forEach((dir, i) => {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new ConfigError(
        `run folder ${dir} does not exist: pass folders written by ganforge train`,
        `<run-dir>[${i}]`,
      );
    }
  });
  const server = await openMonitor(dirs, options, reporter);
  await untilInterrupted();
  await server.close();
  return 0;
}
