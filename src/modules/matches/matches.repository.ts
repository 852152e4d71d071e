import { Injectable } from '@nestjs/common';
import { Change, intentRow, WriteOutcome, WriteStatus } from '../../database/guarded-write';
import { Sql } from '../../database/sql';
import { sql, SqlFragment } from '../../database/sql-fragment';
import { PlayerRecord } from '../players/player-record';
import { playerFromRow } from '../players/player-row';
import { QUEUE_TABLE } from '../queue/queue.repository';
import { ActionLog } from '../logging/action-log';
import { ActionLogEntry } from '../logging/significant-actions';
import { MatchRecord, matchFromRow, MatchStatus, Side } from './match-record';

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
  reminderAt: Date;
}

/** A write on a match as it ended: the match as written or as it stands, and the players it freed. */
export interface MatchWrite {
  status: WriteStatus;
  match: MatchRecord | undefined;
  players: PlayerRecord[];
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
  constructor(
    private readonly sql: Sql,
    private readonly actionLog: ActionLog,
  ) {}

  /** Matches not finished yet (boot): their deadlines are rescheduled and their buttons answered from memory. */
  async unfinished(): Promise<MatchRecord[]> {
    const rows = await this.sql.queryUnbounded(sql`SELECT * FROM matches_1v1 WHERE status IN (${AWAITING_CONFIRMATION}, ${'confirmed'}) ORDER BY id`);
    return rows.map(matchFromRow);
  }

  /** The match DMs, once sent: later steps edit them. */
  async saveDms(matchId: number, dms: { player1: string | null; player2: string | null }): Promise<void> {
    await this.sql.query(sql`UPDATE matches_1v1 SET player_1_dm_message_id = ${dms.player1}, player_2_dm_message_id = ${dms.player2} WHERE id = ${matchId}`);
  }

  /**
   * A player's Confirm: a compare-and-set on the match still awaiting confirmation and on that player's
   * own confirmation only, so the opponent's Confirm never makes it stale; the second one to confirm
   * moves the match on and starts the report deadline, in the same statement.
   */
  async confirm(matchId: number, side: Side, at: Date, reportDeadline: Date, log: ActionLogEntry): Promise<MatchWrite> {
    const mine = side === 1 ? sql`player_1_confirmed_at` : sql`player_2_confirmed_at`;
    const theirs = side === 1 ? sql`player_2_confirmed_at` : sql`player_1_confirmed_at`;
    const outcome = await this.sql.write({
      current: sql`SELECT * FROM matches_1v1 WHERE id = ${matchId}`,
      precondition: sql`(SELECT status FROM current) = ${AWAITING_CONFIRMATION} AND (SELECT ${mine} FROM current) IS NULL`,
      keyed: this.actionLog.keyed([log]),
      changes: [
        {
          update: 'matches_1v1',
          set: sql`${mine} = ${at}, updated_at = ${at},
            status = CASE WHEN ${theirs} IS NULL THEN status ELSE ${'confirmed'} END,
            report_deadline = CASE WHEN ${theirs} IS NULL THEN report_deadline ELSE ${reportDeadline} END`,
          where: sql`id = ${matchId} AND status = ${AWAITING_CONFIRMATION} AND ${mine} IS NULL`,
        },
      ],
    });
    return this.matchWrite(outcome);
  }

  /**
   * Abort before both confirmed: the match aborted, one of the aborting player's monthly aborts used
   * (the count restarts in a new month), both players free again: one statement with its log row.
   */
  async abort(matchId: number, abortingPlayerId: number, quota: { month: string; perMonth: number }, at: Date, log: ActionLogEntry): Promise<MatchWrite> {
    const used = sql`(CASE WHEN aborts_month = ${quota.month} THEN aborts_used ELSE 0 END)`;
    const outcome = await this.sql.write({
      current: sql`SELECT * FROM matches_1v1 WHERE id = ${matchId}`,
      precondition: sql`(SELECT status FROM current) = ${AWAITING_CONFIRMATION}
        AND (SELECT ${used} FROM players WHERE id = ${abortingPlayerId}) < ${quota.perMonth}`,
      keyed: this.actionLog.keyed([log]),
      changes: [
        {
          update: 'matches_1v1',
          set: sql`status = ${'aborted'}, aborted_by_player_id = ${abortingPlayerId}, updated_at = ${at}`,
          where: sql`id = ${matchId} AND status = ${AWAITING_CONFIRMATION}`,
        },
        this.freePlayers(matchId, at, sql`aborts_used = CASE WHEN id = ${abortingPlayerId} THEN ${used} + 1 ELSE aborts_used END,
          aborts_month = CASE WHEN id = ${abortingPlayerId} THEN ${quota.month} ELSE aborts_month END, `),
      ],
    });
    return this.matchWrite(outcome);
  }

  /**
   * The confirm deadline passed: the match abandoned, nobody charged, both free, a log row for each
   * player (by the system). Fires once, by compare-and-set and by its key, whoever fires it.
   */
  async timeOut(matchId: number, at: Date, log: ActionLogEntry[]): Promise<MatchWrite> {
    const outcome = await this.sql.write({
      current: sql`SELECT * FROM matches_1v1 WHERE id = ${matchId}`,
      precondition: sql`(SELECT status FROM current) = ${AWAITING_CONFIRMATION} AND (SELECT confirm_deadline FROM current) <= ${at}`,
      keyed: this.actionLog.keyed(log),
      changes: [
        { update: 'matches_1v1', set: sql`status = ${'timed_out'}, updated_at = ${at}`, where: sql`id = ${matchId} AND status = ${AWAITING_CONFIRMATION}` },
        this.freePlayers(matchId, at, sql``),
      ],
    });
    return this.matchWrite(outcome);
  }

  /** Marks the reminder sent, once: whoever fires it first sends it. */
  async remind(matchId: number, at: Date): Promise<MatchWrite> {
    const outcome = await this.sql.write({
      current: sql`SELECT * FROM matches_1v1 WHERE id = ${matchId}`,
      precondition: sql`(SELECT status FROM current) = ${AWAITING_CONFIRMATION} AND (SELECT reminded_at FROM current) IS NULL`,
      changes: [{ update: 'matches_1v1', set: sql`reminded_at = ${at}`, where: sql`id = ${matchId} AND reminded_at IS NULL` }],
    });
    return this.matchWrite(outcome);
  }

  private freePlayers(matchId: number, at: Date, also: SqlFragment): Change {
    return {
      update: 'players',
      set: sql`${also}activity = 'idle', activity_at = NULL, current_match_id = NULL, updated_at = ${at}, version = version + 1`,
      where: sql`current_match_id = ${matchId} AND activity = 'in_match'`,
      rows: 2,
    };
  }

  private matchWrite(outcome: WriteOutcome): MatchWrite {
    if (outcome.status !== 'applied') return { status: outcome.status, match: outcome.current.map(matchFromRow)[0], players: [] };
    return { status: 'applied', match: matchFromRow(outcome.changed[0][0]), players: (outcome.changed[1] ?? []).map(playerFromRow) };
  }

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
            reminder_at: match.reminderAt,
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
