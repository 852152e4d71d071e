import { PlayerRecord, ProfileDetails } from '../player-record';
import { abortsLeft } from './aborts';

export interface Record3 {
  wins: number;
  losses: number;
  draws: number;
}

export interface RaceLine {
  race: string;
  rating: number;
  record: Record3;
  lastPlayedAt: Date | null;
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

/** What a profile says, decided from the player's details alone; rendering is elsewhere. */
export function summarizeProfile(player: PlayerRecord, details: ProfileDetails, abortsPerMonth: number, now: Date): ProfileSummary {
  const { ratings } = details;
  const races = ratings
    .filter((rating) => rating.gamesPlayed > 0)
    .map((rating) => ({
      race: rating.race,
      rating: rating.mmr,
      record: { wins: rating.gamesWon, losses: rating.gamesLost, draws: rating.gamesDrawn },
      lastPlayedAt: rating.lastPlayedAt,
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
