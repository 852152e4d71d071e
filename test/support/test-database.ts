import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DatabaseConfig } from '../../src/config/app-config';

/** A database to test on; the suite's configuration adds its time limits and connection retries. */
export type TestDatabaseConfig = DatabaseConfig extends infer Each ? (Each extends DatabaseConfig ? Omit<Each, 'statementTimeoutMs' | 'connect'> : never) : never;

export interface TestDatabase {
  config: TestDatabaseConfig;
  drop(): Promise<void>;
}

let created = 0;

/**
 * A fresh, empty database for one suite: a SQLite file in a temporary folder, or a PostgreSQL database
 * of its own on the server at TEST_DATABASE_URL (the jest project decides which).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (process.env.TEST_DB_DRIVER === 'postgres') return createPostgresDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'ladder-test-'));
  return {
    config: { driver: 'sqlite', path: join(dir, 'ladder.sqlite') },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function testDriver(): 'sqlite' | 'postgres' {
  return process.env.TEST_DB_DRIVER === 'postgres' ? 'postgres' : 'sqlite';
}

async function createPostgresDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DATABASE_URL must be set for the PostgreSQL suites');
  created += 1;
  const name = `ladder_test_${process.pid}_${created}_${Date.now().toString(36)}`;
  await withAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    config: { driver: 'postgres', url: url.toString(), poolMax: 4, poolMin: 1 },
    drop: async () => {
      await withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function withAdmin<T>(serverUrl: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
