import { ascendingOrder } from './ascending-order';
import { CandidatePairs, nearestCandidates } from './candidates';
import { Contender } from './contender';
import { Pair } from './pair';
import { PairJudge } from './pair-judge';
import { BwRace, Sc2Race } from './queue-entry';

export interface GreedyLimits {
  /** Each contender's candidates: this many nearest ratings on the other side. */
  candidates: number;
  /** At most this many rounds; a round that finds no pair ends them. */
  rounds: number;
}

/**
 * Greedy by score over each contender's nearest candidates, in rounds: whoever is still free after a
 * round looks again among the others still free. Why rounds: in a large queue someone's nearest
 * ratings are often all taken by better pairs while an allowed partner a little farther away stays
 * free; a single round would leave a fifth of such a queue waiting for nothing. A small queue (no
 * side larger than the limit) is settled in the first round, exactly as a search of every pair.
 */
export function pairInRounds(bwSide: readonly Contender<BwRace>[], sc2Side: readonly Contender<Sc2Race>[], limits: GreedyLimits, judge: PairJudge): Pair[] {
  const pairs: Pair[] = [];
  let freeBw = bwSide;
  let freeSc2 = sc2Side;
  for (let round = 0; round < limits.rounds && freeBw.length > 0 && freeSc2.length > 0; round += 1) {
    const found = pairGreedily(nearestCandidates(freeBw, freeSc2, limits.candidates, judge), freeBw, freeSc2);
    if (found.pairs.length === 0) break;
    pairs.push(...found.pairs);
    freeBw = freeBw.filter((_, position) => !found.bwTaken[position]);
    freeSc2 = freeSc2.filter((_, position) => !found.sc2Taken[position]);
  }
  return pairs;
}

interface GreedyRound {
  pairs: Pair[];
  /** By position in the round's sides. */
  bwTaken: Uint8Array;
  sc2Taken: Uint8Array;
}

/** Pairs taken by ascending score while both players are free; equal scores in the order the candidates were found. */
function pairGreedily(candidates: CandidatePairs, bwSide: readonly Contender<BwRace>[], sc2Side: readonly Contender<Sc2Race>[]): GreedyRound {
  const { bw, sc2, score } = candidates;
  const bwTaken = new Uint8Array(bwSide.length);
  const sc2Taken = new Uint8Array(sc2Side.length);
  const pairs: Pair[] = [];
  const order = ascendingOrder(score);
  for (let rank = 0; rank < order.length; rank += 1) {
    const candidate = order[rank];
    if (bwTaken[bw[candidate]] || sc2Taken[sc2[candidate]]) continue;
    bwTaken[bw[candidate]] = 1;
    sc2Taken[sc2[candidate]] = 1;
    pairs.push({ bw: bwSide[bw[candidate]], sc2: sc2Side[sc2[candidate]] });
  }
  return { pairs, bwTaken, sc2Taken };
}
