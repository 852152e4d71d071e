import { Injectable } from '@nestjs/common';
import { Row } from '../../database/guarded-write';
import { readTime, Sql } from '../../database/sql';
import { sql } from '../../database/sql-fragment';
import { adminActionFromRow } from '../admin/admin-action-row';
import { matchFromRow } from '../matches/match-record';
import { playerFromRow } from '../players/player-row';
import { ratingFromRow } from '../players/rating-row';
import { entryFromRow } from '../queue/queue.repository';
import { LadderSnapshot, LogRow } from './domain/ladder-snapshot';

/** The whole ladder as the database holds it: one statement per table, read on an admin's request. */
@Injectable()
export class AuditRepository {
  constructor(private readonly sql: Sql) {}

  async snapshot(): Promise<LadderSnapshot> {
    const players = await this.sql.queryUnbounded(sql`SELECT * FROM players ORDER BY id`);
    const ratings = await this.sql.queryUnbounded(sql`SELECT * FROM mmrs_1v1 ORDER BY id`);
    const matches = await this.sql.queryUnbounded(sql`SELECT * FROM matches_1v1 ORDER BY id`);
    const queue = await this.sql.queryUnbounded(sql`SELECT q.*, p.discord_id FROM queue_entries_1v1 q JOIN players p ON p.id = q.player_id`);
    const logs = await this.sql.queryUnbounded(sql`SELECT * FROM player_action_logs ORDER BY id`);
    const audits = await this.sql.queryUnbounded(sql`SELECT * FROM admin_actions ORDER BY id`);
    return {
      players: players.map(playerFromRow),
      ratings: ratings.map(ratingFromRow),
      matches: matches.map(matchFromRow),
      queue: queue.map((row) => entryFromRow(row, String(row.discord_id))),
      logs: logs.map(logFromRow),
      audits: audits.map(adminActionFromRow),
    };
  }
}

const text = (value: unknown) => (value === null || value === undefined ? null : String(value));

function logFromRow(row: Row): LogRow {
  return {
    id: Number(row.id),
    idempotencyKey: String(row.idempotency_key),
    discordId: String(row.discord_id),
    action: String(row.action),
    settingName: text(row.setting_name),
    oldValue: text(row.old_value),
    newValue: text(row.new_value),
    changedBy: String(row.changed_by),
    createdAt: readTime(row.created_at) as Date,
  };
}
