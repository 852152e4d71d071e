import { columnsAndValues, identifier, join, sql, SqlFragment, unsafeRaw } from './sql-fragment';

export type Row = Record<string, unknown>;

/** A row that carries its intent's UNIQUE `idempotency_key`. */
export type KeyedRow = Row & { idempotency_key: string };

/**
 * One part of a write. It runs only when the write's guard holds, and must change exactly `rows` rows
 * (both players of a match), or at least one when `rows` is not given; otherwise the whole write fails.
 */
export type Change = (
  | { update: string; set: SqlFragment; where: SqlFragment }
  | { insert: string; row: Row; onConflict?: SqlFragment }
  | { delete: string; where: SqlFragment }
) & { rows?: number };

/**
 * A command-path write: the rows it acts on as they stand, a compare-and-set on them, the keyed rows
 * whose UNIQUE key makes a repeat of the intent a no-op, and the changes. The guard (the key unused
 * and the precondition true) is applied to every part by the mechanism; no part can leave it out.
 */
export interface GuardedWrite {
  /**
   * A plain SELECT of the rows acted on: locked while the write runs, and returned whatever the
   * outcome. Several rows are selected `ORDER BY id`, so two writes always lock them in one order.
   */
  current: SqlFragment;
  /** The compare-and-set, a condition that may read the `current` rows, e.g. sql`(SELECT rev FROM current) = ${rev}`. */
  precondition?: SqlFragment;
  /**
   * The effect rows keyed by the intent (log rows, or the effect row itself); the first row's key names
   * the intent. Without them the precondition alone guards the write: an intent that is its own
   * compare-and-set, such as leaving the queue, where a repeat finds the state already changed.
   */
  keyed?: { table: string; rows: readonly KeyedRow[] };
  /** In order; the rows of the first are returned. Each table row is changed by one part at most. */
  changes: readonly Change[];
}

export type WriteStatus = 'applied' | 'repeat' | 'stale';

/**
 * `applied`: the change and its keyed rows were written: `rows` is the first change's rows as written,
 * `changed` every change's rows in order, `keyed` the keyed rows as written.
 * `repeat`: the intent's key was used before; nothing changed. `stale`: the precondition no longer
 * held; nothing changed. `current` is always the rows acted on as they were when the write ran.
 * On PostgreSQL the rows travel as JSON: read them with readTime / readBoolean, and keep the schema's
 * counters `integer` (a `bigint` or `numeric` column would arrive as a JSON number).
 */
export type WriteOutcome =
  | { status: 'applied'; rows: Row[]; changed: Row[][]; keyed: Row[]; current: Row[] }
  | { status: 'repeat' | 'stale'; current: Row[] };

/**
 * A column of the intent's own keyed row as this write inserts it, for a change to refer to (a match's
 * new id on both players' rows): `sql\`current_match_id = ${intentRow('id')}\``.
 */
export function intentRow(column: string): IntentRowColumn {
  return new IntentRowColumn(column);
}

export class IntentRowColumn {
  constructor(readonly column: string) {}
}

/** Raised inside the statement (PostgreSQL's `ladder_fail`, SQLite's transaction) when a guarded part changed nothing. */
export const CHANGE_MATCHED_NOTHING = 'LDR01';
/** Raised when a keyed row's key was taken by a concurrent write after the statement began. */
export const KEY_TAKEN_CONCURRENTLY = 'LDR02';

/** The guarded write as one PostgreSQL statement: data-modifying CTEs, each depending on the guard. */
export function postgresStatement(write: GuardedWrite): SqlFragment {
  const guarded = sql`EXISTS (SELECT 1 FROM guard)`;
  const keyed = (write.keyed?.rows ?? []).map((row, index) => ({
    name: unsafeRaw(`keyed_${index + 1}`),
    body: insertStatement({ insert: write.keyed!.table, row, onConflict: sql`(idempotency_key) DO NOTHING` }, guarded),
  }));
  const intentRowColumn = (column: string) => {
    if (!write.keyed) throw new Error('intentRow() refers to the keyed row of a write that has none');
    return sql`(SELECT ${identifier(column)} FROM keyed_1)`;
  };
  const changes = write.changes.map((change, index) => ({
    name: unsafeRaw(`change_${index + 1}`),
    change,
    body: changeStatement(withIntentRow(change, intentRowColumn), guarded),
  }));
  const keyedCount = keyed.length === 0 ? sql`0` : join(keyed.map(({ name }) => sql`(SELECT count(*) FROM ${name})`), ' + ');
  const checks = changes.map(({ name, change }) => {
    const wrong = change.rows === undefined ? sql`NOT EXISTS (SELECT 1 FROM ${name})` : sql`(SELECT count(*) FROM ${name}) <> ${change.rows}`;
    return sql`WHEN ${wrong} THEN ladder_fail(${CHANGE_MATCHED_NOTHING}, ${changeFailure(change)})`;
  });
  // `repeated` reads `current` first, so its key lookup runs once the row locks are held.
  const repeated = write.keyed
    ? sql`SELECT 1 FROM (SELECT count(*) FROM current) AS locked WHERE ladder_key_used(${write.keyed.table}, ${intentKeyOf(write)})`
    : sql`SELECT 1 WHERE FALSE`;
  const keyedRows = keyed.length === 0 ? sql`'[]'::json` : sql`(SELECT coalesce(json_agg(k), '[]'::json) FROM (${join(keyed.map(({ name }) => sql`SELECT * FROM ${name}`), ' UNION ALL ')}) k)`;
  const changedRows = join(changes.map(({ name }) => sql`(SELECT coalesce(json_agg(r), '[]'::json) FROM ${name} r)`));
  return sql`WITH current AS (${write.current} FOR UPDATE),
    repeated AS (${repeated}),
    guard AS (SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM repeated) AND (${write.precondition ?? sql`TRUE`})),
    ${join([...keyed, ...changes].map(({ name, body }) => sql`${name} AS (${body})`), ',\n    ')}
    SELECT CASE WHEN EXISTS (SELECT 1 FROM repeated) THEN 'repeat' WHEN NOT EXISTS (SELECT 1 FROM guard) THEN 'stale' ELSE 'applied' END AS ladder_status,
      CASE WHEN NOT EXISTS (SELECT 1 FROM guard) THEN NULL
        WHEN ${keyedCount} <> ${keyed.length} THEN ladder_fail(${KEY_TAKEN_CONCURRENTLY}, 'an idempotency key was taken by a concurrent write')
        ${join(checks, '\n        ')}
      END AS ladder_checked,
      (SELECT coalesce(json_agg(c), '[]'::json) FROM current c) AS ladder_current,
      ${keyedRows} AS ladder_keyed,
      json_build_array(${changedRows}) AS ladder_changed`;
}

