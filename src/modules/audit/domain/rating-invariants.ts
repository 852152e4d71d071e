import { MatchRecord, Side } from '../../matches/match-record';
import { LadderIndex, ratingValue, SIDES } from './ladder-index';
import { AuditRow, LogRow } from './ladder-snapshot';

const OUTCOME_OF: Record<NonNullable<MatchRecord['result']>, Record<Side, 'won' | 'lost' | 'drawn'>> = {
  player_1: { 1: 'won', 2: 'lost' },
  player_2: { 1: 'lost', 2: 'won' },
  draw: { 1: 'drawn', 2: 'drawn' },
};

/**
 * A rating is the initial rating plus every `rating_changed` row of its player and race (by the
 * system, by an admin's resolution or adjustment), and its counters are the completed matches it was
 * played in; each match's applied change is what its own rows say. A change applied twice, or without
 * its row, or a row lost, breaks one of these.
 */
export function ratingViolations(ladder: LadderIndex, initialRating: number): string[] {
  const violations: string[] = [];
  const { ratings, matches } = ladder.snapshot;
  const diff = (log: LogRow) => ratingValue(log.newValue, initialRating) - ratingValue(log.oldValue, initialRating);
  const playedWith = completedGames(matches);

  for (const rating of ratings) {
    const player = ladder.player(rating.playerId);
    if (!player) {
      violations.push(`rating ${rating.id} (${rating.race}) belongs to no player`);
      continue;
    }
    const who = `${ladder.describe(player)}'s ${rating.race} rating`;
    const logged = ladder.logsOf(player.discordId, 'rating_changed').filter((log) => log.settingName === rating.race);
    const expected = initialRating + logged.reduce((sum, log) => sum + diff(log), 0);
    if (expected !== rating.mmr) violations.push(`${who} is ${rating.mmr}, but its ${logged.length} rating_changed rows add up to ${expected}`);

    const played = playedWith.get(`${rating.playerId}:${rating.race}`) ?? { won: 0, lost: 0, drawn: 0 };
    const games = played.won + played.lost + played.drawn;
    const counters = { games: rating.gamesPlayed, won: rating.gamesWon, lost: rating.gamesLost, drawn: rating.gamesDrawn };
    if (counters.games !== games || counters.won !== played.won || counters.lost !== played.lost || counters.drawn !== played.drawn) {
      violations.push(`${who} counts ${counters.games} games (${counters.won}-${counters.lost}-${counters.drawn}), but ${games} completed matches (${played.won}-${played.lost}-${played.drawn}) were played with it`);
    }
  }

  const rated = new Set(ratings.map((rating) => `${rating.playerId}:${rating.race}`));
  const playerIds = new Map(ladder.snapshot.players.map((player) => [player.discordId, player.id]));
  const completions = new Set(matches.flatMap((match) => SIDES.map((side) => `complete:${match.id}:${ladder.sideDiscordId(match, side)}:${raceOf(match, side)}`)));
  for (const log of ladder.snapshot.logs) {
    if (log.action !== 'rating_changed') continue;
    if (!rated.has(`${playerIds.get(log.discordId)}:${log.settingName}`)) violations.push(`rating_changed row ${log.idempotencyKey} names a rating that does not exist (${log.discordId}, ${log.settingName})`);
    // The system moves a rating only by completing a match, keyed by it; an admin's rows belong to an admin action.
    if (log.changedBy === 'system' && !completions.has(`${log.idempotencyKey}:${log.settingName}`)) {
      violations.push(`rating_changed row ${log.idempotencyKey}, by the system, is not the completion of a match ${log.discordId} played with ${log.settingName}`);
    }
  }

  const resolutionsOf = new Map<number, AuditRow[]>();
  for (const audit of ladder.snapshot.audits) {
    if (audit.action === 'resolve_match' && audit.targetMatchId !== null) resolutionsOf.set(audit.targetMatchId, [...(resolutionsOf.get(audit.targetMatchId) ?? []), audit]);
  }
  for (const match of matches) {
    const resolutions = resolutionsOf.get(match.id) ?? [];
    for (const side of SIDES) {
      const discordId = ladder.sideDiscordId(match, side);
      if (!discordId) continue;
      const system = ladder.log(`complete:${match.id}:${discordId}`);
      const byAdmins = resolutions.map((audit) => ladder.log(`${audit.idempotencyKey}:${discordId}:rating`)).filter((log) => log !== undefined);
      const applied = side === 1 ? match.player1RatingChange : match.player2RatingChange;
      const logged = [system, ...byAdmins].reduce((sum, log) => sum + (log ? diff(log) : 0), 0);
      if (logged !== applied) violations.push(`match ${match.id} applied ${applied} to side ${side}, but its rating_changed rows say ${logged}`);
      if (match.status === 'completed' && match.resolvedBy === null && !system) violations.push(`match ${match.id} completed with no rating_changed row for side ${side}`);
    }
  }
  return violations;
}

/** Won, lost and drawn completed matches per player and race (`<player id>:<race>`). */
function completedGames(matches: readonly MatchRecord[]): Map<string, { won: number; lost: number; drawn: number }> {
  const games = new Map<string, { won: number; lost: number; drawn: number }>();
  for (const match of matches) {
    if (match.status !== 'completed' || match.result === null) continue;
    for (const side of SIDES) {
      const key = `${playerOf(match, side)}:${raceOf(match, side)}`;
      const tally = games.get(key) ?? { won: 0, lost: 0, drawn: 0 };
      tally[OUTCOME_OF[match.result][side]] += 1;
      games.set(key, tally);
    }
  }
  return games;
}

export function playerOf(match: MatchRecord, side: Side): number {
  return side === 1 ? match.player1Id : match.player2Id;
}

export function raceOf(match: MatchRecord, side: Side): string {
  return side === 1 ? match.player1Race : match.player2Race;
}
