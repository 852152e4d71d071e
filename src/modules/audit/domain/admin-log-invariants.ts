import { LadderIndex } from './ladder-index';

/** The admin actions on one player, and the row each writes in the player's log. */
const PLAYER_ACTIONS: Record<string, { action: string; setting?: string }> = {
  adjust_rating: { action: 'rating_changed' },
  reset_aborts: { action: 'admin_action', setting: 'reset_aborts' },
  remove_from_queue: { action: 'admin_action', setting: 'remove_from_queue' },
  free_player: { action: 'admin_action', setting: 'free_player' },
  ban: { action: 'admin_action', setting: 'ban' },
  unban: { action: 'admin_action', setting: 'unban' },
};

/**
 * Every admin action has the log rows of the players it touched, and every log row an admin wrote
 * belongs to an admin action of that admin.
 */
export function adminLogViolations(ladder: LadderIndex): string[] {
  const violations: string[] = [];
  const { audits, logs, matches } = ladder.snapshot;
  const matchesById = new Map(matches.map((match) => [match.id, match]));
  const under = (key: string) => logs.filter((log) => log.idempotencyKey.startsWith(`${key}:`));

  for (const audit of audits) {
    const what = `admin action ${audit.id} (${audit.action})`;
    const expected = PLAYER_ACTIONS[audit.action];
    if (expected) {
      const log = ladder.log(`${audit.idempotencyKey}:${audit.targetDiscordId}`);
      if (!log || log.action !== expected.action || (expected.setting !== undefined && log.settingName !== expected.setting)) violations.push(`${what} on ${audit.targetDiscordId} has no ${expected.action} row`);
    } else if (audit.action === 'clear_queue') {
      const cleared = Number.parseInt(audit.oldValue ?? '', 10);
      const rows = under(audit.idempotencyKey).filter((log) => log.settingName === 'queue').length;
      if (rows !== cleared) violations.push(`${what} took ${cleared} players out of the queue, with ${rows} log rows`);
    } else if (audit.action === 'resolve_match') {
      const match = audit.targetMatchId === null ? undefined : matchesById.get(audit.targetMatchId);
      if (!match) violations.push(`${what} names match ${audit.targetMatchId}, which does not exist`);
      else {
        for (const side of [1, 2] as const) {
          const discordId = ladder.sideDiscordId(match, side);
          const log = ladder.log(`${audit.idempotencyKey}:${discordId}`);
          if (!log || log.settingName !== `match:${match.id}`) violations.push(`${what} on match ${match.id} has no row for side ${side}`);
        }
      }
    } else violations.push(`${what} is not an action the ladder knows`);
  }

  for (const log of logs) {
    if (!log.changedBy.startsWith('admin:')) continue;
    const audit = ladder.auditOf(log);
    if (!audit) violations.push(`${log.action} row ${log.idempotencyKey}, by ${log.changedBy}, belongs to no admin action`);
    else if (`admin:${audit.adminDiscordId}` !== log.changedBy) violations.push(`${log.action} row ${log.idempotencyKey} says ${log.changedBy}, but its admin action was by ${audit.adminDiscordId}`);
  }
  return violations;
}
