import type { RaceCode } from '../../static-data/domain/static-data.schemas';

export type BwRace = Extract<RaceCode, `bw_${string}`>;
export type Sc2Race = Extract<RaceCode, `sc2_${string}`>;

export interface RatedRace<R extends RaceCode = RaceCode> {
  race: R;
  rating: number;
}

/** A queued player as the wave sees them: at most one race per game, each with its rating. */
export interface QueueEntry {
  /** Discord snowflake. */
  playerId: string;
  bw?: RatedRace<BwRace>;
  sc2?: RatedRace<Sc2Race>;
  /** Waves waited, this one included: the queue adds one before it runs the wave. */
  waitCount: number;
  /** Map codes. */
  vetoes: readonly string[];
  /** Residential region code. */
  region: string;
}
