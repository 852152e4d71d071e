import { Injectable } from '@nestjs/common';
import { Change, WriteStatus } from '../../database/guarded-write';
import { readTime, Sql } from '../../database/sql';
import { sql } from '../../database/sql-fragment';
import { ActionLog } from '../logging/action-log';
import { PlayerActivity } from '../../common/player-status/player-status';
import { ActionLogEntry } from '../logging/significant-actions';
import { PlayedMatch, PlayerRecord, ProfileDetails, RatingRecord } from './player-record';
import { playerFromRow } from './player-row';

export interface PlayerIdentity {
  discordId: string;
  /** Refreshed inside every write. */
  username: string;
}

export interface SetupValues {
  playerName: string;
  battletag: string;
  altPlayerName1: string | null;
  altPlayerName2: string | null;
  country: string;
  region: string;
}

/** A players write as it ended: the player as written, or as the database holds them when it changed nothing. */
export interface PlayerWrite {
  status: WriteStatus;
  player: PlayerRecord | undefined;
}

/**
 * Every players statement. Each write is one guarded write (one round trip on PostgreSQL) with its
 * action-log rows, a compare-and-set on the player's settings revision `rev`, which it bumps.
 */
@Injectable()
export class PlayersRepository {
  constructor(
    private readonly sql: Sql,
    private readonly actionLog: ActionLog,
  ) {}

  async all(): Promise<PlayerRecord[]> {
    const rows = await this.sql.queryUnbounded(sql`SELECT * FROM players`);
    return rows.map(playerFromRow);
  }

  /** One player as the database holds them, or undefined. */
  async find(discordId: string): Promise<PlayerRecord | undefined> {
    const rows = await this.sql.query(sql`SELECT * FROM players WHERE discord_id = ${discordId}`);
    return rows.map(playerFromRow)[0];
  }

  /**
   * Creates the record on a first answer (revision 0 means no record yet); sets the terms flag, version
   * and time. A decline takes a queued player out of the queue in the same statement (`leaving`: the
   * queue's own parts), and is refused for a player in a match: `activity` is what the answer expects.
   */
  recordTerms(
    who: PlayerIdentity,
    terms: { accepted: boolean; version: string },
    expected: { rev: number; activity: PlayerActivity; leaving: Change[] },
    at: Date,
    log: ActionLogEntry[],
  ): Promise<PlayerWrite> {
    const { rev, leaving } = expected;
    const row = {
      discord_id: who.discordId,
      discord_username: who.username,
      terms_accepted: terms.accepted,
      terms_version: terms.version,
      terms_accepted_at: terms.accepted ? at : null,
      rev: 1,
      version: 1,
      created_at: at,
      updated_at: at,
    };
    return this.settingsWrite(who, rev, log, {
      insert: 'players',
      row,
      // The revision is checked here too: two first answers racing both find no row to lock.
      onConflict: sql`(discord_id) DO UPDATE SET discord_username = excluded.discord_username, terms_accepted = excluded.terms_accepted,
        terms_version = excluded.terms_version, terms_accepted_at = excluded.terms_accepted_at, updated_at = excluded.updated_at,
        rev = players.rev + 1, version = players.version + 1${leaving.length > 0 ? sql`, activity = 'idle', activity_at = NULL` : sql``}
        WHERE players.rev = ${rev}`,
    }, sql` AND COALESCE((SELECT activity FROM current), 'idle') = ${expected.activity}`, leaving);
  }

  /** Writes the whole profile at once; the first completion time survives later edits. */
  completeSetup(who: PlayerIdentity, values: SetupValues, rev: number, at: Date, log: ActionLogEntry[]): Promise<PlayerWrite> {
    return this.settingsWrite(who, rev, log, {
      update: 'players',
      set: sql`discord_username = ${who.username}, player_name = ${values.playerName}, battletag = ${values.battletag},
        alt_player_name_1 = ${values.altPlayerName1}, alt_player_name_2 = ${values.altPlayerName2}, country = ${values.country},
        region = ${values.region}, setup_completed_at = COALESCE(setup_completed_at, ${at}), updated_at = ${at}, rev = rev + 1, version = version + 1`,
      where: sql`discord_id = ${who.discordId}`,
    });
  }

