import type { Reporter } from '../progress/reporter.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** Warns when a local page server binds an interface other machines can reach. */
export function warnUnlessLoopback(host: string, what: string, reporter: Reporter): void {
  if (!LOOPBACK.has(host)) {
    reporter.warn(
      `--host ${host}: ${what} can be reached from other machines on that network; it has no authentication`,
    );
  }
}

/** Resolves on the first SIGINT or SIGTERM (a server command's way to end). */
export function untilInterrupted(): Promise<void> {
  return new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
