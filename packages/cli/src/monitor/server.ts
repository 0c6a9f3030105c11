import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RunSource, type RunUpdate } from './run-source.js';

/** Options of {@link startMonitor}. */
export interface MonitorOptions {
  /** Run folders to show side by side (each written by `ganforge train`). */
  runs: string[];
  /** Interface to bind (default 127.0.0.1: only this machine can connect). */
  host?: string;
  /** Port (default 0: any free port). */
  port?: number;
  /** How often run folders are read for new rows, in ms (default 250). */
  pollMs?: number;
}

/** A running monitor. */
export interface MonitorServer {
  /** The page's address, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  /** Stops polling, ends the event streams and closes the server. */
  close(): Promise<void>;
}

const ASSETS = fileURLToPath(new URL('../assets/monitor/', import.meta.url));
const require = createRequire(import.meta.url);

/** The only static files served: fixed names mapped to fixed paths. */
function staticFiles(): Record<string, { path: string; type: string }> {
  return {
    '/': { path: join(ASSETS, 'index.html'), type: 'text/html; charset=utf-8' },
    '/app.js': { path: join(ASSETS, 'app.js'), type: 'text/javascript; charset=utf-8' },
    '/style.css': { path: join(ASSETS, 'style.css'), type: 'text/css; charset=utf-8' },
    '/vendor/vega.min.js': {
      path: join(dirname(require.resolve('vega')), 'vega.min.js'),
      type: 'text/javascript; charset=utf-8',
    },
    '/vendor/vega-lite.min.js': {
      path: join(dirname(require.resolve('vega-lite')), 'vega-lite.min.js'),
      type: 'text/javascript; charset=utf-8',
    },
  };
}

const RUN_ROUTE = /^\/api\/runs\/(\d{1,6})\/(config|events|sample\.png)$/;

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

const notFound = (res: ServerResponse) => send(res, 404, 'text/plain; charset=utf-8', 'not found\n');

function sse(res: ServerResponse, event: string, data: unknown): void {
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

function sendUpdate(res: ServerResponse, u: RunUpdate): void {
  if (u.rows.length > 0) sse(res, 'rows', u.rows);
  if (u.sample !== undefined) sse(res, 'sample', { name: u.sample });
  if (u.summary !== undefined) sse(res, 'summary', u.summary);
  if (u.diagnostics !== undefined) sse(res, 'diagnostics', u.diagnostics);
}

/**
 * Serves the live training dashboard for one or more run folders: a page (vega-lite charts of
 * G and D losses, D accuracy on real and fake, regularizers and metrics, steps/s; the newest
 * sample picture; diagnostics; the resolved config) fed by server-sent events that carry each
 * new metrics.jsonl row as the runs write it. Only fixed routes exist; a run is addressed by its
 * index, and no part of a request path is ever used as a file path.
 */
export async function startMonitor(options: MonitorOptions): Promise<MonitorServer> {
  const sources = options.runs.map((dir) => new RunSource(dir));
  const files = staticFiles();
  const clients = sources.map(() => new Set<ServerResponse>());

  const timer = setInterval(() => {
    sources.forEach((s, i) => {
      const u = s.poll();
      for (const res of clients[i]!) sendUpdate(res, u);
    });
  }, options.pollMs ?? 250);
  timer.unref();

  function handle(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
      return;
    }
    // The raw path, undecoded: '%2e%2e' or '..' simply match no route.
    const path = (req.url ?? '/').split('?')[0]!;
    const file = files[path];
    if (file !== undefined) {
      send(res, 200, file.type, readFileSync(file.path));
      return;
    }
    if (path === '/api/runs') {
      const runs = sources.map((s, id) => ({ id, name: s.name }));
      send(res, 200, 'application/json', JSON.stringify(runs));
      return;
    }
    const m = RUN_ROUTE.exec(path);
    const source = m ? sources[Number(m[1])] : undefined;
    if (m === null || source === undefined) {
      notFound(res);
      return;
    }
    const id = Number(m[1]);
    if (m[2] === 'config') {
      send(res, 200, 'application/json', JSON.stringify(source.config() ?? null));
    } else if (m[2] === 'sample.png') {
      const sample = source.latestSamplePath();
      if (sample === undefined) notFound(res);
      else send(res, 200, 'image/png', readFileSync(sample));
    } else {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      // A new client first gets everything read so far, then the updates.
      const u = source.poll();
      for (const other of clients[id]!) sendUpdate(other, u);
      sendUpdate(res, source.snapshot());
      clients[id]!.add(res);
      req.on('close', () => clients[id]!.delete(res));
    }
  }

  const server = createServer(handle);
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', ok);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}/`,
    close: () =>
      new Promise<void>((ok) => {
        clearInterval(timer);
        for (const set of clients) for (const res of set) res.end();
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
