import type { RaceCode } from '../../static-data/domain/static-data.schemas';

/** One race of one queued player, as a wave weighs it. */
export interface Contender<R extends RaceCode = RaceCode> {
  /** The player's position among the wave's entries ordered by id: a stable key for every tie. */
  player: number;
  race: R;
  rating: number;
  waitCount: number;
  /** W(waitCount), computed once. */
  window: number;
}

/** By rating, then by player: the order of every side the wave searches. */
export function byRating(a: Contender, b: Contender): number {
  return a.rating - b.rating || a.player - b.player;
}
