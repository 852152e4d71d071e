import { byRating, Contender } from './contender';
import { PairJudge } from './pair-judge';
import { firstIndexAbove, firstIndexAtLeast } from './sorted-search';

/**
 * One game's contenders, indexed to answer in O(log n) whether a contender of the other game has any
 * allowed partner among them: a rating inside the seeker's window, or a window that covers the seeker.
 * A player holds at most one contender per game, so "anyone but the seeker" needs only the best and
 * the runner-up window end.
 */
export class PartnerIndex {
  private readonly ratings: Float64Array;
  private readonly ratingOwners: Int32Array;
  private readonly windowStarts: Float64Array;
  /** Among the windows starting at or below each position: the farthest end, its owner, and the farthest end of anyone else. */
  private readonly farthestEnd: Float64Array;
  private readonly farthestOwner: Int32Array;
  private readonly runnerUpEnd: Float64Array;

  constructor(contenders: readonly Contender[]) {
    const sortedByRating = [...contenders].sort(byRating);
    // Why map first: TypedArray.from with a mapping function takes a far slower path.
    this.ratings = Float64Array.from(sortedByRating.map((contender) => contender.rating));
    this.ratingOwners = Int32Array.from(sortedByRating.map((contender) => contender.player));

    const start = (contender: Contender) => contender.rating - contender.window;
    const sortedByStart = [...contenders].sort((a, b) => start(a) - start(b) || a.player - b.player);
    this.windowStarts = Float64Array.from(sortedByStart.map(start));
    this.farthestEnd = new Float64Array(sortedByStart.length);
    this.farthestOwner = new Int32Array(sortedByStart.length);
    this.runnerUpEnd = new Float64Array(sortedByStart.length);
    let farthest = -Infinity;
    let owner = -1;
    let runnerUp = -Infinity;
    sortedByStart.forEach((contender, position) => {
      const end = contender.rating + contender.window;
      if (end > farthest) {
        runnerUp = farthest;
        farthest = end;
        owner = contender.player;
      } else if (end > runnerUp) {
        runnerUp = end;
      }
      this.farthestEnd[position] = farthest;
      this.farthestOwner[position] = owner;
      this.runnerUpEnd[position] = runnerUp;
    });
  }

  hasPartnerFor(seeker: Contender, judge: PairJudge): boolean {
    return this.ratingInWindowOf(seeker, judge) || this.windowCovering(seeker, judge);
  }

  private ratingInWindowOf(seeker: Contender, judge: PairJudge): boolean {
    const highest = seeker.rating + seeker.window;
    for (let position = firstIndexAtLeast(this.ratings, seeker.rating - seeker.window); position < this.ratings.length; position += 1) {
      if (this.ratings[position] > highest) return false;
      judge.countLookup();
      if (this.ratingOwners[position] !== seeker.player) return true;
    }
    return false;
  }

  private windowCovering(seeker: Contender, judge: PairJudge): boolean {
    const last = firstIndexAbove(this.windowStarts, seeker.rating) - 1;
    if (last < 0) return false;
    judge.countLookup();
    const end = this.farthestOwner[last] === seeker.player ? this.runnerUpEnd[last] : this.farthestEnd[last];
    return end >= seeker.rating;
  }
}
