import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { DataSource, QueryRunner } from 'typeorm';
import { DateUtils } from 'typeorm/util/DateUtils';
import {
  assertGuarded,
  CHANGE_MATCHED_NOTHING,
  changedEnough,
  changeFailure,
  GuardedWrite,
  intentKeyOf,
  KEY_TAKEN_CONCURRENTLY,
  postgresStatement,
  Row,
  sqliteChange,
  sqliteKeyedInsert,
  WriteOutcome,
} from './guarded-write';
import { CrashPoints } from './crash-points';
import { QueryCounter } from './query-counter';
import { identifier, sql, SqlFragment } from './sql-fragment';
import { withoutStatementTimeout } from './unbounded';
import { WriteListeners } from './write-listeners';

export type Dialect = 'postgres' | 'sqlite';

/** Injection token: the time limit of a statement on a command path, in ms. */
export const STATEMENT_TIMEOUT_MS = Symbol('STATEMENT_TIMEOUT_MS');

/** How long past the server's own limit the bot waits for an answer: a silent network never answers at all. */
const CLIENT_GRACE_MS = 1000;

/**
 * The one place that knows how each database takes a statement. Repositories write SQL once as
 * `sql` fragments; every command-path write goes through `write`, one statement on PostgreSQL and one
 * synchronous better-sqlite3 transaction on SQLite, with the same outcome on both.
 */
@Injectable()
export class Sql {
  readonly dialect: Dialect;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly counter: QueryCounter,
    private readonly listeners: WriteListeners,
    @Inject(STATEMENT_TIMEOUT_MS) private readonly timeoutMs: number,
    private readonly crashPoints: CrashPoints,
  ) {
    this.dialect = dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
  }

  /** A statement on a command path: bounded by the statement time limit. */
  async query<T = Row>(fragment: SqlFragment): Promise<T[]> {
    const { text, params } = this.prepare(fragment);
    return this.bounded(text, params);
  }

  /** A statement off the command path (the boot load), with no time limit. */
  async queryUnbounded<T = Row>(fragment: SqlFragment): Promise<T[]> {
    const { text, params } = this.prepare(fragment);
    return withoutStatementTimeout(this.dataSource, (runner) => runner.query(text, params));
  }

  /**
   * A guarded write (see GuardedWrite): applied once, or a repeat, or stale, with the rows as they
   * stand, in one round trip. A race lost to a concurrent write is retried once, when it reads as a
   * repeat or as stale; a part that still changes nothing fails the whole write as ChangeMatchedNothing.
   */
  async write(write: GuardedWrite): Promise<WriteOutcome> {
    assertGuarded(write);
    await this.crashPoints.reach(write, 'before');
    const attempt = () => (this.dialect === 'postgres' ? this.writePostgres(write) : Promise.resolve(this.writeSqlite(write)));
    const outcome = await attempt()
      .catch((error: unknown) => (nothingApplied(error) ? attempt() : Promise.reject(error)))
      .catch((error: unknown) => Promise.reject(failedOnPurpose(error) ? new ChangeMatchedNothing(String((error as Error).message)) : error));
    this.listeners.notify(outcome.status);
    await this.crashPoints.reach(write, 'after');
    return outcome;
  }

  /**
   * Fails with DatabaseTimeout when the statement gets no answer in time, and then closes its
   * connection, so the statement can neither be answered nor start later. Waiting for a connection
   * from the pool is not the statement's time: it is bounded by the pool's own connect timeout.
   */
  private async bounded<T>(text: string, params: unknown[]): Promise<T[]> {
    if (this.dialect === 'sqlite') return this.dataSource.query(text, params);
    const runner = this.dataSource.createQueryRunner() as QueryRunner & { releasePostgresConnection(error?: Error): Promise<void> };
    await runner.connect();
    const limit = this.timeoutMs + CLIENT_GRACE_MS;
    let timer: NodeJS.Timeout | undefined;
    let timedOut: DatabaseTimeout | undefined;
    const work = runner.query(text, params) as Promise<T[]>;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject((timedOut = new DatabaseTimeout(limit))), limit);
    });
    try {
      return await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
      if (timedOut) work.catch(() => undefined);
      await runner.releasePostgresConnection(timedOut);
    }
  }

  private async writePostgres(write: GuardedWrite): Promise<WriteOutcome> {
    const [row] = await this.query<{ ladder_status: WriteOutcome['status']; ladder_current: Row[]; ladder_keyed: Row[]; ladder_changed: Row[][] }>(postgresStatement(write));
    if (row.ladder_status !== 'applied') return { status: row.ladder_status, current: row.ladder_current };
    const changed = row.ladder_changed;
    return { status: 'applied', rows: changed[0] ?? row.ladder_current, changed, keyed: row.ladder_keyed, current: row.ladder_current };
  }

  private writeSqlite(write: GuardedWrite): WriteOutcome {
    const database = (this.dataSource.driver as unknown as { databaseConnection: SqliteDatabase }).databaseConnection;
    const run = (fragment: SqlFragment): Row[] => {
      const { text, params } = this.prepare(fragment);
      this.counter.logQuery(text);
      const prepared = database.prepare(text);
      if (prepared.reader) return prepared.all(...params) as Row[];
      prepared.run(...params);
      return [];
    };
    return database.transaction((): WriteOutcome => {
      const current = run(write.current);
      if (write.keyed && run(sql`SELECT 1 FROM ${identifier(write.keyed.table)} WHERE idempotency_key = ${intentKeyOf(write)}`).length > 0) {
        return { status: 'repeat', current };
      }
      if (write.precondition && run(sql`WITH current AS (${write.current}) SELECT 1 WHERE ${write.precondition}`).length === 0) {
        return { status: 'stale', current };
      }
      const keyed = (write.keyed?.rows ?? []).map((row) => {
        const [inserted] = run(sqliteKeyedInsert(write.keyed!.table, row));
        if (!inserted) throw new ChangeMatchedNothing('an idempotency key was taken by a concurrent write');
        return inserted;
      });
      const changed = write.changes.map((change) => {
        const rows = run(sqliteChange(change, keyed[0]));
        if (!changedEnough(change, rows.length)) throw new ChangeMatchedNothing(changeFailure(change));
        return rows;
      });
      return { status: 'applied', rows: changed[0] ?? current, changed, keyed, current };
    })();
  }

  /** A time as the database stores it: UTC on both (SQLite as TypeORM writes it, text). */
  time(date: Date): unknown {
    return this.dialect === 'sqlite' ? DateUtils.mixedDateToUtcDatetimeString(date) : date;
  }

  private prepare(fragment: SqlFragment): { text: string; params: unknown[] } {
    const compiled = fragment.compile();
    const params = compiled.params.map((value) => this.value(value));
    if (this.dialect === 'postgres') return { text: compiled.text, params };
    const ordered: unknown[] = [];
    const text = compiled.text.replace(/\$(\d+)/g, (_, index: string) => {
      ordered.push(params[Number(index) - 1]);
      return '?';
    });
    return { text, params: ordered };
  }

  private value(value: unknown): unknown {
    if (value instanceof Date) return this.time(value);
    if (this.dialect === 'sqlite' && typeof value === 'boolean') return value ? 1 : 0;
    return value;
  }
}

