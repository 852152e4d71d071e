export type PlayerActivity = 'idle' | 'queued' | 'in_match';

/** What every player guard needs, answered from memory. */
export interface PlayerStatus {
  banned: boolean;
  /** Accepted the terms in their current version. */
  termsAccepted: boolean;
  setupComplete: boolean;
  activity: PlayerActivity;
  /** When the player joined the queue, or their match was found. */
  activitySince: Date | null;
  matchId: number | null;
}

export interface PlayerStatusProvider {
  statusOf(discordId: string): PlayerStatus;
}

/** Injection token: the players module provides it; common knows no feature module. */
export const PLAYER_STATUS = Symbol('PLAYER_STATUS');

export const NEW_PLAYER: PlayerStatus = { banned: false, termsAccepted: false, setupComplete: false, activity: 'idle', activitySince: null, matchId: null };
