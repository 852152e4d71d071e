import { LadderIndex, SIDES } from './ladder-index';
import { LogRow } from './ladder-snapshot';

/**
 * Each step of a match has exactly one row, and each row its step: a confirmation per confirmed
 * side, a row per report (as many as the side's report revision, the last saying what stands), one
 * abort by the aborter, a time-out row per side, a cancellation named by the system or an admin; and
 * both players had joined the queue before the match was made.
 */
export function matchLogViolations(ladder: LadderIndex): string[] {
  const violations: string[] = [];
  const matchLogs = new Map<number, LogRow[]>();
  for (const log of ladder.snapshot.logs) {
    const matchId = matchOf(log);
    if (matchId !== undefined) matchLogs.set(matchId, [...(matchLogs.get(matchId) ?? []), log]);
  }
  const matchIds = new Set(ladder.snapshot.matches.map((match) => match.id));
  for (const [matchId, logs] of matchLogs) {
    if (!matchIds.has(matchId)) violations.push(`${logs[0].action} row ${logs[0].idempotencyKey} names match ${matchId}, which does not exist`);
  }

  for (const match of ladder.snapshot.matches) {
    const logs = matchLogs.get(match.id) ?? [];
    const sides = SIDES.map((side) => ({ side, discordId: ladder.sideDiscordId(match, side) }));
    const of = (discordId: string | undefined, action: string) => logs.filter((log) => log.discordId === discordId && log.action === action);

    for (const { side, discordId } of sides) {
      const confirmedAt = side === 1 ? match.player1ConfirmedAt : match.player2ConfirmedAt;
      const confirmed = of(discordId, 'match_confirmed');
      if (confirmed.length !== (confirmedAt ? 1 : 0)) violations.push(`match ${match.id} side ${side} is ${confirmedAt ? '' : 'not '}confirmed, with ${confirmed.length} match_confirmed rows`);

      const reports = of(discordId, 'match_reported');
      const revision = side === 1 ? match.player1ReportRev : match.player2ReportRev;
      const report = side === 1 ? match.player1Report : match.player2Report;
      if (reports.length !== revision) violations.push(`match ${match.id} side ${side} reported ${revision} times, with ${reports.length} match_reported rows`);
      else if (revision > 0 && reports.at(-1)!.newValue !== report) violations.push(`match ${match.id} side ${side}'s report is ${report ?? 'none'}, but its last row says ${reports.at(-1)!.newValue}`);

      const timedOut = of(discordId, 'match_timed_out');
      if (timedOut.length !== (match.status === 'timed_out' ? 1 : 0)) violations.push(`match ${match.id} is ${match.status}, with ${timedOut.length} match_timed_out rows for side ${side}`);
    }

    const aborts = logs.filter((log) => log.action === 'match_aborted');
    const aborter = match.abortedByPlayerId === null ? undefined : ladder.player(match.abortedByPlayerId)?.discordId;
    if (match.status === 'aborted' ? aborts.length !== 1 || aborts[0].discordId !== aborter : aborts.length > 0) {
      violations.push(`match ${match.id} is ${match.status}${aborter ? ` by ${aborter}` : ''}, with ${aborts.length} match_aborted rows${aborts.length ? ` by ${aborts.map((log) => log.discordId).join(', ')}` : ''}`);
    }
    const cancellations = logs.filter((log) => log.action === 'match_cancelled' || (log.action === 'admin_action' && log.settingName === `match:${match.id}`));
    if (match.status === 'cancelled' && cancellations.length === 0) violations.push(`match ${match.id} is cancelled, with no row saying by whom`);
    if (match.status !== 'cancelled' && logs.some((log) => log.action === 'match_cancelled')) violations.push(`match ${match.id} is ${match.status}, but a match_cancelled row names it`);

    for (const { side, discordId } of sides) {
      if (discordId && !ladder.logsOf(discordId, 'queue_joined').some((log) => log.createdAt <= match.createdAt)) violations.push(`match ${match.id} side ${side} (${discordId}) never joined the queue before it`);
    }
  }
  return violations;
}

/** The match a row is about, for the rows of a match's steps. */
function matchOf(log: LogRow): number | undefined {
  switch (log.action) {
    case 'match_confirmed':
    case 'match_aborted':
    case 'match_timed_out':
    case 'match_cancelled':
      return Number(log.newValue);
    case 'match_reported':
      return Number(log.settingName?.replace('match ', ''));
    default:
      return undefined;
  }
}
