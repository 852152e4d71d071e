import type { AdminActionRow } from '../../admin/admin-action-row';
import { MatchRecord } from '../../matches/match-record';
import { PlayerRecord, RatingRecord } from '../../players/player-record';
import { RatingRow } from '../../players/rating-row';
import { QueuedPlayer } from '../../queue/queued-player';

/** A `player_action_logs` row. */
export interface LogRow {
  id: number;
  idempotencyKey: string;
  discordId: string;
  action: string;
  settingName: string | null;
  oldValue: string | null;
  newValue: string | null;
  changedBy: string;
  createdAt: Date;
}

/** An `admin_actions` row. */
export type AuditRow = AdminActionRow;

/** Everything the database holds of the ladder, read at one moment. */
export interface LadderSnapshot {
  players: PlayerRecord[];
  ratings: RatingRow[];
  matches: MatchRecord[];
  queue: QueuedPlayer[];
  /** In insertion order. */
  logs: LogRow[];
  audits: AuditRow[];
}

/** One rating of the ranked pool as memory holds it. */
export interface RankedEntry {
  id: number;
  playerId: number;
  race: string;
  rating: number;
  gamesPlayed: number;
  wins: number;
  losses: number;
  lastPlayedAt: Date | null;
}

/** What the bot holds in memory of the same ladder. */
export interface LadderMemory {
  players: PlayerRecord[];
  /** Players memory is reading again after a write of unknown outcome: not compared until it has. */
  rereading: string[];
  queue: QueuedPlayer[];
  openMatches: MatchRecord[];
  /** Ratings kept for /profile and /history, per player loaded so far. */
  keptRatings: Array<{ discordId: string; ratings: RatingRecord[] }>;
  rankedPool: RankedEntry[];
  /** The ranked window's start: ratings last played since then belong in the pool. */
  rankedSince: Date;
}
