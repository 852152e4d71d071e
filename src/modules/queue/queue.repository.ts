import { Injectable } from '@nestjs/common';
import { Change, Row, WriteStatus } from '../../database/guarded-write';
import { readTime, Sql } from '../../database/sql';
import { sql, SqlFragment } from '../../database/sql-fragment';
import { ActionLog } from '../logging/action-log';
import { ActionLogEntry } from '../logging/significant-actions';
import { BwRace, Sc2Race } from '../matches/domain/queue-entry';
import { PlayerRecord } from '../players/player-record';
import { playerFromRow } from '../players/player-row';
import { PlayerIdentity } from '../players/players.repository';
import { QueueSelection, racesOf } from './domain/queue-selection';
import { QueuedPlayer } from './queued-player';

export const QUEUE_TABLE = 'queue_entries_1v1';

export interface JoinRequest {
  who: PlayerIdentity;
  playerId: number;
  /** The player row's version the Join was shown at. */
  version: number;
  selection: QueueSelection;
  /** What a race brings before its first game. */
  initialRating: number;
  at: Date;
  log: ActionLogEntry;
}

/** A queue write as it ended: the player as written (or as they stand), and the entry it added or removed. */
export interface QueueWrite {
  status: WriteStatus;
  player: PlayerRecord | undefined;
  entry?: QueuedPlayer;
}

/** Every queue statement; each write is one guarded write, the entry and the player's state together. */
@Injectable()
export class QueueRepository {
  constructor(
    private readonly sql: Sql,
    private readonly actionLog: ActionLog,
  ) {}

  async entries(): Promise<QueuedPlayer[]> {
    const rows = await this.sql.queryUnbounded(sql`SELECT q.*, p.discord_id FROM queue_entries_1v1 q JOIN players p ON p.id = q.player_id`);
    return rows.map((row) => entryFromRow(row, String(row.discord_id)));
  }

  async preferences(): Promise<Array<{ playerId: number; races: string[]; vetoes: string[] }>> {
    const rows = await this.sql.queryUnbounded(sql`SELECT player_id, last_chosen_races, last_chosen_vetoes FROM preferences_1v1`);
    return rows.map((row) => ({ playerId: Number(row.player_id), races: parseList(row.last_chosen_races), vetoes: parseList(row.last_chosen_vetoes) }));
  }

  /** Last write wins by time, so of two saves that cross on the way, the older does not stay. */
  async savePreferences(playerId: number, preferences: { races: string[]; vetoes: string[] }, at: Date): Promise<void> {
    const { races, vetoes } = preferences;
    await this.sql.query(sql`INSERT INTO preferences_1v1 (player_id, last_chosen_races, last_chosen_vetoes, updated_at)
      VALUES (${playerId}, ${JSON.stringify(races)}, ${JSON.stringify(vetoes)}, ${at})
      ON CONFLICT (player_id) DO UPDATE SET last_chosen_races = excluded.last_chosen_races, last_chosen_vetoes = excluded.last_chosen_vetoes,
        updated_at = excluded.updated_at
      WHERE preferences_1v1.updated_at <= excluded.updated_at`);
  }

  /** The entry, the player idle -> queued at the version shown, the log row and the preferences: one statement. */
  async join(request: JoinRequest): Promise<QueueWrite> {
    const { who, playerId, selection, at } = request;
    const rating = (race: string | undefined) =>
      race === undefined ? null : sql`COALESCE((SELECT mmr FROM mmrs_1v1 WHERE player_id = ${playerId} AND race = ${race}), ${request.initialRating})`;
    const outcome = await this.sql.write({
      current: sql`SELECT * FROM players WHERE discord_id = ${who.discordId}`,
      precondition: sql`(SELECT version FROM current) = ${request.version} AND (SELECT activity FROM current) = 'idle'`,
      keyed: this.actionLog.keyed([request.log]),
      changes: [
        {
          insert: QUEUE_TABLE,
          row: {
            player_id: playerId,
            bw_race: selection.bw ?? null,
            bw_mmr: rating(selection.bw),
            sc2_race: selection.sc2 ?? null,
            sc2_mmr: rating(selection.sc2),
            vetoes: JSON.stringify(selection.vetoes),
            joined_at: at,
          },
        },
        {
          update: 'players',
          set: sql`discord_username = ${who.username}, activity = 'queued', activity_at = ${at}, current_match_id = NULL, updated_at = ${at}, version = version + 1`,
          where: sql`discord_id = ${who.discordId} AND activity = 'idle'`,
        },
        {
          insert: 'preferences_1v1',
          row: { player_id: playerId, last_chosen_races: JSON.stringify(racesOf(selection)), last_chosen_vetoes: JSON.stringify(selection.vetoes), updated_at: at },
          onConflict: sql`(player_id) DO UPDATE SET last_chosen_races = excluded.last_chosen_races, last_chosen_vetoes = excluded.last_chosen_vetoes,
            updated_at = excluded.updated_at`,
        },
      ],
    });
    if (outcome.status !== 'applied') return { status: outcome.status, player: outcome.current.map(playerFromRow)[0] };
    return { status: 'applied', entry: entryFromRow(outcome.changed[0][0], who.discordId), player: playerFromRow(outcome.changed[1][0]) };
  }

  /** The entry removed and the player queued -> idle, in one statement; leaving is not logged. */
  async leave(who: PlayerIdentity, at: Date): Promise<QueueWrite> {
    const outcome = await this.sql.write({
      current: sql`SELECT * FROM players WHERE discord_id = ${who.discordId}`,
      precondition: sql`(SELECT activity FROM current) = 'queued'`,
      changes: [
        ...this.leaveChanges(sql`(SELECT id FROM players WHERE discord_id = ${who.discordId})`),
        {
          update: 'players',
          set: sql`activity = 'idle', activity_at = NULL, updated_at = ${at}, version = version + 1`,
          where: sql`discord_id = ${who.discordId} AND activity = 'queued'`,
        },
      ],
    });
    if (outcome.status !== 'applied') return { status: outcome.status, player: outcome.current.map(playerFromRow)[0] };
    return { status: 'applied', entry: entryFromRow(outcome.changed[0][0], who.discordId), player: playerFromRow(outcome.changed[1][0]) };
  }

  /** The part of another write (terms declined) that takes a queued player out of the queue. */
  leaveChanges(playerId: number | SqlFragment): Change[] {
    return [{ delete: QUEUE_TABLE, where: sql`player_id = ${playerId}` }];
  }

  /** One player's entry as the database holds it, after a write whose outcome memory did not see. */
  async entry(discordId: string): Promise<QueuedPlayer | undefined> {
    const rows = await this.sql.query(sql`SELECT q.*, p.discord_id FROM queue_entries_1v1 q JOIN players p ON p.id = q.player_id WHERE p.discord_id = ${discordId}`);
    return rows.map((row) => entryFromRow(row, discordId))[0];
  }
}

export function entryFromRow(row: Row, discordId: string): QueuedPlayer {
  const entry: QueuedPlayer = { discordId, playerId: Number(row.player_id), vetoes: parseList(row.vetoes), joinedAt: readTime(row.joined_at) as Date };
  if (row.bw_race !== null && row.bw_race !== undefined) entry.bw = { race: String(row.bw_race) as BwRace, rating: Number(row.bw_mmr) };
  if (row.sc2_race !== null && row.sc2_race !== undefined) entry.sc2 = { race: String(row.sc2_race) as Sc2Race, rating: Number(row.sc2_mmr) };
  return entry;
}

function parseList(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  const parsed: unknown = JSON.parse(String(value));
  return Array.isArray(parsed) ? parsed.map(String) : [];
}