/** The database gave no answer in time: whether the statement took effect is unknown. */
export class DatabaseTimeout extends Error {
  constructor(ms: number) {
    super(`The database did not answer within ${ms} ms`);
    this.name = 'DatabaseTimeout';
  }
}

/** A part of a guarded write found no row to change, so nothing of the write was saved. */
export class ChangeMatchedNothing extends Error {
  constructor(detail = 'a change matched no row') {
    super(`${detail}; nothing was written`);
    this.name = 'ChangeMatchedNothing';
  }
}

/** PostgreSQL rolled the statement back whole to break a deadlock: nothing of it was applied. */
const DEADLOCK_DETECTED = '40P01';

function codeOf(error: unknown): string | undefined {
  return (error as { driverError?: { code?: string } }).driverError?.code;
}

/** The write failed on purpose: a part changed nothing, or a key was taken since it began. */
function failedOnPurpose(error: unknown): boolean {
  return error instanceof ChangeMatchedNothing || codeOf(error) === CHANGE_MATCHED_NOTHING || codeOf(error) === KEY_TAKEN_CONCURRENTLY;
}

/** Nothing of the write was applied, and trying once more reads the rows anew: it failed on purpose, or lost a deadlock. */
function nothingApplied(error: unknown): boolean {
  return failedOnPurpose(error) || codeOf(error) === DEADLOCK_DETECTED;
}

/** Reads a time column of a raw row: a Date, or UTC text (SQLite's, or PostgreSQL's JSON). */
export function readTime(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  return new Date(`${String(value).replace(' ', 'T')}Z`);
}

/** Reads a boolean column of a raw row: a boolean from PostgreSQL, 0 or 1 from SQLite. */
export function readBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === '1';
}
