import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { DateUtils } from 'typeorm/util/DateUtils';
import { QueryCounter } from './query-counter';

export type Dialect = 'postgres' | 'sqlite';

export interface Statement {
  /** Written with PostgreSQL's `$1` placeholders; rewritten for SQLite. */
  text: string;
  params?: readonly unknown[];
}

/**
 * The one place that knows how each database takes a statement. Repositories write SQL once with `$n`
 * placeholders; writes that must be atomic go through `atomic`, which is one statement on PostgreSQL
 * (a data-modifying CTE the caller writes) and one synchronous better-sqlite3 transaction on SQLite.
 */
@Injectable()
export class Sql {
  readonly dialect: Dialect;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly counter: QueryCounter,
  ) {
    this.dialect = dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
  }

  async query<Row>(statement: Statement): Promise<Row[]> {
    const { text, params } = this.prepare(statement);
    return this.dataSource.query(text, params);
  }

  /** SQLite only: runs the statements in one transaction, all or nothing, returning each one's rows. */
  atomic(statements: readonly Statement[]): unknown[][] {
    if (this.dialect !== 'sqlite') throw new Error('atomic() is for SQLite; on PostgreSQL write one statement');
    const database = (this.dataSource.driver as unknown as { databaseConnection: SqliteDatabase }).databaseConnection;
    const run = database.transaction(() =>
      statements.map((statement) => {
        const { text, params } = this.prepare(statement);
        this.counter.logQuery(text);
        const prepared = database.prepare(text);
        return prepared.reader ? prepared.all(...params) : (prepared.run(...params), []);
      }),
    );
    return run();
  }

  /** A time as the database stores it: UTC on both (SQLite as TypeORM writes it, text). */
  time(date: Date): unknown {
    return this.dialect === 'sqlite' ? DateUtils.mixedDateToUtcDatetimeString(date) : date;
  }

  private prepare(statement: Statement): { text: string; params: unknown[] } {
    const params = (statement.params ?? []).map((value) => this.value(value));
    if (this.dialect === 'postgres') return { text: statement.text, params };
    const ordered: unknown[] = [];
    const text = statement.text.replace(/\$(\d+)/g, (_, index: string) => {
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

/** Reads a time column of a raw row: a Date from PostgreSQL, UTC text from SQLite. */
export function readTime(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  return new Date(`${String(value).replace(' ', 'T')}Z`);
}

/** Reads a boolean column of a raw row: a boolean from PostgreSQL, 0 or 1 from SQLite. */
export function readBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === '1';
}
