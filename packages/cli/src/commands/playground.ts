import type { Reporter } from '../progress/reporter.js';
import { startPlayground } from '../playground/server.js';
import { untilInterrupted, warnUnlessLoopback } from './serve-helpers.js';

/** Options of `ganforge playground`. */
export interface PlaygroundCommandOptions {
  host?: string;
  port?: number;
  /** More plugin packages to offer. */
  plugin?: string[];
}

/**
 * `ganforge playground`: bundles GANForge and the installed plugins into a page that trains a
 * 2-D GAN in the browser (wasm backend) and draws its samples over the discriminator's decision
 * surface; serves it on 127.0.0.1 until Ctrl-C. Returns the exit code.
 */
export async function playgroundCommand(
  options: PlaygroundCommandOptions,
  reporter: Reporter,
): Promise<number> {
  const host = options.host ?? '127.0.0.1';
  warnUnlessLoopback(host, 'the playground', reporter);
  const server = await startPlayground({ host, port: options.port, plugins: options.plugin });
  reporter.info(`playground: ${server.url} (plugins: ${server.plugins.join(', ')})`);
  await untilInterrupted();
  await server.close();
  return 0;
}
