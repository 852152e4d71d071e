import { Pair } from './pair';
import { PairJudge, squaredGap } from './pair-judge';

export interface SwapLimits {
  /** A pair tries swapping with this many following pairs in rating order. */
  swapNeighbours: number;
  /** At most this many passes; a pass without a swap ends them. */
  swapPasses: number;
}

const pairRating = (pair: Pair) => pair.bw.rating + pair.sc2.rating;

/**
 * Swaps partners between two pairs when that lowers their total squared gap and both new pairs are
 * allowed. Why only the squared gap: a swap keeps the same four players, so the wait part of the
 * score cannot change.
 */
export function improveBySwaps(greedyPairs: readonly Pair[], limits: SwapLimits, judge: PairJudge): Pair[] {
  const pairs = [...greedyPairs];
  for (let pass = 0; pass < limits.swapPasses; pass += 1) {
    pairs.sort((a, b) => pairRating(a) - pairRating(b) || a.bw.player - b.bw.player);
    let swapped = false;
    for (let first = 0; first < pairs.length; first += 1) {
      const last = Math.min(pairs.length - 1, first + limits.swapNeighbours);
      for (let second = first + 1; second <= last; second += 1) {
        const a = pairs[first];
        const b = pairs[second];
        const after = judge.allowedSquaredGap(a.bw, b.sc2) + judge.allowedSquaredGap(b.bw, a.sc2);
        if (after >= squaredGap(a.bw, a.sc2) + squaredGap(b.bw, b.sc2)) continue;
        pairs[first] = { bw: a.bw, sc2: b.sc2 };
        pairs[second] = { bw: b.bw, sc2: a.sc2 };
        swapped = true;
      }
    }
    if (!swapped) break;
  }
  return pairs;
}
