import { Row } from '../../database/guarded-write';
import { readTime } from '../../database/sql';

/** One row of the admin audit trail. */
export interface AdminActionRow {
  id: number;
  idempotencyKey: string;
  createdAt: Date;
  adminDiscordId: string;
  action: string;
  targetDiscordId: string | null;
  targetMatchId: number | null;
  oldValue: string | null;
  newValue: string | null;
  reason: string;
  details: unknown;
}

export function adminActionFromRow(row: Row): AdminActionRow {
  const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
  return {
    id: Number(row.id),
    idempotencyKey: String(row.idempotency_key),
    createdAt: readTime(row.created_at) as Date,
    adminDiscordId: String(row.admin_discord_id),
    action: String(row.action),
    targetDiscordId: text(row.target_discord_id),
    targetMatchId: row.target_match_id === null || row.target_match_id === undefined ? null : Number(row.target_match_id),
    oldValue: text(row.old_value),
    newValue: text(row.new_value),
    reason: String(row.reason),
    details: row.details === null || row.details === undefined ? null : JSON.parse(String(row.details)),
  };
}
