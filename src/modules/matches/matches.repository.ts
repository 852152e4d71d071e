import { Injectable } from '@nestjs/common';
import { intentRow, WriteStatus } from '../../database/guarded-write';
import { Sql } from '../../database/sql';
import { sql } from '../../database/sql-fragment';
import { PlayerRecord } from '../players/player-record';
import { playerFromRow } from '../players/player-row';
import { QUEUE_TABLE } from '../queue/queue.repository';
import { MatchRecord, matchFromRow, MatchStatus } from './match-record';

export interface MatchSide {
  playerId: number;
  race: string;
  rating: number;
}

export interface NewMatch {
  /** `<wave id>:<player 1>:<player 2>`: a second proposal of the same pairing in that wave is a no-op. */
  idempotencyKey: string;
  player1: MatchSide;
  player2: MatchSide;
  mapCode: string;
  serverCode: string;
  at: Date;
  confirmDeadline: Date;
}

/** A creation as it ended: the match when it was created, and both players as they stand. */
export interface MatchCreation {
  status: WriteStatus;
  match?: MatchRecord;
  players: PlayerRecord[];
}

const AWAITING_CONFIRMATION: MatchStatus = 'awaiting_confirmation';

@Injectable()
export class MatchesRepository {
  constructor(private readonly sql: Sql) {}

  /**
   * One statement: the match row, both players queued -> in_match by compare-and-set, and both queue
   * entries removed; if either player is no longer queued, nothing at all is written.
   */
  async create(match: NewMatch): Promise<MatchCreation> {
    const ids = [match.player1.playerId, match.player2.playerId];
    const outcome = await this.sql.write({
      current: sql`SELECT * FROM players WHERE id IN (${ids[0]}, ${ids[1]}) ORDER BY id`,
      precondition: sql`(SELECT count(*) FROM current WHERE activity = 'queued') = 2`,
      keyed: {
        table: 'matches_1v1',
        rows: [
          {
            idempotency_key: match.idempotencyKey,
            player_1_id: match.player1.playerId,
            player_2_id: match.player2.playerId,
            player_1_race: match.player1.race,
            player_2_race: match.player2.race,
            player_1_mmr: match.player1.rating,
            player_2_mmr: match.player2.rating,
            map_code: match.mapCode,
            server_code: match.serverCode,
            status: AWAITING_CONFIRMATION,
            confirm_deadline: match.confirmDeadline,
            created_at: match.at,
            updated_at: match.at,
          },
        ],
      },
      changes: [
        {
          update: 'players',
          set: sql`activity = 'in_match', activity_at = ${match.at}, current_match_id = ${intentRow('id')}, updated_at = ${match.at}, version = version + 1`,
          where: sql`id IN (${ids[0]}, ${ids[1]}) AND activity = 'queued'`,
          rows: 2,
        },
        { delete: QUEUE_TABLE, where: sql`player_id IN (${ids[0]}, ${ids[1]})`, rows: 2 },
      ],
    });
    if (outcome.status !== 'applied') return { status: outcome.status, players: outcome.current.map(playerFromRow) };
    return { status: 'applied', match: matchFromRow(outcome.keyed[0]), players: outcome.changed[0].map(playerFromRow) };
  }
}