/** A part as SQLite runs it: on its own, inside the write's transaction, once the guard has held; `intent` is the keyed row as inserted. */
export function sqliteChange(change: Change, intent?: Row): SqlFragment {
  return changeStatement(
    withIntentRow(change, (column) => {
      if (!intent) throw new Error('intentRow() refers to the keyed row of a write that has none');
      return intent[column];
    }),
    undefined,
  );
}

export function sqliteKeyedInsert(table: string, row: KeyedRow): SqlFragment {
  return insertStatement({ insert: table, row, onConflict: sql`(idempotency_key) DO NOTHING` }, undefined);
}

export function intentKeyOf(write: GuardedWrite): string {
  const first = write.keyed?.rows[0];
  if (!first) throw new Error('A keyed write needs at least one keyed row: its idempotency key names the intent');
  return first.idempotency_key;
}

/** Checks a write's shape: one with no keyed rows must be guarded by a precondition. */
export function assertGuarded(write: GuardedWrite): void {
  if (write.keyed) intentKeyOf(write);
  else if (!write.precondition) throw new Error('A write without keyed rows needs a precondition: nothing else would guard it');
}

/** The change with each intentRow() reference replaced by what the dialect reads it as. */
function withIntentRow(change: Change, column: (name: string) => unknown): Change {
  const replace = (value: unknown) => (value instanceof IntentRowColumn ? column(value.column) : value);
  if ('update' in change) return { ...change, set: change.set.map(replace), where: change.where.map(replace) };
  if ('delete' in change) return { ...change, where: change.where.map(replace) };
  const row = Object.fromEntries(Object.entries(change.row).map(([name, value]) => [name, value instanceof SqlFragment ? value.map(replace) : replace(value)]));
  return { ...change, row, onConflict: change.onConflict?.map(replace) };
}

function changeStatement(change: Change, guarded: SqlFragment | undefined): SqlFragment {
  if ('update' in change) {
    return sql`UPDATE ${identifier(change.update)} SET ${change.set} WHERE (${change.where})${guarded ? sql` AND ${guarded}` : sql``} RETURNING *`;
  }
  if ('delete' in change) {
    return sql`DELETE FROM ${identifier(change.delete)} WHERE (${change.where})${guarded ? sql` AND ${guarded}` : sql``} RETURNING *`;
  }
  return insertStatement(change, guarded);
}

/**
 * PostgreSQL infers a parameter's type from the column only in `INSERT ... VALUES` or a one-row
 * `INSERT ... SELECT`, so a guarded insert is one row, selected where the guard holds.
 */
function insertStatement(change: { insert: string; row: Row; onConflict?: SqlFragment }, guarded: SqlFragment | undefined): SqlFragment {
  const { columns, values } = columnsAndValues(change.row);
  const source = guarded ? sql`SELECT ${values} WHERE ${guarded}` : sql`VALUES (${values})`;
  const conflict = change.onConflict ? sql` ON CONFLICT ${change.onConflict}` : sql``;
  return sql`INSERT INTO ${identifier(change.insert)} (${columns}) ${source}${conflict} RETURNING *`;
}

/** Why a part failed its row count, as the error says it. */
export function changeFailure(change: Change): string {
  return change.rows === undefined ? `${describeChange(change)} changed no row` : `${describeChange(change)} did not change exactly ${change.rows} rows`;
}

/** Whether a part changed the rows it must. */
export function changedEnough(change: Change, changed: number): boolean {
  return change.rows === undefined ? changed > 0 : changed === change.rows;
}

function describeChange(change: Change): string {
  if ('update' in change) return `UPDATE ${change.update}`;
  if ('delete' in change) return `DELETE FROM ${change.delete}`;
  return `INSERT INTO ${change.insert}`;
}
