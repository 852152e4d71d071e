import { Sql } from './sql';

/** Appended to an INSERT into a table with a UNIQUE idempotency_key: a repeat inserts nothing, and is no error. */
export const ON_REPEATED_KEY = 'ON CONFLICT (idempotency_key) DO NOTHING';

export type IdempotentRow = Record<string, unknown> & { idempotency_key: string };

/**
 * Inserts a row keyed by its idempotency key, in one statement, and says whether it was new or a
 * repeat, the same way on SQLite and PostgreSQL. Nothing is selected first.
 */
export async function insertIdempotent(sql: Sql, table: string, row: IdempotentRow): Promise<{ created: boolean }> {
  const columns = Object.keys(row);
  const rows = await sql.query({
    text: `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, index) => `$${index + 1}`).join(', ')}) ${ON_REPEATED_KEY} RETURNING idempotency_key`,
    params: Object.values(row),
  });
  return { created: rows.length === 1 };
}
