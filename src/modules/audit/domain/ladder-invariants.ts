import { adminLogViolations } from './admin-log-invariants';
import { LadderIndex } from './ladder-index';
import { LadderSnapshot } from './ladder-snapshot';
import { matchLogViolations } from './match-log-invariants';
import { playerLogViolations } from './player-log-invariants';
import { ratingViolations } from './rating-invariants';
import { stateViolations } from './state-invariants';

/** Every way the database's ladder is not whole, in words; none when it is. */
export function ladderViolations(snapshot: LadderSnapshot, initialRating: number): string[] {
  const ladder = new LadderIndex(snapshot);
  return [...ratingViolations(ladder, initialRating), ...stateViolations(ladder), ...playerLogViolations(ladder), ...matchLogViolations(ladder), ...adminLogViolations(ladder)];
}
