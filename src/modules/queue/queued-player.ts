import { BwRace, RatedRace, Sc2Race } from '../matches/domain/queue-entry';

/** A queued player as memory holds them: the races with the ratings they had when joining. */
export interface QueuedPlayer {
  discordId: string;
  playerId: number;
  bw?: RatedRace<BwRace>;
  sc2?: RatedRace<Sc2Race>;
  /** Map codes. */
  vetoes: string[];
  joinedAt: Date;
}

export interface QueuePopulation {
  bw: number;
  sc2: number;
}
