import { PlayerActivity } from '../../common/player-status/player-status';
import { readBoolean, readTime } from '../../database/sql';
import { PlayerRecord } from './player-record';

function text(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** A players row as either database returns it (guarded writes' rows travel as JSON on PostgreSQL). */
export function playerFromRow(row: Record<string, unknown>): PlayerRecord {
  return {
    id: Number(row.id),
    discordId: String(row.discord_id),
    discordUsername: String(row.discord_username),
    playerName: text(row.player_name),
    battletag: text(row.battletag),
    altPlayerName1: text(row.alt_player_name_1),
    altPlayerName2: text(row.alt_player_name_2),
    country: text(row.country),
    region: text(row.region),
    termsAccepted: readBoolean(row.terms_accepted),
    termsVersion: text(row.terms_version),
    termsAcceptedAt: readTime(row.terms_accepted_at),
    setupCompletedAt: readTime(row.setup_completed_at),
    banned: readBoolean(row.banned),
    abortsMonth: text(row.aborts_month),
    abortsUsed: Number(row.aborts_used),
    rev: Number(row.rev),
    activity: activityOf(row.activity),
    activityAt: readTime(row.activity_at),
    currentMatchId: row.current_match_id === null || row.current_match_id === undefined ? null : Number(row.current_match_id),
    version: Number(row.version),
    createdAt: readTime(row.created_at) as Date,
    updatedAt: readTime(row.updated_at) as Date,
  };
}

function activityOf(value: unknown): PlayerActivity {
  if (value === 'queued' || value === 'in_match') return value;
  return 'idle';
}
