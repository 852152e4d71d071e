/** What a player command needs of the person using it; set by @RequirePlayer, read by the PlayerGuard. */
export interface PlayerRequirements {
  /** Terms accepted in the current version (default true). */
  terms?: boolean;
  /** Setup completed. */
  setup?: boolean;
  /** Not queued and not in a match. */
  idle?: boolean;
}

export const PLAYER_REQUIREMENTS = 'ladder:player-requirements';
