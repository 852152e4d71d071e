import { Injectable } from '@nestjs/common';
import { insertIdempotent, ON_REPEATED_KEY } from '../../database/idempotent-insert';
import { Sql, Statement } from '../../database/sql';
import { ActionLogEntry } from './significant-actions';

const COLUMN_NAMES = 'idempotency_key, discord_id, action, setting_name, old_value, new_value, changed_by, created_at';

/**
 * Writes action-log rows. A change and its log rows go in one statement: `insert()` gives the INSERT
 * for a repository to put beside its change (inside a PostgreSQL CTE, or in the same SQLite
 * transaction); `record()` is for an action that changes nothing else.
 */
@Injectable()
export class ActionLog {
  constructor(private readonly sql: Sql) {}

  /** The INSERT of `entries`, numbering its placeholders from `$firstParam`; a repeated key inserts nothing. */
  insert(entries: readonly ActionLogEntry[], firstParam = 1): Statement {
    const params: unknown[] = [];
    const rows = entries.map((entry) => {
      const placeholders = Object.values(columnsOf(entry)).map((value) => {
        params.push(value);
        return `$${firstParam + params.length - 1}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    return {
      text: `INSERT INTO player_action_logs (${COLUMN_NAMES}) VALUES ${rows.join(', ')} ${ON_REPEATED_KEY}`,
      params,
    };
  }

  /** One row on its own, in one statement; says whether it was new. */
  record(entry: ActionLogEntry): Promise<{ created: boolean }> {
    return insertIdempotent(this.sql, 'player_action_logs', columnsOf(entry));
  }
}

function columnsOf(entry: ActionLogEntry) {
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
