import { Contender } from './contender';
import { pairScore, PairJudge } from './pair-judge';
import { firstIndexAbove, firstIndexAtLeast } from './sorted-search';

/** Allowed pairs as parallel columns of positions in the two sides, with their scores. */
export interface CandidatePairs {
  bw: Uint32Array;
  sc2: Uint32Array;
  score: Float64Array;
}

interface NearestRanges {
  from: Int32Array;
  to: Int32Array;
}

/**
 * Each contender's `limit` nearest ratings on the other side, in both directions, each pair judged
 * once. Both sides must be in rating order. With `limit` at least a side's size every pair is a
 * candidate, so the limit changes nothing for small queues.
 */
export function nearestCandidates(bwSide: readonly Contender[], sc2Side: readonly Contender[], limit: number, judge: PairJudge): CandidatePairs {
  const fromBw = nearestRanges(bwSide, sc2Side, limit);
  const fromSc2 = nearestRanges(sc2Side, bwSide, limit);
  // Each contender brings at most `limit` pairs, so the columns never need to grow.
  const capacity = Math.min(limit, sc2Side.length) * bwSide.length + Math.min(limit, bwSide.length) * sc2Side.length;
  const pairs: CandidatePairs = { bw: new Uint32Array(capacity), sc2: new Uint32Array(capacity), score: new Float64Array(capacity) };
  let found = 0;
  const consider = (bw: number, sc2: number) => {
    if (!judge.allowed(bwSide[bw], sc2Side[sc2])) return;
    pairs.bw[found] = bw;
    pairs.sc2[found] = sc2;
    pairs.score[found] = pairScore(bwSide[bw], sc2Side[sc2]);
    found += 1;
  };
  for (let bw = 0; bw < bwSide.length; bw += 1) {
    for (let sc2 = fromBw.from[bw]; sc2 < fromBw.to[bw]; sc2 += 1) consider(bw, sc2);
  }
  for (let sc2 = 0; sc2 < sc2Side.length; sc2 += 1) {
    for (let bw = fromSc2.from[sc2]; bw < fromSc2.to[sc2]; bw += 1) {
      const seenFromBw = fromBw.from[bw] <= sc2 && sc2 < fromBw.to[bw];
      if (!seenFromBw) consider(bw, sc2);
    }
  }
  return { bw: pairs.bw.subarray(0, found), sc2: pairs.sc2.subarray(0, found), score: pairs.score.subarray(0, found) };
}

/**
 * For each seeker (in `seekers`' order, which is by rating), the contiguous run of the `limit`
 * contenders of `others` nearest in rating, centred where the seeker would stand among them.
 */
function nearestRanges(seekers: readonly Contender[], others: readonly Contender[], limit: number): NearestRanges {
  const seekerRatings = Float64Array.from(seekers.map((seeker) => seeker.rating));
  const otherRatings = Float64Array.from(others.map((other) => other.rating));
  const count = Math.min(limit, others.length);
  const ranges: NearestRanges = { from: new Int32Array(seekers.length), to: new Int32Array(seekers.length) };
  seekers.forEach((seeker, position) => {
    const place = placeAmong(seekerRatings, position, otherRatings);
    let from = place;
    let to = place;
    while (to - from < count) {
      const below = from > 0 ? seeker.rating - otherRatings[from - 1] : Infinity;
      const above = to < otherRatings.length ? otherRatings[to] - seeker.rating : Infinity;
      const takeBelow = below < above || (below === above && place - from <= to - place);
      if (takeBelow) from -= 1;
      else to += 1;
    }
    ranges.from[position] = from;
    ranges.to[position] = to;
  });
  return ranges;
}

/**
 * Where a seeker stands among the other side's ratings: among equal ratings, at the same share of the
 * way through as among its own side's. Why: many players share a rating (every newcomer has 1500), and
 * runs all starting at the first of them would make everyone compete for the same few partners.
 */
function placeAmong(seekerRatings: Float64Array, position: number, otherRatings: Float64Array): number {
  const rating = seekerRatings[position];
  const ownTies = firstIndexAtLeast(seekerRatings, rating);
  const ownTieCount = firstIndexAbove(seekerRatings, rating) - ownTies;
  const otherTies = firstIndexAtLeast(otherRatings, rating);
  const otherTieCount = firstIndexAbove(otherRatings, rating) - otherTies;
  return otherTies + Math.floor(((position - ownTies) * otherTieCount) / ownTieCount);
}
