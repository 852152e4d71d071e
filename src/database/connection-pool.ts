import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/inject-config.decorator';

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export type PoolReport =
  | { driver: 'sqlite'; pool: null }
  | { driver: 'postgres'; pool: PoolStats & { max: number; min: number }; server_connections: Record<string, number> };

/**
 * Opens and verifies the PostgreSQL pool's minimum of connections before the bot goes online, so no
 * command pays for connection setup. SQLite has a single in-process connection and nothing to warm.
 */
@Injectable()
export class ConnectionPool implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ConnectionPool.name);
  private refill?: NodeJS.Timeout;
  private closing = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const database = this.config.database;
    if (database.driver !== 'postgres') return;
    const pool = this.pool();
    if (!pool) return;
    const clients = await Promise.all(Array.from({ length: database.poolMin }, () => pool.connect()));
    try {
      await Promise.all(clients.map((client) => client.query('SELECT 1')));
    } finally {
      clients.forEach((client) => client.release());
    }
    this.logger.log(`PostgreSQL pool warm: ${pool.totalCount} connections open (max ${database.poolMax})`);
    // pg-pool emits `error` when an idle connection dies; its `remove` comes only once the socket has closed.
    pool.on('error', (error) => {
      this.logger.warn(`A database connection closed: ${error.message}`);
      this.scheduleRefill();
    });
    // A connection that breaks while in use leaves the pool through `remove` alone.
    pool.on('remove', () => this.scheduleRefill());
  }

  onModuleDestroy(): void {
    this.closing = true;
    clearTimeout(this.refill);
  }

  /** Connections that died are replaced in the background, so the next command still finds one open. */
  private scheduleRefill(delayMs = 100): void {
    if (this.closing || this.refill) return;
    this.refill = setTimeout(() => {
      this.refill = undefined;
      this.topUp().catch((error: unknown) => {
        this.logger.warn(`Could not reopen a database connection, trying again: ${String(error)}`);
        this.scheduleRefill(Math.min(delayMs * 2, 5000));
      });
    }, delayMs);
    this.refill.unref();
  }

  private async topUp(): Promise<void> {
    const pool = this.pool();
    const database = this.config.database;
    if (!pool || database.driver !== 'postgres' || this.closing) return;
    if (pool.totalCount >= database.poolMin) return;
    // Holding the minimum at once makes the pool open what it lacks: a lone connect() takes an idle one.
    const opened = await Promise.allSettled(Array.from({ length: database.poolMin }, () => pool.connect()));
    for (const result of opened) if (result.status === 'fulfilled') result.value.release();
    const failed = opened.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  }

  stats(): PoolStats | null {
    const pool = this.pool();
    return pool ? { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount } : null;
  }

  /** The pool as the admin API shows it; on PostgreSQL also this database's connections by state. */
  async report(): Promise<PoolReport> {
    const stats = this.stats();
    const database = this.config.database;
    if (!stats || database.driver !== 'postgres') return { driver: 'sqlite', pool: null };
    const rows: Array<{ state: string | null; connections: string }> = await this.dataSource.query(
      'SELECT state, count(*) AS connections FROM pg_stat_activity WHERE datname = current_database() GROUP BY state',
    );
    return {
      driver: 'postgres',
      pool: { ...stats, max: database.poolMax, min: database.poolMin },
      server_connections: Object.fromEntries(rows.map((row) => [row.state ?? 'unknown', Number(row.connections)])),
    };
  }

  private pool(): Pool | undefined {
    return this.dataSource.options.type === 'postgres' ? (this.dataSource.driver as unknown as { master: Pool }).master : undefined;
  }
}
