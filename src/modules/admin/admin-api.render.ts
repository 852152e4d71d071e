import { CommunityFigures } from '../../common/metrics/community-figures';
import { MatchRecord, playerIdOf, Side } from '../matches/match-record';
import { PlayerRecord, ProfileDetails } from '../players/player-record';
import { PlayerRank } from '../players/rank-lookup';
import { QueuedPlayer } from '../queue/queued-player';
import { AdminActionRow } from './admin-action-row';

/** What the admin API's JSON needs beyond the records: names of races, maps, servers and players. */
export interface ApiLabels {
  race(code: string): string;
  map(code: string): string;
  server(code: string): string;
  playerById(playerId: number): PlayerRecord | undefined;
}

const iso = (at: Date | null | undefined) => (at ? at.toISOString() : null);

function person(player: PlayerRecord | undefined, playerId: number) {
  return { player_id: playerId, discord_id: player?.discordId ?? null, name: player?.playerName ?? player?.discordUsername ?? null };
}

export function playerJson(
  player: PlayerRecord,
  details: ProfileDetails,
  extra: { rankOf: (race: string) => PlayerRank | undefined; abortsLeft: number; abortsPerMonth: number; queued: QueuedPlayer | undefined; recent: number; waitCount: (joinedAt: Date) => number },
  labels: ApiLabels,
) {
  return {
    discord_id: player.discordId,
    discord_username: player.discordUsername,
    player_id: player.id,
    player_name: player.playerName,
    battletag: player.battletag,
    alts: [player.altPlayerName1, player.altPlayerName2].filter((alt): alt is string => alt !== null),
    country: player.country,
    region: player.region,
    terms: { accepted: player.termsAccepted, version: player.termsVersion, accepted_at: iso(player.termsAcceptedAt) },
    setup_completed_at: iso(player.setupCompletedAt),
    banned: player.banned,
    state: { activity: player.activity, since: iso(player.activityAt), match_id: player.currentMatchId },
    queue: extra.queued ? queueEntryJson(extra.queued, extra.waitCount(extra.queued.joinedAt), labels) : null,
    aborts: { used_this_month: extra.abortsPerMonth - extra.abortsLeft, left: extra.abortsLeft, per_month: extra.abortsPerMonth },
    ratings: details.ratings.map((rating) => ({
      race: rating.race,
      race_name: labels.race(rating.race),
      rating: rating.mmr,
      games: { played: rating.gamesPlayed, won: rating.gamesWon, lost: rating.gamesLost, drawn: rating.gamesDrawn },
      last_played_at: iso(rating.lastPlayedAt),
      rank: extra.rankOf(rating.race) ?? null,
    })),
    matches_completed: details.matches.length,
    recent_matches: details.matches.slice(0, extra.recent).map((match) => ({
      match_id: match.matchId,
      completed_at: iso(match.completedAt),
      race: match.race,
      rating_at_creation: match.rating,
      opponent: { ...person(labels.playerById(match.opponentId), match.opponentId), race: match.opponentRace },
      map: match.mapCode,
      outcome: match.outcome,
      rating_change: match.change,
    })),
    created_at: iso(player.createdAt),
    updated_at: iso(player.updatedAt),
    version: player.version,
  };
}

export function matchJson(match: MatchRecord, labels: ApiLabels) {
  const side = (which: Side) => {
    const first = which === 1;
    const playerId = playerIdOf(match, which);
    const race = first ? match.player1Race : match.player2Race;
    return {
      side: which,
      game: first ? 'bw' : 'sc2',
      ...person(labels.playerById(playerId), playerId),
      race,
      race_name: labels.race(race),
      rating_at_creation: first ? match.player1Rating : match.player2Rating,
      confirmed_at: iso(first ? match.player1ConfirmedAt : match.player2ConfirmedAt),
      report: first ? match.player1Report : match.player2Report,
      report_rev: first ? match.player1ReportRev : match.player2ReportRev,
      reported_at: iso(first ? match.player1ReportedAt : match.player2ReportedAt),
      rating_change: first ? match.player1RatingChange : match.player2RatingChange,
      dm_message_id: first ? match.player1DmMessageId : match.player2DmMessageId,
    };
  };
  return {
    id: match.id,
    status: match.status,
    result: match.result,
    players: [side(1), side(2)],
    map: { code: match.mapCode, name: labels.map(match.mapCode) },
    server: { code: match.serverCode, name: labels.server(match.serverCode) },
    aborted_by: match.abortedByPlayerId === null ? null : person(labels.playerById(match.abortedByPlayerId), match.abortedByPlayerId),
    resolved_by: match.resolvedBy,
    deadlines: {
      confirm: iso(match.confirmDeadline),
      confirm_reminder_at: iso(match.reminderAt),
      confirm_reminded_at: iso(match.remindedAt),
      report: iso(match.reportDeadline),
      report_reminder_at: iso(match.reportReminderAt),
      report_reminded_at: iso(match.reportRemindedAt),
    },
    created_at: iso(match.createdAt),
    updated_at: iso(match.updatedAt),
    completed_at: iso(match.completedAt),
  };
}

export function queueEntryJson(entry: QueuedPlayer, waitCount: number, labels: ApiLabels) {
  const player = labels.playerById(entry.playerId);
  const rated = (choice: { race: string; rating: number } | undefined) => (choice ? { race: choice.race, race_name: labels.race(choice.race), rating: choice.rating } : null);
  return {
    ...person(player, entry.playerId),
    discord_id: entry.discordId,
    bw: rated(entry.bw),
    sc2: rated(entry.sc2),
    vetoes: entry.vetoes,
    joined_at: iso(entry.joinedAt),
    wait_count: waitCount,
  };
}

export function actionJson(action: AdminActionRow) {
  return {
    id: action.id,
    created_at: iso(action.createdAt),
    admin_discord_id: action.adminDiscordId,
    action: action.action,
    target_discord_id: action.targetDiscordId,
    target_match_id: action.targetMatchId,
    old_value: action.oldValue,
    new_value: action.newValue,
    reason: action.reason,
    details: action.details,
  };
}

export function communityJson(figures: CommunityFigures) {
  return {
    players_registered: figures.playersRegistered,
    terms_accepted: figures.termsAccepted,
    setups_completed: figures.setupsCompleted,
    queued_now: figures.queuedNow,
    matches_today: figures.matchesToday,
    matches_this_week: figures.matchesThisWeek,
    conflicts_open: figures.conflictsOpen,
    aborts_this_week: figures.abortsThisWeek,
    timeouts_this_week: figures.timeoutsThisWeek,
  };
}
