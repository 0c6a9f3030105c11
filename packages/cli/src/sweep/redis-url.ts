import { ConfigError } from '@ganforge/core';

/** What BullMQ (ioredis) needs to connect. */
export interface RedisConnection {
  host: string;
  port: number;
  db?: number;
  username?: string;
  password?: string;
  tls?: Record<string, never>;
  /** BullMQ workers require this to be null (blocking commands must not time out). */
  maxRetriesPerRequest: null;
}

/** Parses `redis://[user:password@]host[:port][/db]` (or `rediss://` for TLS); a bad URL is a ConfigError on `--queue`. */
export function parseRedisUrl(url: string): RedisConnection {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new ConfigError(
      `--queue: expected a Redis URL such as redis://127.0.0.1:6379, found "${url}"`,
      '--queue',
    );
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:')
    throw new ConfigError(`--queue: expected a redis:// or rediss:// URL, found "${url}"`, '--queue');
  const db = u.pathname.replace(/^\//, '');
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    ...(db ? { db: Number(db) } : {}),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
  };
}
