import { PlayerActivity } from '../../../common/player-status/player-status';
import { MatchStatus } from '../../matches/match-record';

/** The matches that hold their players (LADDER.md, Admin: "live"): awaiting confirmation, awaiting reports, in conflict. */
export const LIVE_MATCH: readonly MatchStatus[] = ['awaiting_confirmation', 'confirmed', 'conflict'];

/**
 * Stuck: the player's state says queued or in a match, and no queue entry or live match backs it.
 * Returns the state that is stuck, or undefined when the player is not.
 */
export function stuckState(activity: PlayerActivity, queued: boolean, match: { status: MatchStatus } | undefined): 'queued' | 'in_match' | undefined {
  if (activity === 'queued' && !queued) return 'queued';
  if (activity === 'in_match' && (!match || !LIVE_MATCH.includes(match.status))) return 'in_match';
  return undefined;
}
