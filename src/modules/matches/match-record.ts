import { Row } from '../../database/guarded-write';
import { readTime } from '../../database/sql';
import { MatchResult, Report } from './domain/reports';

/** Confirmation, then `confirmed` while it is played and reported; the rest are how it ended. */
export type MatchStatus = 'awaiting_confirmation' | 'confirmed' | 'aborted' | 'timed_out' | 'completed' | 'conflict' | 'cancelled';

export const FINISHED: readonly MatchStatus[] = ['aborted', 'timed_out', 'completed', 'conflict', 'cancelled'];

export type Side = 1 | 2;

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
  status: MatchStatus;
  player1ConfirmedAt: Date | null;
  player2ConfirmedAt: Date | null;
  abortedByPlayerId: number | null;
  confirmDeadline: Date;
  reminderAt: Date | null;
  remindedAt: Date | null;
  reportDeadline: Date | null;
  player1Report: Report | null;
  player2Report: Report | null;
  player1ReportRev: number;
  player2ReportRev: number;
  player1ReportedAt: Date | null;
  player2ReportedAt: Date | null;
  reportReminderAt: Date | null;
  reportRemindedAt: Date | null;
  result: MatchResult | null;
  player1RatingChange: number;
  player2RatingChange: number;
  completedAt: Date | null;
  /** The admin whose resolution decided it, if one did. */
  resolvedBy: string | null;
  player1DmMessageId: string | null;
  player2DmMessageId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export function matchFromRow(row: Row): MatchRecord {
  const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
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
    status: String(row.status) as MatchStatus,
    player1ConfirmedAt: readTime(row.player_1_confirmed_at),
    player2ConfirmedAt: readTime(row.player_2_confirmed_at),
    abortedByPlayerId: row.aborted_by_player_id === null || row.aborted_by_player_id === undefined ? null : Number(row.aborted_by_player_id),
    confirmDeadline: readTime(row.confirm_deadline) as Date,
    reminderAt: readTime(row.reminder_at),
    remindedAt: readTime(row.reminded_at),
    reportDeadline: readTime(row.report_deadline),
    player1Report: text(row.player_1_report) as Report | null,
    player2Report: text(row.player_2_report) as Report | null,
    player1ReportRev: Number(row.player_1_report_rev ?? 0),
    player2ReportRev: Number(row.player_2_report_rev ?? 0),
    player1ReportedAt: readTime(row.player_1_reported_at),
    player2ReportedAt: readTime(row.player_2_reported_at),
    reportReminderAt: readTime(row.report_reminder_at),
    reportRemindedAt: readTime(row.report_reminded_at),
    result: text(row.result) as MatchResult | null,
    player1RatingChange: Number(row.player_1_mmr_change ?? 0),
    player2RatingChange: Number(row.player_2_mmr_change ?? 0),
    completedAt: readTime(row.completed_at),
    resolvedBy: text(row.resolved_by),
    player1DmMessageId: text(row.player_1_dm_message_id),
    player2DmMessageId: text(row.player_2_dm_message_id),
    createdAt: readTime(row.created_at) as Date,
    updatedAt: readTime(row.updated_at) as Date,
  };
}

/** Which side a player (by row id) plays in the match, if any. */
export function sideOf(match: MatchRecord, playerId: number): Side | undefined {
  if (match.player1Id === playerId) return 1;
  if (match.player2Id === playerId) return 2;
  return undefined;
}

export function confirmedAt(match: MatchRecord, side: Side): Date | null {
  return side === 1 ? match.player1ConfirmedAt : match.player2ConfirmedAt;
}

export function playerIdOf(match: MatchRecord, side: Side): number {
  return side === 1 ? match.player1Id : match.player2Id;
}

export function reportOf(match: MatchRecord, side: Side): Report | null {
  return side === 1 ? match.player1Report : match.player2Report;
}

export function reportRevOf(match: MatchRecord, side: Side): number {
  return side === 1 ? match.player1ReportRev : match.player2ReportRev;
}

export function otherSide(side: Side): Side {
  return side === 1 ? 2 : 1;
}
