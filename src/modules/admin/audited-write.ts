import { Change, WriteOutcome } from '../../database/guarded-write';
import { Sql } from '../../database/sql';
import { SqlFragment } from '../../database/sql-fragment';
import { ACTION_LOG_TABLE, actionLogRow } from '../logging/action-log';
import { ActionLogEntry } from '../logging/significant-actions';

export const ADMIN_ACTIONS_TABLE = 'admin_actions';

/** The admin_actions row: who did what to which target, from what to what, and why. */
export interface AdminActionEntry {
  idempotencyKey: string;
  adminDiscordId: string;
  action: string;
  targetDiscordId?: string;
  targetMatchId?: number;
  oldValue: string | null;
  newValue: string | null;
  reason: string;
  at: Date;
}

/**
 * Every admin action's one statement: its effect, the `admin_actions` row keyed by the Confirm (a
 * double click applies once) and each affected player's log rows, guarded by the compare-and-set on
 * what the preview showed. The effect's changes come first, in order; the log rows after them.
 */
export function auditedWrite(
  sql: Sql,
  write: { current: SqlFragment; precondition: SqlFragment; audit: AdminActionEntry; logs: readonly ActionLogEntry[]; changes: readonly Change[] },
): Promise<WriteOutcome> {
  return sql.write({
    current: write.current,
    precondition: write.precondition,
    keyed: { table: ADMIN_ACTIONS_TABLE, rows: [auditRow(write.audit)] },
    changes: [...write.changes, ...write.logs.map((entry) => ({ insert: ACTION_LOG_TABLE, row: actionLogRow(entry), rows: 1 }))],
  });
}

function auditRow(entry: AdminActionEntry) {
  return {
    idempotency_key: entry.idempotencyKey,
    admin_discord_id: entry.adminDiscordId,
    action: entry.action,
    target_discord_id: entry.targetDiscordId ?? null,
    target_match_id: entry.targetMatchId ?? null,
    old_value: entry.oldValue,
    new_value: entry.newValue,
    reason: entry.reason,
    created_at: entry.at,
  };
}
