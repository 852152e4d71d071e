import type { RaceCode } from '../../static-data/domain/static-data.schemas';
import { byRating, Contender } from './contender';
import { eligiblePlayers } from './eligibility';
import { pairInRounds } from './greedy-pairing';
import { chooseMap } from './map-choice';
import { Pair } from './pair';
import { PairJudge } from './pair-judge';
import { QueueEntry } from './queue-entry';
import { formSides } from './sides';
import { improveBySwaps } from './swaps';
import { DEFAULT_SEARCH_LIMITS, MatchedPlayer, ProposedMatch, WaveContext, WaveResult } from './wave';

/**
 * One matchmaking wave (LADDER.md, Queue and matchmaking): sides, greedy pairs by score among each
 * contender's nearest candidates, improving swaps, then map and server. The same entries in any order
 * with the same random sequence give the same result.
 */
export function runWave(entries: readonly QueueEntry[], context: WaveContext): WaveResult {
  const limits = context.limits ?? DEFAULT_SEARCH_LIMITS;
  const queue = inIdOrder(entries);
  const judge = new PairJudge();
  const sides = formSides(eligiblePlayers(queue, context.window, judge), context.random);
  const first = pairInRounds(sides.bw.sort(byRating), sides.sc2.sort(byRating), limits, judge);
  // Then the larger side's later players, with whoever the first pass left free on the other side.
  const paired = new Set(first.flatMap((pair) => [pair.bw, pair.sc2]));
  const leftBw = [...sides.bw, ...sides.later.bw].filter((contender) => !paired.has(contender)).sort(byRating);
  const leftSc2 = [...sides.sc2, ...sides.later.sc2].filter((contender) => !paired.has(contender)).sort(byRating);
  const second = pairInRounds(leftBw, leftSc2, limits, judge);
  const pairs = improveBySwaps([...first, ...second], limits, judge).sort((a, b) => a.bw.player - b.bw.player);

  const matched = new Uint8Array(queue.length);
  const matches = pairs.map((pair) => {
    matched[pair.bw.player] = 1;
    matched[pair.sc2.player] = 1;
    return proposeMatch(pair, queue, context);
  });
  const stayQueued = queue.filter((_, player) => !matched[player]).map((entry) => entry.playerId);
  return { matches, stayQueued, pairEvaluations: judge.evaluations };
}

function inIdOrder(entries: readonly QueueEntry[]): QueueEntry[] {
  const queue = [...entries].sort((a, b) => (a.playerId < b.playerId ? -1 : a.playerId > b.playerId ? 1 : 0));
  queue.forEach((entry, position) => {
    if (position > 0 && queue[position - 1].playerId === entry.playerId) throw new Error(`Player ${entry.playerId} is queued twice`);
  });
  return queue;
}

function proposeMatch(pair: Pair, queue: readonly QueueEntry[], context: WaveContext): ProposedMatch {
  const bwEntry = queue[pair.bw.player];
  const sc2Entry = queue[pair.sc2.player];
  return {
    player1: matchedPlayer(pair.bw, bwEntry),
    player2: matchedPlayer(pair.sc2, sc2Entry),
    mapCode: chooseMap(context.mapPool, bwEntry.vetoes, sc2Entry.vetoes, context.random),
    server: context.chooseServer(bwEntry.region, sc2Entry.region),
  };
}

function matchedPlayer<R extends RaceCode>(contender: Contender<R>, entry: QueueEntry): MatchedPlayer<R> {
  return { playerId: entry.playerId, race: contender.race, rating: contender.rating, waitCount: contender.waitCount };
}
