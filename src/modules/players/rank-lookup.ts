/** A rating's place in the ranked pool (LADDER.md, Leaderboard and ranks). */
export interface PlayerRank {
  position: number;
  letter: string;
  /** How many ratings are ranked. */
  of: number;
}

/**
 * How the players module shows ranks (on /profile) without knowing the leaderboard, which depends on
 * it: the leaderboard module provides it under RANK_LOOKUP.
 */
export interface RankLookup {
  rankOf(playerId: number, race: string): PlayerRank | undefined;
  /** Changes whenever any rank may have: a view drawn at an older revision is drawn again. */
  revision(): number;
}

export const RANK_LOOKUP = Symbol('RANK_LOOKUP');
