import { readTime } from '../../database/sql';
import { RatingRecord } from './player-record';

/** A `mmrs_1v1` row as a write or a load returns it: the rating with its row id and its player. */
export type RatingRow = RatingRecord & { id: number; playerId: number };

export function ratingFromRow(row: Record<string, unknown>): RatingRow {
  return {
    id: Number(row.id),
    playerId: Number(row.player_id),
    race: String(row.race),
    mmr: Number(row.mmr),
    gamesPlayed: Number(row.games_played),
    gamesWon: Number(row.games_won),
    gamesLost: Number(row.games_lost),
    gamesDrawn: Number(row.games_drawn),
    lastPlayedAt: readTime(row.last_played_at),
  };
}
