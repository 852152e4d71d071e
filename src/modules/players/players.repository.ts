import { Injectable } from '@nestjs/common';
import { readBoolean, readTime, Sql } from '../../database/sql';
import { ActionLog } from '../logging/action-log';
import { ActionLogEntry } from '../logging/significant-actions';
import { PlayerRecord, ProfileDetails, RatingRecord } from './player-record';

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

type Row = Record<string, unknown>;

/**
 * Every players statement. Each write is one round trip on PostgreSQL with its action-log rows, and
 * changes nothing when its idempotency key was used before (it then answers undefined).
 */
@Injectable()
export class PlayersRepository {
  constructor(
    private readonly sql: Sql,
    private readonly actionLog: ActionLog,
  ) {}

  async all(): Promise<PlayerRecord[]> {
    const rows = await this.sql.query<Row>({ text: 'SELECT * FROM players' });
    return rows.map(toPlayer);
  }

  /** One player as the database holds them: after a repeated write, so memory catches up. */
  async find(discordId: string): Promise<PlayerRecord | undefined> {
    const rows = await this.sql.query<Row>({ text: 'SELECT * FROM players WHERE discord_id = $1', params: [discordId] });
    return rows.map(toPlayer)[0];
  }

  /** Creates the record on a first answer; sets the terms flag, version and time. */
  async recordTerms(who: PlayerIdentity, terms: { accepted: boolean; version: string }, at: Date, log: ActionLogEntry[]): Promise<PlayerRecord | undefined> {
    const rows = await this.sql.writeOnce<Row>(
      {
        // A repeat always finds the row its first time created, so guarding the update is enough.
        text: `INSERT INTO players (discord_id, discord_username, terms_accepted, terms_version, terms_accepted_at, created_at, updated_at)
               VALUES ($1, $2, $3, $4, $5, $6, $6)
               ON CONFLICT (discord_id) DO UPDATE SET discord_username = excluded.discord_username, terms_accepted = excluded.terms_accepted,
                 terms_version = excluded.terms_version, terms_accepted_at = excluded.terms_accepted_at, updated_at = excluded.updated_at
               WHERE {{first}}
               RETURNING *`,
        params: [who.discordId, who.username, terms.accepted, terms.version, terms.accepted ? at : null, at],
      },
      this.actionLog.insert(log, 7),
    );
    return rows?.map(toPlayer)[0];
  }

  /** Writes the whole profile at once; the first completion time survives later edits. */
  async completeSetup(who: PlayerIdentity, values: SetupValues, at: Date, log: ActionLogEntry[]): Promise<PlayerRecord | undefined> {
    const rows = await this.sql.writeOnce<Row>(
      {
        text: `UPDATE players SET discord_username = $2, player_name = $3, battletag = $4, alt_player_name_1 = $5, alt_player_name_2 = $6,
                 country = $7, region = $8, setup_completed_at = COALESCE(setup_completed_at, $9), updated_at = $9
               WHERE discord_id = $1 AND {{first}} RETURNING *`,
        params: [who.discordId, who.username, values.playerName, values.battletag, values.altPlayerName1, values.altPlayerName2, values.country, values.region, at],
      },
      this.actionLog.insert(log, 10),
    );
    return rows?.map(toPlayer)[0];
  }

  async setCountry(who: PlayerIdentity, country: string, at: Date, log: ActionLogEntry[]): Promise<PlayerRecord | undefined> {
    const rows = await this.sql.writeOnce<Row>(
      {
        text: `UPDATE players SET discord_username = $2, country = $3, updated_at = $4 WHERE discord_id = $1 AND {{first}} RETURNING *`,
        params: [who.discordId, who.username, country, at],
      },
      this.actionLog.insert(log, 5),
    );
    return rows?.map(toPlayer)[0];
  }

  /** The player with ratings and preferences, in one statement (LEFT JOINs mapped here, the same on both databases). */
  async profile(discordId: string): Promise<(ProfileDetails & { player: PlayerRecord }) | undefined> {
    const rows = await this.sql.query<Row>({
      text: `SELECT p.*, r.race AS r_race, r.mmr AS r_mmr, r.games_played AS r_played, r.games_won AS r_won, r.games_lost AS r_lost,
                    r.games_drawn AS r_drawn, r.last_played_at AS r_last_played, pr.last_chosen_races AS pr_races, pr.last_chosen_vetoes AS pr_vetoes,
                    pr.player_id AS pr_player
             FROM players p
             LEFT JOIN mmrs_1v1 r ON r.player_id = p.id
             LEFT JOIN preferences_1v1 pr ON pr.player_id = p.id
             WHERE p.discord_id = $1
             ORDER BY r.race`,
      params: [discordId],
    });
    if (rows.length === 0) return undefined;
    const ratings: RatingRecord[] = rows
      .filter((row) => row.r_race !== null)
      .map((row) => ({
        race: String(row.r_race),
        mmr: Number(row.r_mmr),
        gamesPlayed: Number(row.r_played),
        gamesWon: Number(row.r_won),
        gamesLost: Number(row.r_lost),
        gamesDrawn: Number(row.r_drawn),
        lastPlayedAt: readTime(row.r_last_played),
      }));
    const first = rows[0];
    const preferences =
      first.pr_player === null ? null : { lastChosenRaces: parseList(first.pr_races), lastChosenVetoes: parseList(first.pr_vetoes) };
    return { player: toPlayer(first), ratings, preferences };
  }
}

function parseList(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  const parsed: unknown = JSON.parse(String(value));
  return Array.isArray(parsed) ? parsed.map(String) : [];
}

function text(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

function toPlayer(row: Row): PlayerRecord {
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
    createdAt: readTime(row.created_at) as Date,
    updatedAt: readTime(row.updated_at) as Date,
  };
}
