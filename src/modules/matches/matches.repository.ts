import { Injectable } from '@nestjs/common';
import { Change, intentRow, WriteOutcome, WriteStatus } from '../../database/guarded-write';
import { readTime, Sql } from '../../database/sql';
import { join, sql, SqlFragment, unsafeRaw } from '../../database/sql-fragment';
import { PlayerRecord } from '../players/player-record';
import { playerFromRow } from '../players/player-row';
import { QUEUE_TABLE } from '../queue/queue.repository';
import { ActionLog } from '../logging/action-log';
import { ActionLogEntry } from '../logging/significant-actions';
import { ratingFromRow, RatingRow } from '../players/rating-row';
import { MatchResult, Report } from './domain/reports';
import { TalliedMatch, TalliedStatus } from './domain/week-tally';
import { MatchRecord, matchFromRow, MatchStatus, otherSide as otherSideOf, Side } from './match-record';

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

/** A write on a match as it ended: the match as written or as it stands, the players it freed, the ratings it moved. */
export interface MatchWrite {
  status: WriteStatus;
  match: MatchRecord | undefined;
  players: PlayerRecord[];
  ratings?: RatingRow[];
}

export interface RatedSide {
  playerId: number;
  race: string;
  ratingAtCreation: number;
  change: number;
  /** 1 won, 0 lost, 0.5 drew. */
  score: 1 | 0 | 0.5;
}

/** A completion: the result and each side's rating change, computed from the ratings at creation. */
export interface Completion {
  kind: 'complete';
  result: MatchResult;
  player1: RatedSide;
  player2: RatedSide;
  /** Both report revisions as the deadline saw them (a report since then makes it stale). */
  reportRevs: number;
}

export interface ReportRequest {
  matchId: number;
  side: Side;
  report: Report;
  /** The reporter's report revision the button acts on, and the opponent's as the caller saw it. */
  rev: number;
  theirRev: number;
  at: Date;
  outcome: { kind: 'pending'; reminderAt: Date } | { kind: 'conflict' } | Completion;
  log: ActionLogEntry[];
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

  /** Matches that ended since `since` (boot): their DMs are drawn again, in case a crash cut the last edit short. */
  async endedSince(since: Date): Promise<MatchRecord[]> {
    const rows = await this.sql.queryUnbounded(sql`SELECT * FROM matches_1v1 WHERE status NOT IN (${AWAITING_CONFIRMATION}, ${'confirmed'}) AND updated_at >= ${since} ORDER BY id`);
    return rows.map(matchFromRow);
  }