  setCountry(who: PlayerIdentity, country: string, rev: number, at: Date, log: ActionLogEntry[]): Promise<PlayerWrite> {
    return this.settingsWrite(who, rev, log, {
      update: 'players',
      set: sql`discord_username = ${who.username}, country = ${country}, updated_at = ${at}, rev = rev + 1, version = version + 1`,
      where: sql`discord_id = ${who.discordId}`,
    });
  }

  private async settingsWrite(who: PlayerIdentity, rev: number, log: ActionLogEntry[], change: Change, alsoExpected = sql``, more: Change[] = []): Promise<PlayerWrite> {
    const outcome = await this.sql.write({
      current: sql`SELECT * FROM players WHERE discord_id = ${who.discordId}`,
      precondition: sql`COALESCE((SELECT rev FROM current), 0) = ${rev}${alsoExpected}`,
      keyed: this.actionLog.keyed(log),
      changes: [change, ...more],
    });
    const rows = outcome.status === 'applied' ? outcome.rows : outcome.current;
    return { status: outcome.status, player: rows.map(playerFromRow)[0] };
  }

  /**
   * The player with their ratings and completed matches, in one statement: a rating row per race, then
   * a row per match, sharing one column list (UNION ALL, the same on both databases).
   */
  async profile(discordId: string): Promise<(ProfileDetails & { player: PlayerRecord }) | undefined> {
    const rows = await this.sql.query(
      sql`SELECT p.*, r.race AS r_race, r.mmr AS r_mmr, r.games_played AS r_played, r.games_won AS r_won, r.games_lost AS r_lost,
                    r.games_drawn AS r_drawn, r.last_played_at AS r_last_played, NULL AS m_id, NULL AS m_completed, NULL AS m_p1, NULL AS m_p2,
                    NULL AS m_r1, NULL AS m_r2, NULL AS m_mmr1, NULL AS m_mmr2, NULL AS m_c1, NULL AS m_c2, NULL AS m_map, NULL AS m_result
             FROM players p
             LEFT JOIN mmrs_1v1 r ON r.player_id = p.id
             WHERE p.discord_id = ${discordId}
           UNION ALL
           SELECT p.*, NULL, NULL, NULL, NULL, NULL, NULL, NULL, m.id, m.completed_at, m.player_1_id, m.player_2_id, m.player_1_race, m.player_2_race,
                    m.player_1_mmr, m.player_2_mmr, m.player_1_mmr_change, m.player_2_mmr_change, m.map_code, m.result
             FROM players p
             JOIN matches_1v1 m ON (m.player_1_id = p.id OR m.player_2_id = p.id) AND m.status = 'completed'
             WHERE p.discord_id = ${discordId}`,
    );
    if (rows.length === 0) return undefined;
    const player = playerFromRow(rows[0]);
    const matches = rows
      .filter((row) => row.m_id !== null && row.m_id !== undefined)
      .map((row) => playedFromRow(row, player.id))
      .sort((a, b) => b.completedAt.getTime() - a.completedAt.getTime() || b.matchId - a.matchId);
    const ratings: RatingRecord[] = rows
      .filter((row) => row.r_race !== null && row.r_race !== undefined)
      .map((row) => ({
        race: String(row.r_race),
        mmr: Number(row.r_mmr),
        gamesPlayed: Number(row.r_played),
        gamesWon: Number(row.r_won),
        gamesLost: Number(row.r_lost),
        gamesDrawn: Number(row.r_drawn),
        lastPlayedAt: readTime(row.r_last_played),
      }));
    return { player, ratings: ratings.sort((a, b) => a.race.localeCompare(b.race)), matches };
  }
}


/** A completed match row from the player's side. */
function playedFromRow(row: Record<string, unknown>, playerId: number): PlayedMatch {
  const side = Number(row.m_p1) === playerId ? 1 : 2;
  const result = String(row.m_result);
  const outcome = result === 'draw' ? 'draw' : (result === 'player_1') === (side === 1) ? 'won' : 'lost';
  return {
    matchId: Number(row.m_id),
    completedAt: readTime(row.m_completed) as Date,
    race: String(side === 1 ? row.m_r1 : row.m_r2),
    rating: Number(side === 1 ? row.m_mmr1 : row.m_mmr2),
    opponentId: Number(side === 1 ? row.m_p2 : row.m_p1),
    opponentRace: String(side === 1 ? row.m_r2 : row.m_r1),
    mapCode: String(row.m_map),
    outcome,
    change: Number(side === 1 ? row.m_c1 : row.m_c2),
  };
}
