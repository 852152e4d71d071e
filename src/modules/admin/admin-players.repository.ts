import { Injectable } from '@nestjs/common';
import { Change, Row, WriteStatus } from '../../database/guarded-write';
import { Sql } from '../../database/sql';
import { join, sql, SqlFragment } from '../../database/sql-fragment';
import { ActionLogEntry } from '../logging/significant-actions';
import { MatchRecord, matchFromRow } from '../matches/match-record';
import { PlayerRecord } from '../players/player-record';
import { playerFromRow } from '../players/player-row';
import { ratingFromRow, RatingRow } from '../players/rating-row';
import { QUEUE_TABLE } from '../queue/queue.repository';
import { AdminActionEntry, auditedWrite } from './audited-write';
import { LIVE_MATCH } from './domain/stuck';

/** What an action on one player does, as the preview saw the player (their row's version). */
export type PlayerEffect =
  | { kind: 'rating'; race: string; value: number; previous: number | null }
  | { kind: 'aborts' }
  | { kind: 'unqueue' }
  | { kind: 'free'; stuck: 'queued' | 'in_match' }
  | { kind: 'ban'; queued: boolean; match: { id: number; opponentId: number; freesOpponent: boolean } | undefined }
  | { kind: 'unban' };

export interface PlayerActionWrite {
  status: WriteStatus;
  /** The target as written (or as it stands), then any other player the action freed. */
  players: PlayerRecord[];
  rating?: RatingRow;
  match?: MatchRecord;
}

const LIVE = join(LIVE_MATCH.map((status) => sql`${status}`));

/** Admin actions on players: each one statement with its audit and log rows, a compare-and-set on the player's row version. */
@Injectable()
export class AdminPlayersRepository {
  constructor(private readonly sql: Sql) {}

  async rating(playerId: number, race: string): Promise<number | null> {
    const [row] = await this.sql.query(sql`SELECT mmr FROM mmrs_1v1 WHERE player_id = ${playerId} AND race = ${race}`);
    return row ? Number(row.mmr) : null;
  }

  async act(player: PlayerRecord, effect: PlayerEffect, audit: AdminActionEntry, logs: ActionLogEntry[]): Promise<PlayerActionWrite> {
    const at = audit.at;
    const { changes, precondition } = this.plan(player, effect, audit.adminDiscordId, at);
    const outcome = await auditedWrite(this.sql, {
      current: sql`SELECT * FROM players WHERE id = ${player.id}`,
      precondition: sql`(SELECT version FROM current) = ${player.version}${precondition ? sql` AND ${precondition}` : sql``}`,
      audit,
      logs,
      changes,
    });
    if (outcome.status !== 'applied') return { status: outcome.status, players: outcome.current.map(playerFromRow) };
    const rowsOf = (name: string) => outcome.changed[changes.findIndex((change) => (change as { name?: string }).name === name)] ?? [];
    const first = (rows: Row[]) => rows[0];
    const target = first(rowsOf('target'));
    const opponent = first(rowsOf('opponent'));
    const rating = first(rowsOf('rating'));
    const match = first(rowsOf('match'));
    return {
      status: 'applied',
      players: [target, opponent].filter(Boolean).map(playerFromRow),
      rating: rating && ratingFromRow(rating),
      match: match && matchFromRow(match),
    };
  }

  /** Everyone in the queue out of it, as the preview counted them: the entries and each player queued -> idle. */
  async clearQueue(players: readonly PlayerRecord[], audit: AdminActionEntry, logs: ActionLogEntry[]): Promise<{ status: WriteStatus; players: PlayerRecord[] }> {
    const ids = join(players.map((player) => sql`${player.id}`));
    const outcome = await auditedWrite(this.sql, {
      current: sql`SELECT * FROM players WHERE id IN (${ids}) ORDER BY id`,
      precondition: sql`(SELECT count(*) FROM queue_entries_1v1) = ${players.length}
        AND (SELECT count(*) FROM queue_entries_1v1 WHERE player_id IN (${ids})) = ${players.length}`,
      audit,
      logs,
      changes: [
        { delete: QUEUE_TABLE, where: sql`player_id IN (${ids})`, rows: players.length },
        {
          update: 'players',
          set: sql`activity = 'idle', activity_at = NULL, updated_at = ${audit.at}, version = version + 1`,
          where: sql`id IN (${ids}) AND activity = 'queued'`,
          rows: players.length,
        },
      ],
    });
    return { status: outcome.status, players: outcome.status === 'applied' ? outcome.changed[1].map(playerFromRow) : [] };
  }

