import { Contender } from './contender';
import { PairJudge } from './pair-judge';
import { PartnerIndex } from './partner-index';
import { BwRace, QueueEntry, RatedRace, Sc2Race } from './queue-entry';
import { ratingWindow, WindowSettings } from './window';

/** A player's races that have at least one allowed partner in this wave's queue. */
export interface EligiblePlayer {
  player: number;
  bw?: Contender<BwRace>;
  sc2?: Contender<Sc2Race>;
}

/**
 * Why: a race nobody in the queue can be paired with must not weigh in side balancing nor take a
 * longest-waiting place, so such a player changes nothing for the others; they simply stay queued.
 */
export function eligiblePlayers(queue: readonly QueueEntry[], settings: WindowSettings, judge: PairJudge): EligiblePlayer[] {
  const players = queue.map((entry, player) => {
    const contender = <R extends BwRace | Sc2Race>(rated: RatedRace<R> | undefined): Contender<R> | undefined =>
      rated && { player, race: rated.race, rating: rated.rating, waitCount: entry.waitCount, window: ratingWindow(entry.waitCount, settings) };
    return { player, bw: contender(entry.bw), sc2: contender(entry.sc2) };
  });
  const bwIndex = new PartnerIndex(players.flatMap((player) => (player.bw ? [player.bw] : [])));
  const sc2Index = new PartnerIndex(players.flatMap((player) => (player.sc2 ? [player.sc2] : [])));
  return players
    .map(({ player, bw, sc2 }) => ({
      player,
      bw: bw && sc2Index.hasPartnerFor(bw, judge) ? bw : undefined,
      sc2: sc2 && bwIndex.hasPartnerFor(sc2, judge) ? sc2 : undefined,
    }))
    .filter((player) => player.bw || player.sc2);
}
