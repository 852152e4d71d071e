import { PlayerRecord } from '../../players/player-record';
import { LadderIndex } from './ladder-index';
import { LogRow } from './ladder-snapshot';

/** The profile settings the log follows, and the row field each is kept in. */
const SETTING_FIELDS: ReadonlyArray<[string, keyof PlayerRecord]> = [
  ['player_name', 'playerName'],
  ['battletag', 'battletag'],
  ['alt_player_name_1', 'altPlayerName1'],
  ['alt_player_name_2', 'altPlayerName2'],
  ['country', 'country'],
  ['region', 'region'],
];

/**
 * What a player's row says is what their log rows say, change by change: each row takes the value
 * the one before it left, and the last one leaves the value the row holds (terms, each setting, the
 * ban); setup completed once logged; the queue entry logged as joined; the aborts used this month
 * are the aborts logged since the month began or an admin reset them.
 */
export function playerLogViolations(ladder: LadderIndex): string[] {
  return ladder.snapshot.players.flatMap((player) => [
    ...chain(ladder, player, 'terms', ladder.logsOf(player.discordId, 'terms_accepted', 'terms_declined'), player.termsAccepted ? player.termsVersion : null),
    ...SETTING_FIELDS.flatMap(([setting, field]) =>
      chain(
        ladder,
        player,
        setting,
        ladder.logsOf(player.discordId, 'setup_field_changed', 'country_changed').filter((log) => log.settingName === setting),
        player[field] as string | null,
      ),
    ),
    ...setupViolations(ladder, player),
    ...queueViolations(ladder, player),
    ...abortViolations(ladder, player),
    ...banViolations(ladder, player),
  ]);
}

/** Each row starts from where the one before it left the value; the last leaves what the row holds now. */
function chain(ladder: LadderIndex, player: PlayerRecord, what: string, logs: LogRow[], now: string | null): string[] {
  const violations: string[] = [];
  let value: string | null = null;
  for (const log of logs) {
    if (log.oldValue !== value) violations.push(`${ladder.describe(player)}'s ${what} row ${log.idempotencyKey} changes it from ${show(log.oldValue)}, but the row before left ${show(value)}: a row is missing`);
    value = log.newValue;
  }
  if (value !== now) violations.push(`${ladder.describe(player)}'s ${what} is ${show(now)}, but their log rows leave it ${show(value)}`);
  return violations;
}

function setupViolations(ladder: LadderIndex, player: PlayerRecord): string[] {
  const [first] = ladder.logsOf(player.discordId, 'setup_completed');
  if (player.setupCompletedAt === null) return first ? [`${ladder.describe(player)} has a setup_completed row but no completed setup`] : [];
  if (!first) return [`${ladder.describe(player)} completed setup with no setup_completed row`];
  return first.createdAt.getTime() === player.setupCompletedAt.getTime() ? [] : [`${ladder.describe(player)}'s setup completed at ${player.setupCompletedAt.toISOString()}, but its first row says ${first.createdAt.toISOString()}`];
}

function queueViolations(ladder: LadderIndex, player: PlayerRecord): string[] {
  const entry = ladder.queueEntry(player.id);
  if (!entry) return [];
  const joined = ladder.logsOf(player.discordId, 'queue_joined').filter((log) => log.createdAt.getTime() === entry.joinedAt.getTime());
  return joined.length === 1 ? [] : [`${ladder.describe(player)}'s queue entry of ${entry.joinedAt.toISOString()} has ${joined.length} queue_joined rows, not 1`];
}

function abortViolations(ladder: LadderIndex, player: PlayerRecord): string[] {
  const own = ladder.logsOf(player.discordId);
  const lastReset = own.findLastIndex((log) => log.action === 'admin_action' && log.settingName === 'reset_aborts');
  const month = player.abortsMonth;
  const logged = own.slice(lastReset + 1).filter((log) => log.action === 'match_aborted' && month !== null && log.createdAt.toISOString().startsWith(month)).length;
  const used = month === null ? 0 : player.abortsUsed;
  return used === logged ? [] : [`${ladder.describe(player)} has used ${used} aborts in ${month ?? 'no month'}, but ${logged} match_aborted rows count since the month began or the last reset`];
}

function banViolations(ladder: LadderIndex, player: PlayerRecord): string[] {
  const last = ladder.logsOf(player.discordId, 'admin_action').findLast((log) => log.settingName === 'ban' || log.settingName === 'unban');
  const logged = last?.settingName === 'ban';
  return logged === player.banned ? [] : [`${ladder.describe(player)} is ${player.banned ? '' : 'not '}banned, but their last ban row says ${last ? last.settingName : 'never banned'}`];
}

function show(value: string | null): string {
  return value === null ? 'nothing' : JSON.stringify(value);
}
