import { Test, TestingModule } from '@nestjs/testing';
import { createServer, Server, Socket, connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase, testDriver } from '../../test/support/test-database';
import { testConfig } from '../../test/support/test-config';
import { waitFor } from '../../test/support/wait-for';
import { ConfigModule } from '../config/config.module';
import { ConnectionPool } from './connection-pool';
import { DatabaseModule } from './database.module';
import { DatabaseTimeout, Sql } from './sql';
import { sql } from './sql-fragment';

/** A TCP hop to the database that can go silent, as a network that drops every packet does. */
class SilenceableHop {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  silent = false;

  async start(target: URL): Promise<number> {
    this.server = createServer((client) => {
      const upstream = connect(Number(target.port || 5432), target.hostname);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('error', () => undefined);
      }
      client.on('data', (chunk) => !this.silent && upstream.write(chunk));
      upstream.on('data', (chunk) => !this.silent && client.write(chunk));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.sockets.forEach((socket) => socket.destroy());
    const server = this.server;
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}

describe(`time limits on command paths (${testDriver()})`, () => {
  let database: TestDatabase;
  let moduleRef: TestingModule;
  let hop: SilenceableHop | undefined;

  async function boot(config: ReturnType<typeof testConfig>): Promise<void> {
    moduleRef = await Test.createTestingModule({ imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(config.database)] }).compile();
    await moduleRef.init();
  }

  beforeEach(async () => {
    database = await createTestDatabase();
  });

  afterEach(async () => {
    if (hop) hop.silent = false;
    await moduleRef?.close();
    await hop?.stop();
    hop = undefined;
    await database.drop();
  });

  it('bounds every statement on a command path, and lifts the limit for the boot load', async () => {
    hop = new SilenceableHop();
    await boot(testConfig(database.config, { DB_STATEMENT_TIMEOUT_MS: '300' }));
    const db = moduleRef.get(Sql);
    if (testDriver() === 'sqlite') {
      // SQLite is in-process: the limit is how long a statement waits for a lock held by another process.
      const [pragma] = await moduleRef.get(DataSource).query('PRAGMA busy_timeout');
      expect(Object.values(pragma)).toEqual([300]);
      return;
    }
    await expect(db.query(sql`SELECT pg_sleep(2)`)).rejects.toThrow(/statement timeout/);
    expect(await db.queryUnbounded<{ slept: number }>(sql`SELECT 1 AS slept FROM pg_sleep(0.6)`)).toEqual([{ slept: 1 }]);
    expect(await db.query(sql`SELECT current_setting('statement_timeout') AS limit`)).toEqual([{ limit: '300ms' }]);
    await expect(db.query(sql`SELECT pg_sleep(2)`)).rejects.toThrow(/statement timeout/);
  });

  it('answers a statement the network swallowed with a timeout, never a hang', async () => {
    hop = new SilenceableHop();
    if (database.config.driver !== 'postgres') {
      await boot(testConfig(database.config));
      await expect(moduleRef.get(Sql).query(sql`SELECT 1 AS alive`)).resolves.toEqual([{ alive: 1 }]);
      return;
    }
    const target = new URL(database.config.url);
    const port = await hop.start(target);
    const through = new URL(database.config.url);
    through.hostname = '127.0.0.1';
    through.port = String(port);
    await boot(testConfig({ ...database.config, url: through.toString() }, { DB_STATEMENT_TIMEOUT_MS: '300' }));
    hop.silent = true;
    await expect(moduleRef.get(Sql).query(sql`SELECT 1 AS alive`)).rejects.toBeInstanceOf(DatabaseTimeout);
  });

  it('does not count the wait for a free connection as the statement\'s time', async () => {
    if (database.config.driver !== 'postgres') {
      await boot(testConfig(database.config));
      await expect(moduleRef.get(Sql).query(sql`SELECT 1 AS alive`)).resolves.toEqual([{ alive: 1 }]);
      return;
    }
    await boot(testConfig({ ...database.config, poolMax: 1, poolMin: 1 }, { DB_STATEMENT_TIMEOUT_MS: '300' }));
    const db = moduleRef.get(Sql);
    const busy = db.queryUnbounded(sql`SELECT 1 AS slept FROM pg_sleep(1.5)`);
    await expect(db.query(sql`SELECT 2 AS answered`)).resolves.toEqual([{ answered: 2 }]);
    await busy;
  });

  it('reopens the pool\'s minimum in the background after its connections died', async () => {
    if (database.config.driver !== 'postgres') {
      await boot(testConfig(database.config));
      expect((await moduleRef.get(ConnectionPool).report()).pool).toBeNull();
      return;
    }
    await boot(testConfig({ ...database.config, poolMin: 3, poolMax: 4 }));
    const pool = moduleRef.get(ConnectionPool);
    expect(pool.stats()?.total).toBe(3);
    await moduleRef.get(Sql).query(sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
    await waitFor('a connection to drop', () => (pool.stats()?.total ?? 0) < 3);
    await waitFor('the pool to reopen its minimum', () => pool.stats()?.total === 3);
    expect(await moduleRef.get(Sql).query(sql`SELECT 1 AS alive`)).toEqual([{ alive: 1 }]);
  });
});
