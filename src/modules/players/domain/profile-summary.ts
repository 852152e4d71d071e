import { PlayedMatch, PlayerRecord, ProfileDetails } from '../player-record';
import { PlayerRank } from '../rank-lookup';
import { abortsLeft } from './aborts';

export interface Record3 {
  wins: number;
  losses: number;
  draws: number;
}

export interface PeriodRecord {
  days: number;
  games: number;
  record: Record3;
}

export interface RaceLine {
  race: string;
  rating: number;
  record: Record3;
  /** The last 14, 30 and 90 days, as of now. */
  periods: PeriodRecord[];
  lastPlayedAt: Date | null;
  /** Undefined while the rating is unranked. */
  rank: PlayerRank | undefined;
}

/** LADDER.md's profile periods, in days. */
export const PROFILE_PERIODS = [14, 30, 90] as const;

const DAY_MS = 86_400_000;

/**
 * The matches completed in the last `days` days as of `now`, the start of the window included: counted
 * from the match dates each time, so a profile kept in memory never freezes.
 */
export function periodRecord(matches: readonly PlayedMatch[], days: number, now: Date): PeriodRecord {
  const since = now.getTime() - days * DAY_MS;
  const inWindow = matches.filter((match) => match.completedAt.getTime() >= since && match.completedAt.getTime() <= now.getTime());
  const count = (outcome: PlayedMatch['outcome']) => inWindow.filter((match) => match.outcome === outcome).length;
  return { days, games: inWindow.length, record: { wins: count('won'), losses: count('lost'), draws: count('draw') } };
}

export interface ProfileSummary {
  name: string;
  discordUsername: string;
  battletag: string | null;
  alts: string[];
  country: string | null;
  region: string | null;
  overall: Record3 & { winRate: number | null };
  races: RaceLine[];
  termsVersion: string | null;
  setupCompletedAt: Date | null;
  abortsLeft: number;
  abortsPerMonth: number;
}

/** The first moment after `now` at which a match leaves one of the day windows: a rendered profile holds until then. */
export function nextPeriodChange(matches: readonly PlayedMatch[], now: Date): number | null {
  const exits = matches.flatMap((match) => PROFILE_PERIODS.map((days) => match.completedAt.getTime() + days * DAY_MS + 1)).filter((at) => at > now.getTime());
  return exits.length === 0 ? null : Math.min(...exits);
}

/** What a profile says, decided from the player's details alone; rendering is elsewhere. */
export function summarizeProfile(
  player: PlayerRecord,
  details: ProfileDetails,
  abortsPerMonth: number,
  now: Date,
  rankOf: (race: string) => PlayerRank | undefined,
): ProfileSummary {
  const { ratings } = details;
  const races = ratings
    .filter((rating) => rating.gamesPlayed > 0)
    .map((rating) => ({
      race: rating.race,
      rating: rating.mmr,
      record: { wins: rating.gamesWon, losses: rating.gamesLost, draws: rating.gamesDrawn },
      periods: PROFILE_PERIODS.map((days) => periodRecord(details.matches.filter((match) => match.race === rating.race), days, now)),
      lastPlayedAt: rating.lastPlayedAt,
      rank: rankOf(rating.race),
    }))
    .sort((a, b) => b.rating - a.rating);
  const overall = races.reduce(
    (sum, line) => ({ wins: sum.wins + line.record.wins, losses: sum.losses + line.record.losses, draws: sum.draws + line.record.draws }),
    { wins: 0, losses: 0, draws: 0 },
  );
  const games = overall.wins + overall.losses + overall.draws;
  return {
    name: player.playerName ?? player.discordUsername,
    discordUsername: player.discordUsername,
    battletag: player.battletag,
    alts: [player.altPlayerName1, player.altPlayerName2].filter((alt): alt is string => alt !== null),
    country: player.country,
    region: player.region,
    overall: { ...overall, winRate: games === 0 ? null : overall.wins / games },
    races,
    termsVersion: player.termsAccepted ? player.termsVersion : null,
    setupCompletedAt: player.setupCompletedAt,
    abortsLeft: abortsLeft(player, abortsPerMonth, now),
    abortsPerMonth,
  };
}
