import { PlayerActivity } from '../../common/player-status/player-status';

/** A player's row as the bot keeps it in memory. */
export interface PlayerRecord {
  id: number;
  discordId: string;
  discordUsername: string;
  playerName: string | null;
  battletag: string | null;
  altPlayerName1: string | null;
  altPlayerName2: string | null;
  country: string | null;
  region: string | null;
  termsAccepted: boolean;
  termsVersion: string | null;
  termsAcceptedAt: Date | null;
  setupCompletedAt: Date | null;
  banned: boolean;
  abortsMonth: string | null;
  abortsUsed: number;
  /** The settings revision: bumped by terms, setup and country writes; buttons carry it. */
  rev: number;
  activity: PlayerActivity;
  /** When the player joined the queue or their match was found. */
  activityAt: Date | null;
  currentMatchId: number | null;
  /** Bumped by every write of the row: of two answers, memory keeps the higher. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface RatingRecord {
  race: string;
  mmr: number;
  gamesPlayed: number;
  gamesWon: number;
  gamesLost: number;
  gamesDrawn: number;
  lastPlayedAt: Date | null;
}

/** One completed match as the player saw it: their race and rating at creation, the opponent's, and the outcome. */
export interface PlayedMatch {
  matchId: number;
  completedAt: Date;
  race: string;
  rating: number;
  opponentId: number;
  opponentRace: string;
  mapCode: string;
  outcome: 'won' | 'lost' | 'draw';
  change: number;
}

/** What /profile and /history show beyond the player row (which memory always holds): loaded once, then kept. */
export interface ProfileDetails {
  ratings: RatingRecord[];
  /** Completed matches, newest first. */
  matches: PlayedMatch[];
}
