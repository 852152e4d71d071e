import { RatingSettings, ratingChanges } from '../../matches/domain/rating';
import { MatchResult, scoreOf } from '../../matches/domain/reports';

/** An admin's verdict on a match: a winner, a draw, or no game at all. */
export type Verdict = MatchResult | 'cancel';

export const VERDICTS: readonly Verdict[] = ['player_1', 'player_2', 'draw', 'cancel'];

/** The states a match can be resolved in: played or due to be (awaiting reports, in conflict, completed, cancelled for no report). */
export const RESOLVABLE = ['confirmed', 'conflict', 'completed', 'cancelled'] as const;
export type ResolvableStatus = (typeof RESOLVABLE)[number];

/** What the resolution needs of a match: the ratings at creation, how it stands, and what it applied. */
export interface ResolvableMatch {
  status: ResolvableStatus;
  result: MatchResult | null;
  player1Rating: number;
  player2Rating: number;
  player1RatingChange: number;
  player2RatingChange: number;
}

/** What a game counts on one side's rating row. */
export interface Tally {
  change: number;
  played: number;
  won: number;
  lost: number;
  drawn: number;
}

export interface SideResolution {
  /** What the match will have applied once resolved. */
  target: Tally;
  /** What to apply now: the target less what the match already applied. */
  delta: Tally;
}

export interface Resolution {
  status: 'completed' | 'cancelled';
  result: MatchResult | null;
  player1: SideResolution;
  player2: SideResolution;
}

const NOTHING: Tally = { change: 0, played: 0, won: 0, lost: 0, drawn: 0 };

/**
 * The verdict as the ratings stored at the match's creation give it, and the difference from what the
 * match already applied (a completed match applied its changes and one game each; any other state
 * applied nothing). Applying the delta twice is what resolving twice must not do, so a second
 * resolution to the same verdict has a delta of nothing; later matches' changes are never touched.
 */
export function resolve(match: ResolvableMatch, verdict: Verdict, settings: RatingSettings): Resolution {
  const applied = appliedBy(match, settings);
  const target = verdict === 'cancel' ? { player1: NOTHING, player2: NOTHING } : tallies(match, verdict, settings);
  return {
    status: verdict === 'cancel' ? 'cancelled' : 'completed',
    result: verdict === 'cancel' ? null : verdict,
    player1: { target: target.player1, delta: minus(target.player1, applied.player1) },
    player2: { target: target.player2, delta: minus(target.player2, applied.player2) },
  };
}

/** Whether a delta moves anything on the rating row. */
export function movesAnything(delta: Tally): boolean {
  return delta.change !== 0 || delta.played !== 0 || delta.won !== 0 || delta.lost !== 0 || delta.drawn !== 0;
}

function appliedBy(match: ResolvableMatch, settings: RatingSettings): { player1: Tally; player2: Tally } {
  if (match.status !== 'completed' || match.result === null) return { player1: NOTHING, player2: NOTHING };
  const counted = tallies(match, match.result, settings);
  // The changes the match stored are what it applied, whatever the settings are now.
  return { player1: { ...counted.player1, change: match.player1RatingChange }, player2: { ...counted.player2, change: match.player2RatingChange } };
}

function tallies(match: ResolvableMatch, result: MatchResult, settings: RatingSettings): { player1: Tally; player2: Tally } {
  const score = scoreOf(result);
  const changes = ratingChanges(match.player1Rating, match.player2Rating, score, settings);
  const tally = (change: number, own: 1 | 0 | 0.5): Tally => ({ change, played: 1, won: Number(own === 1), lost: Number(own === 0), drawn: Number(own === 0.5) });
  return { player1: tally(changes.player1, score), player2: tally(changes.player2, (1 - score) as 1 | 0 | 0.5) };
}

function minus(a: Tally, b: Tally): Tally {
  return { change: a.change - b.change, played: a.played - b.played, won: a.won - b.won, lost: a.lost - b.lost, drawn: a.drawn - b.drawn };
}
