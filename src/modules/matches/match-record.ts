import { Row } from '../../database/guarded-write';
import { readTime } from '../../database/sql';

export type MatchStatus = 'awaiting_confirmation';

/** A match row as the bot handles it; player 1 is the Brood War side, player 2 the StarCraft II side. */
export interface MatchRecord {
  id: number;
  player1Id: number;
  player2Id: number;
  player1Race: string;
  player2Race: string;
  player1Rating: number;
  player2Rating: number;
  mapCode: string;
  serverCode: string;
  status: string;
  confirmDeadline: Date;
  createdAt: Date;
}

export function matchFromRow(row: Row): MatchRecord {
  return {
    id: Number(row.id),
    player1Id: Number(row.player_1_id),
    player2Id: Number(row.player_2_id),
    player1Race: String(row.player_1_race),
    player2Race: String(row.player_2_race),
    player1Rating: Number(row.player_1_mmr),
    player2Rating: Number(row.player_2_mmr),
    mapCode: String(row.map_code),
    serverCode: String(row.server_code),
    status: String(row.status),
    confirmDeadline: readTime(row.confirm_deadline) as Date,
    createdAt: readTime(row.created_at) as Date,
  };
}