  /** What the community figures count at boot: this week's matches and every open conflict. */
  async tallied(weekStart: Date): Promise<TalliedMatch[]> {
    const rows = await this.sql.queryUnbounded(sql`SELECT id, status, created_at FROM matches_1v1 WHERE created_at >= ${weekStart} OR status = ${'conflict'}`);
    return rows.map((row) => ({ id: Number(row.id), status: String(row.status) as TalliedStatus, createdAt: readTime(row.created_at) as Date }));
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

  /**
   * A player's report, a compare-and-set on the match being played, the reporter's report revision
   * and the opponent's as the caller saw it (the caller reads it again and retries when it moved, so
   * the opponent's report never makes this one stale to the player). What it does to the match was
   * decided from both reports: wait for the other, complete (result, both ratings, both players
   * freed, exactly once) or conflict (both players freed, ratings unchanged).
   */
  async report(request: ReportRequest): Promise<MatchWrite> {
    const { matchId, side, at, outcome } = request;
    const column = (name: string, of: Side) => unsafeRaw(`player_${of}_${name}`);
    const theirs = otherSideOf(side);
    const set = [
      sql`${column('report', side)} = ${request.report}, ${column('report_rev', side)} = ${column('report_rev', side)} + 1,
        ${column('reported_at', side)} = ${at}, updated_at = ${at}`,
    ];
    if (outcome.kind === 'pending') set.push(sql`report_reminder_at = ${outcome.reminderAt}, report_reminded_at = NULL`);
    if (outcome.kind === 'conflict') set.push(sql`status = ${'conflict'}`);
    if (outcome.kind === 'complete') set.push(this.completion(outcome, at));
    const changes: Change[] = [
      {
        update: 'matches_1v1',
        set: join(set),
        where: sql`id = ${matchId} AND status = ${'confirmed'} AND ${column('report_rev', side)} = ${request.rev}`,
      },
    ];
    if (outcome.kind === 'complete') changes.push(...this.ratingChanges(outcome, at));
    if (outcome.kind !== 'pending') changes.push(this.freePlayers(matchId, at, sql``));
    const write = await this.sql.write({
      current: sql`SELECT * FROM matches_1v1 WHERE id = ${matchId}`,
      precondition: sql`(SELECT status FROM current) = ${'confirmed'} AND (SELECT ${column('report_rev', side)} FROM current) = ${request.rev}
        AND (SELECT ${column('report_rev', theirs)} FROM current) = ${request.theirRev}`,
      keyed: this.actionLog.keyed(request.log),
      changes,
    });
    return this.reportWrite(write, outcome.kind);
  }

  /**
   * The report deadline passed: a lone report stands (`outcome` complete) or, with none, the match is
   * cancelled without rating change. Fires once, by compare-and-set and by its key.
   */
  async closeReports(matchId: number, outcome: Completion | { kind: 'cancel' }, at: Date, log: ActionLogEntry[]): Promise<MatchWrite> {
    const changes: Change[] = [
      {
        update: 'matches_1v1',
        set: outcome.kind === 'cancel' ? sql`status = ${'cancelled'}, updated_at = ${at}` : sql`updated_at = ${at}, ${this.completion(outcome, at)}`,
        where: sql`id = ${matchId} AND status = ${'confirmed'}`,
      },
      ...(outcome.kind === 'complete' ? this.ratingChanges(outcome, at) : []),
      this.freePlayers(matchId, at, sql``),
    ];
    const write = await this.sql.write({
      current: sql`SELECT * FROM matches_1v1 WHERE id = ${matchId}`,
      precondition: sql`(SELECT status FROM current) = ${'confirmed'} AND (SELECT report_deadline FROM current) <= ${at}
        AND (SELECT player_1_report_rev + player_2_report_rev FROM current) = ${outcome.kind === 'cancel' ? 0 : outcome.reportRevs}`,
      keyed: this.actionLog.keyed(log),
      changes,
    });
    return this.reportWrite(write, outcome.kind);
  }

  /** Halfway between a lone report and the deadline: marks the reminder sent, once. */
  async remindReport(matchId: number, at: Date): Promise<MatchWrite> {
    const outcome = await this.sql.write({
      current: sql`SELECT * FROM matches_1v1 WHERE id = ${matchId}`,
      precondition: sql`(SELECT status FROM current) = ${'confirmed'} AND (SELECT report_reminded_at FROM current) IS NULL
        AND (SELECT report_reminder_at FROM current) <= ${at}`,
      changes: [{ update: 'matches_1v1', set: sql`report_reminded_at = ${at}`, where: sql`id = ${matchId} AND report_reminded_at IS NULL` }],
    });
    return this.matchWrite(outcome);
  }

  private completion(outcome: Completion, at: Date): SqlFragment {
    return sql`status = ${'completed'}, result = ${outcome.result}, player_1_mmr_change = ${outcome.player1.change},
      player_2_mmr_change = ${outcome.player2.change}, completed_at = ${at}`;
  }

  /** Each player's rating row for their race: created at the first game, else moved by the change. */
  private ratingChanges(outcome: Completion, at: Date): Change[] {
    return [outcome.player1, outcome.player2].map((rated) => {
      const [won, lost, drawn] = [Number(rated.score === 1), Number(rated.score === 0), Number(rated.score === 0.5)];
      return {
        insert: 'mmrs_1v1',
        row: {
          player_id: rated.playerId,
          race: rated.race,
          mmr: rated.ratingAtCreation + rated.change,
          games_played: 1,
          games_won: won,
          games_lost: lost,
          games_drawn: drawn,
          last_played_at: at,
          created_at: at,
          updated_at: at,
        },
        onConflict: sql`(player_id, race) DO UPDATE SET mmr = mmrs_1v1.mmr + ${rated.change}, games_played = mmrs_1v1.games_played + 1,
          games_won = mmrs_1v1.games_won + ${won}, games_lost = mmrs_1v1.games_lost + ${lost}, games_drawn = mmrs_1v1.games_drawn + ${drawn},
          last_played_at = excluded.last_played_at, updated_at = excluded.updated_at`,
      };
    });
  }

  private reportWrite(outcome: WriteOutcome, kind: string): MatchWrite {
    if (outcome.status !== 'applied') return { status: outcome.status, match: outcome.current.map(matchFromRow)[0], players: [] };
    const [matches, ...rest] = outcome.changed;
    const ratings = kind === 'complete' ? rest.slice(0, 2).flat().map(ratingFromRow) : [];
    const players = kind === 'pending' ? [] : (rest.at(-1) ?? []).map(playerFromRow);
    return { status: 'applied', match: matchFromRow(matches[0]), players, ratings };
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
