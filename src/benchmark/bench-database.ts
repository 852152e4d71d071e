import { Client as PgClient } from 'pg';
import { LatencyProxy } from './latency-proxy';

/** A database of the benchmark's own on the PostgreSQL server, reached directly and through the latency proxy. */
export interface BenchDatabase {
  /** Through the proxy: what the bot connects to. */
  proxiedUrl: string;
  /** Straight to the server: for seeding, uncounted. */
  directUrl: string;
  proxy: LatencyProxy;
  drop(): Promise<void>;
}

export async function createBenchDatabase(serverUrl: string, name: string, latencyMs: number): Promise<BenchDatabase> {
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const target = new URL(serverUrl);
  const proxy = new LatencyProxy({ host: target.hostname, port: Number(target.port || 5432) }, latencyMs);
  const proxied = new URL(serverUrl);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(await proxy.start());
  proxied.pathname = `/${name}`;
  const direct = new URL(serverUrl);
  direct.pathname = `/${name}`;
  return {
    proxiedUrl: proxied.toString(),
    directUrl: direct.toString(),
    proxy,
    drop: async () => {
      await proxy.stop();
      await onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new PgClient({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
