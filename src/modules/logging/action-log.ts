import { Injectable } from '@nestjs/common';
import { KeyedRow } from '../../database/guarded-write';
import { insertIdempotent } from '../../database/idempotent-insert';
import { Sql } from '../../database/sql';
import { ActionLogEntry } from './significant-actions';

export const ACTION_LOG_TABLE = 'player_action_logs';

/**
 * Action-log rows. A change and its log rows go in one guarded write: `keyed()` gives the rows that
 * key it (a repeated key changes nothing); `record()` is for an action that changes nothing else.
 */
@Injectable()
export class ActionLog {
  constructor(private readonly sql: Sql) {}

  /** The keyed rows of a guarded write; the first entry's key names the intent. */
  keyed(entries: readonly ActionLogEntry[]): { table: string; rows: KeyedRow[] } {
    return { table: ACTION_LOG_TABLE, rows: entries.map(actionLogRow) };
  }

  /** One row on its own, in one statement; says whether it was new. */
  record(entry: ActionLogEntry): Promise<{ created: boolean }> {
    return insertIdempotent(this.sql, ACTION_LOG_TABLE, actionLogRow(entry));
  }
}

/** An entry as its `player_action_logs` row, for a write that logs beside another keyed row. */
export function actionLogRow(entry: ActionLogEntry): KeyedRow {
  return {
    idempotency_key: entry.idempotencyKey,
    discord_id: entry.discordId,
    action: entry.action,
    setting_name: entry.settingName ?? null,
    old_value: entry.oldValue ?? null,
    new_value: entry.newValue ?? null,
    changed_by: entry.changedBy,
    created_at: entry.at,
  };
}
