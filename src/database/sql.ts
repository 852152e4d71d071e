import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { DateUtils } from 'typeorm/util/DateUtils';
import { currentInteraction } from '../common/context/current-interaction';
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

  /** SQLite only: runs `work` in one transaction, all or nothing; `run` executes one statement and returns its rows. */
  atomic<T>(work: (run: (statement: Statement) => unknown[]) => T): T {
    if (this.dialect !== 'sqlite') throw new Error('atomic() is for SQLite; on PostgreSQL write one statement');
    const database = (this.dataSource.driver as unknown as { databaseConnection: SqliteDatabase }).databaseConnection;
    const run = (statement: Statement): unknown[] => {
      const { text, params } = this.prepare(statement);
      this.counter.logQuery(text);
      const prepared = database.prepare(text);
      if (prepared.reader) return prepared.all(...params);
      prepared.run(...params);
      return [];
    };
    return database.transaction(() => work(run))();
  }

  /**
   * A change and the log rows that record it, all or nothing, in one round trip. When the log's
   * idempotency keys were used before, nothing changes and the answer is undefined: a repeat, which
   * the current interaction counts as a duplicate. A change that matches no row fails whole, log
   * included. `change` returns its rows (RETURNING) and marks with `{{first}}` where it depends on
   * being first; its placeholders come first, the log's continue after them.
   */
  async writeOnce<Row>(change: Statement, log: Statement): Promise<Row[] | undefined> {
    const rows = this.dialect === 'postgres' ? await this.writeOncePostgres<Row>(change, log) : this.writeOnceSqlite<Row>(change, log);
    const interaction = currentInteraction();
    if (rows) interaction?.markCommitted();
    else if (interaction) interaction.duplicate = true;
    return rows;
  }

  private async writeOncePostgres<Row>(change: Statement, log: Statement): Promise<Row[] | undefined> {
    // A division by zero is the one way to make a single statement fail on a condition found while it runs.
    const text = `WITH log AS (${log.text} RETURNING 1),
      change AS (${change.text.replaceAll('{{first}}', 'EXISTS (SELECT 1 FROM log)')}),
      counted AS (SELECT (SELECT count(*) FROM log) AS logged, (SELECT count(*) FROM change) AS changed),
      checked AS (SELECT logged, CASE WHEN logged > 0 AND changed = 0 THEN 1 / changed ELSE 1 END AS ok FROM counted)
      SELECT checked.logged AS ladder_logged, checked.ok AS ladder_ok, change.* FROM checked LEFT JOIN change ON true`;
    try {
      const rows = await this.query<Row & { ladder_logged: string; ladder_ok: number }>({ text, params: [...(change.params ?? []), ...(log.params ?? [])] });
      if (Number(rows[0].ladder_logged) === 0) return undefined;
      return rows.map(({ ladder_logged: _logged, ladder_ok: _ok, ...row }) => row as Row);
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === DIVISION_BY_ZERO) throw new ChangeMatchedNothing();
      throw error;
    }
  }

  private writeOnceSqlite<Row>(change: Statement, log: Statement): Row[] | undefined {
    return this.atomic((run) => {
      const offset = change.params?.length ?? 0;
      const logged = run({ text: `${renumber(log.text, -offset)} RETURNING 1`, params: log.params });
      if (logged.length === 0) return undefined;
      const rows = run({ text: change.text.replaceAll('{{first}}', '1 = 1'), params: change.params }) as Row[];
      if (rows.length === 0) throw new ChangeMatchedNothing();
      return rows;
    });
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

const DIVISION_BY_ZERO = '22012';

/** The change of a `writeOnce` found no row to change, so neither it nor its log was written. */
export class ChangeMatchedNothing extends Error {
  constructor() {
    super('The change matched no row; nothing was written');
    this.name = 'ChangeMatchedNothing';
  }
}

/** Shifts `$n` placeholders by `by`, for a statement run on its own whose numbers continued another's. */
function renumber(text: string, by: number): string {
  return text.replace(/\$(\d+)/g, (_, index: string) => `$${Number(index) + by}`);
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
