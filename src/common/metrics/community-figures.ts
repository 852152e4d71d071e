/** The community's own numbers, as /admin/stats and /metrics show them. Weeks are ISO weeks, days and weeks in UTC. */
export interface CommunityFigures {
  playersRegistered: number;
  termsAccepted: number;
  setupsCompleted: number;
  queuedNow: { bw: number; sc2: number };
  matchesToday: number;
  matchesThisWeek: number;
  conflictsOpen: number;
  abortsThisWeek: number;
  timeoutsThisWeek: number;
}

export const NO_COMMUNITY_FIGURES: CommunityFigures = {
  playersRegistered: 0,
  termsAccepted: 0,
  setupsCompleted: 0,
  queuedNow: { bw: 0, sc2: 0 },
  matchesToday: 0,
  matchesThisWeek: 0,
  conflictsOpen: 0,
  abortsThisWeek: 0,
  timeoutsThisWeek: 0,
};
