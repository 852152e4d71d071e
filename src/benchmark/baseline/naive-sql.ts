import { Injectable } from '@nestjs/common';
import { Change, GuardedWrite, WriteOutcome } from '../../database/guarded-write';
import { insertIdempotent } from '../../database/idempotent-insert';
import { Sql } from '../../database/sql';
import { ACTION_LOG_TABLE } from '../../modules/logging/action-log';

/**
 * The benchmark's "before": a write sends its action-log rows as statements of their own, one each,
 * after the change (the first log row stays in the write: it keys it).
 */
@Injectable()
export class NaiveSql extends Sql {
  override async write(write: GuardedWrite): Promise<WriteOutcome> {
    const logKeyed = write.keyed?.table === ACTION_LOG_TABLE;
    const laterKeyed = logKeyed ? write.keyed!.rows.slice(1) : [];
    const logChanges = write.changes.filter(isLogInsert);
    const kept: GuardedWrite = {
      ...write,
      keyed: write.keyed && { table: write.keyed.table, rows: logKeyed ? write.keyed.rows.slice(0, 1) : write.keyed.rows },
      changes: write.changes.filter((change) => !isLogInsert(change)),
    };
    const outcome = await super.write(kept);
    if (outcome.status !== 'applied') return outcome;
    for (const row of laterKeyed) await insertIdempotent(this, ACTION_LOG_TABLE, row);
    const logged: Array<Record<string, unknown>[]> = [];
    for (const change of logChanges) {
      await insertIdempotent(this, ACTION_LOG_TABLE, change.row as never);
      logged.push([change.row]);
    }
    return { ...outcome, changed: [...outcome.changed, ...logged] };
  }
}

function isLogInsert(change: Change): change is Change & { insert: string; row: Record<string, unknown> } {
  return 'insert' in change && change.insert === ACTION_LOG_TABLE;
}
