import type { ServerChoice } from '../../static-data/domain/server-choice';
import type { RaceCode } from '../../static-data/domain/static-data.schemas';
import { GreedyLimits } from './greedy-pairing';
import { BwRace, RatedRace, Sc2Race } from './queue-entry';
import { RandomSource } from './seeded-random';
import { SwapLimits } from './swaps';
import { WindowSettings } from './window';

/** The server for two residential regions, `rttMsA` being the first region's: StaticCatalog.chooseServer. */
export type ServerChooser = (regionA: string, regionB: string) => ServerChoice;

export type SearchLimits = GreedyLimits & SwapLimits;

/** Small queues (16 a side, 9 pairs) see every candidate and every swap; larger ones stay near n log n. */
export const DEFAULT_SEARCH_LIMITS: SearchLimits = { candidates: 16, rounds: 8, swapNeighbours: 8, swapPasses: 4 };

export interface WaveContext {
  window: WindowSettings;
  /** The current season's map codes. */
  mapPool: readonly string[];
  chooseServer: ServerChooser;
  /** A fresh seededRandom(seed) per wave makes the wave reproducible. */
  random: RandomSource;
  limits?: SearchLimits;
}

export interface MatchedPlayer<R extends RaceCode> extends RatedRace<R> {
  playerId: string;
  waitCount: number;
}

export interface ProposedMatch {
  /** The Brood War side. */
  player1: MatchedPlayer<BwRace>;
  /** The StarCraft II side. */
  player2: MatchedPlayer<Sc2Race>;
  mapCode: string;
  /** Chosen for (player 1's region, player 2's region): `rttMsA` is player 1's estimate. */
  server: ServerChoice;
}

export interface WaveResult {
  /** Ordered by player 1's id. */
  matches: ProposedMatch[];
  /** Ids of everyone not matched, ordered by id. */
  stayQueued: string[];
  /** Every pair the wave looked at: the work the n log n bound is about. */
  pairEvaluations: number;
}
