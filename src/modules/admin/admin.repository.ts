import { Injectable } from '@nestjs/common';
import { Change, WriteStatus } from '../../database/guarded-write';
import { Sql } from '../../database/sql';
import { sql } from '../../database/sql-fragment';
import { ActionLogEntry } from '../logging/significant-actions';
import { MatchResult } from '../matches/domain/reports';
import { MatchRecord, matchFromRow } from '../matches/match-record';
import { PlayerRecord } from '../players/player-record';
import { playerFromRow } from '../players/player-row';
import { ratingFromRow, RatingRow } from '../players/rating-row';
import { movesAnything, Resolution, ResolvableStatus, SideResolution } from './domain/resolution';
import { AdminActionEntry, auditedWrite } from './audited-write';
import { adminActionFromRow, AdminActionRow } from './admin-action-row';

/** How the match stood when the admin saw the preview: the Confirm acts on exactly that. */
export interface PreviewedState {
  status: ResolvableStatus;
  result: MatchResult | null;
  reportRevs: number;
}

export interface ResolveRequest {
  match: MatchRecord;
  previewed: PreviewedState;
  resolution: Resolution;
  audit: AdminActionEntry;
  logs: ActionLogEntry[];
  /** When the game was played, for a rating row that now counts it. */
  playedAt: Date;
}

export interface ResolveWrite {
  status: WriteStatus;
  match: MatchRecord | undefined;
  players: PlayerRecord[];
  ratings: RatingRow[];
}

@Injectable()
export class AdminRepository {
  constructor(private readonly sql: Sql) {}

  /** The newest `limit` admin actions, those before the id `before` when given. */
  async actions(limit: number, before?: number): Promise<AdminActionRow[]> {
    const older = before === undefined ? sql`` : sql`WHERE id < ${before}`;
    const rows = await this.sql.query(sql`SELECT * FROM admin_actions ${older} ORDER BY id DESC LIMIT ${limit}`);
    return rows.map(adminActionFromRow);
  }

  async match(matchId: number): Promise<MatchRecord | undefined> {
    const [row] = await this.sql.query(sql`SELECT * FROM matches_1v1 WHERE id = ${matchId}`);
    return row && matchFromRow(row);
  }

  /**
   * One statement: the match's new state, each rating row moved by the difference from what the match
   * applied, the players freed when the match was still being played, the audit row (keyed by the
   * intent) and each player's log rows; a compare-and-set on the match as the preview showed it.
   */
  async resolve(request: ResolveRequest): Promise<ResolveWrite> {
    const { match, previewed, resolution, audit } = request;
    const at = audit.at;
    const rated = ([1, 2] as const).filter((side) => movesAnything(this.sideOf(resolution, side).delta));
    const changes: Change[] = [
      {
        update: 'matches_1v1',
        set: sql`status = ${resolution.status}, result = ${resolution.result}, player_1_mmr_change = ${resolution.player1.target.change},
          player_2_mmr_change = ${resolution.player2.target.change},
          completed_at = ${resolution.status === 'completed' ? sql`COALESCE(completed_at, ${at})` : sql`NULL`}, resolved_by = ${audit.adminDiscordId}, updated_at = ${at}`,
        where: sql`id = ${match.id}`,
        rows: 1,
      },
      ...rated.map((side) => this.ratingChange(match, side, this.sideOf(resolution, side), request.playedAt, at)),
      ...(previewed.status === 'confirmed'
        ? [
            {
              update: 'players',
              set: sql`activity = 'idle', activity_at = NULL, current_match_id = NULL, updated_at = ${at}, version = version + 1`,
              where: sql`current_match_id = ${match.id} AND activity = 'in_match'`,
              rows: 2,
            },
          ]
        : []),
    ];
    const outcome = await auditedWrite(this.sql, {
      current: sql`SELECT * FROM matches_1v1 WHERE id = ${match.id}`,
      precondition: sql`(SELECT status FROM current) = ${previewed.status} AND COALESCE((SELECT result FROM current), 'none') = ${previewed.result ?? 'none'}
        AND (SELECT player_1_report_rev + player_2_report_rev FROM current) = ${previewed.reportRevs}`,
      audit,
      logs: request.logs,
      changes,
    });
    if (outcome.status !== 'applied') return { status: outcome.status, match: outcome.current.map(matchFromRow)[0], players: [], ratings: [] };
    const [matches, ...rest] = outcome.changed;
    return {
      status: 'applied',
      match: matchFromRow(matches[0]),
      ratings: rest.slice(0, rated.length).flat().map(ratingFromRow),
      players: previewed.status === 'confirmed' ? rest[rated.length].map(playerFromRow) : [],
    };
  }

  private sideOf(resolution: Resolution, side: 1 | 2): SideResolution {
    return side === 1 ? resolution.player1 : resolution.player2;
  }

  /** The row as the match's target leaves it when it has none yet, else moved by the difference. */
  private ratingChange(match: MatchRecord, side: 1 | 2, resolved: SideResolution, playedAt: Date, at: Date): Change {
    const { target, delta } = resolved;
    const lastPlayed =
      delta.played > 0
        ? sql`CASE WHEN mmrs_1v1.last_played_at IS NULL OR mmrs_1v1.last_played_at < excluded.last_played_at THEN excluded.last_played_at ELSE mmrs_1v1.last_played_at END`
        : sql`mmrs_1v1.last_played_at`;
    return {
      insert: 'mmrs_1v1',
      row: {
        player_id: side === 1 ? match.player1Id : match.player2Id,
        race: side === 1 ? match.player1Race : match.player2Race,
        mmr: (side === 1 ? match.player1Rating : match.player2Rating) + target.change,
        games_played: target.played,
        games_won: target.won,
        games_lost: target.lost,
        games_drawn: target.drawn,
        last_played_at: playedAt,
        created_at: at,
        updated_at: at,
      },
      onConflict: sql`(player_id, race) DO UPDATE SET mmr = mmrs_1v1.mmr + ${delta.change}, games_played = mmrs_1v1.games_played + ${delta.played},
        games_won = mmrs_1v1.games_won + ${delta.won}, games_lost = mmrs_1v1.games_lost + ${delta.lost}, games_drawn = mmrs_1v1.games_drawn + ${delta.drawn},
        last_played_at = ${lastPlayed}, updated_at = excluded.updated_at`,
    };
  }
}
