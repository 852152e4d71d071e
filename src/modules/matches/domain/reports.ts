/** What a player says of their own game (LADDER.md, Reports): in the first person. */
export type Report = 'won' | 'lost' | 'draw';

/** The match's result: which side won, or a draw. Player 1 is the Brood War side. */
export type MatchResult = 'player_1' | 'player_2' | 'draw';

export const REPORTS: readonly Report[] = ['won', 'lost', 'draw'];

export type Agreement = { kind: 'pending' } | { kind: 'agree'; result: MatchResult } | { kind: 'conflict' };

/**
 * Two reports agree when one says won and the other lost, or both say draw; any other pair conflicts
 * (both won, both lost, a draw against a win or a loss). One report alone waits for the other.
 */
export function agreement(report1: Report | null, report2: Report | null): Agreement {
  if (report1 === null || report2 === null) return { kind: 'pending' };
  if (report1 === 'won' && report2 === 'lost') return { kind: 'agree', result: 'player_1' };
  if (report1 === 'lost' && report2 === 'won') return { kind: 'agree', result: 'player_2' };
  if (report1 === 'draw' && report2 === 'draw') return { kind: 'agree', result: 'draw' };
  return { kind: 'conflict' };
}

/** The result a lone report means when it stands at the deadline, as if the other had agreed. */
export function resultOfLoneReport(side: 1 | 2, report: Report): MatchResult {
  if (report === 'draw') return 'draw';
  const sideWon = report === 'won';
  return (side === 1) === sideWon ? 'player_1' : 'player_2';
}

/** Player 1's score for a result. */
export function scoreOf(result: MatchResult): 1 | 0 | 0.5 {
  return result === 'player_1' ? 1 : result === 'player_2' ? 0 : 0.5;
}
