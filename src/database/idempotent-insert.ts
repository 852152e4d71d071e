import { KeyedRow } from './guarded-write';
import { Sql } from './sql';
import { columnsAndValues, identifier, sql } from './sql-fragment';

/**
 * Inserts a row keyed by its idempotency key, in one statement, and says whether it was new or a
 * repeat, the same way on SQLite and PostgreSQL. Nothing is selected first.
 */
export async function insertIdempotent(database: Sql, table: string, row: KeyedRow): Promise<{ created: boolean }> {
  const { columns, values } = columnsAndValues(row);
  const rows = await database.query(
    sql`INSERT INTO ${identifier(table)} (${columns}) VALUES (${values}) ON CONFLICT (idempotency_key) DO NOTHING RETURNING idempotency_key`,
  );
  return { created: rows.length === 1 };
}