  /** The parts of the statement, each named for reading its rows back, and what else must still hold. */
  private plan(player: PlayerRecord, effect: PlayerEffect, adminId: string, at: Date): { changes: Array<Change & { name: string }>; precondition?: SqlFragment } {
    const bump = sql`updated_at = ${at}, version = version + 1`;
    const target = (set?: SqlFragment, where: SqlFragment = sql`TRUE`) => ({
      name: 'target',
      update: 'players',
      set: set ? sql`${set}, ${bump}` : bump,
      where: sql`id = ${player.id} AND ${where}`,
      rows: 1,
    });
    const idle = sql`activity = 'idle', activity_at = NULL, current_match_id = NULL`;
    switch (effect.kind) {
      case 'rating':
        return {
          precondition: sql`COALESCE((SELECT mmr FROM mmrs_1v1 WHERE player_id = ${player.id} AND race = ${effect.race}), -1) = ${effect.previous ?? -1}`,
          changes: [
            {
              name: 'rating',
              insert: 'mmrs_1v1',
              row: { player_id: player.id, race: effect.race, mmr: effect.value, games_played: 0, games_won: 0, games_lost: 0, games_drawn: 0, created_at: at, updated_at: at },
              onConflict: sql`(player_id, race) DO UPDATE SET mmr = excluded.mmr, updated_at = excluded.updated_at`,
            },
            // The version moves too, so a preview drawn before this adjustment is out of date.
            target(),
          ],
        };
      case 'aborts':
        return { changes: [target(sql`aborts_used = 0`)] };
      case 'unqueue':
        return {
          changes: [
            { name: 'entry', delete: QUEUE_TABLE, where: sql`player_id = ${player.id}`, rows: 1 },
            target(sql`activity = 'idle', activity_at = NULL`, sql`activity = 'queued'`),
          ],
        };
      case 'free':
        return {
          precondition:
            effect.stuck === 'queued'
              ? sql`(SELECT activity FROM current) = 'queued' AND NOT EXISTS (SELECT 1 FROM queue_entries_1v1 WHERE player_id = ${player.id})`
              : sql`(SELECT activity FROM current) = 'in_match'
                  AND NOT EXISTS (SELECT 1 FROM matches_1v1 WHERE id = (SELECT current_match_id FROM current) AND status IN (${LIVE}))`,
          changes: [target(idle)],
        };
      case 'ban': {
        const changes: Array<Change & { name: string }> = [];
        if (effect.queued) changes.push({ name: 'entry', delete: QUEUE_TABLE, where: sql`player_id = ${player.id}`, rows: 1 });
        if (effect.match) {
          const { id, opponentId } = effect.match;
          // The opponent first: on SQLite each part sees the ones before it, and the match must still be live here.
          if (effect.match.freesOpponent) {
            changes.push({ name: 'opponent', update: 'players', set: sql`${idle}, ${bump}`, where: sql`id = ${opponentId} AND current_match_id = ${id} AND activity = 'in_match'`, rows: 1 });
          }
          changes.push({
            name: 'match',
            update: 'matches_1v1',
            set: sql`status = ${'cancelled'}, result = NULL, resolved_by = ${adminId}, updated_at = ${at}`,
            where: sql`id = ${id} AND status IN (${LIVE})`,
            rows: 1,
          });
        }
        changes.push(target(sql`banned = ${true}, ${idle}`));
        return { changes };
      }
      case 'unban':
        return { changes: [target(sql`banned = ${false}`)] };
    }
  }
}
