import type { BwRace, Sc2Race } from '../../matches/domain/queue-entry';

/** What a /queue message shows chosen: at most one race per game, and up to four vetoed maps. */
export interface QueueSelection {
  bw?: BwRace;
  sc2?: Sc2Race;
  /** Map codes of the current pool, in pool order. */
  vetoes: readonly string[];
}

export const MAX_VETOES = 4;
export const NO_RACE = 'none';

export const EMPTY_SELECTION: QueueSelection = { vetoes: [] };

const BW_RACES: readonly BwRace[] = ['bw_terran', 'bw_zerg', 'bw_protoss'];
const SC2_RACES: readonly Sc2Race[] = ['sc2_terran', 'sc2_zerg', 'sc2_protoss'];

export function isBwRace(value: string): value is BwRace {
  return (BW_RACES as readonly string[]).includes(value);
}

export function isSc2Race(value: string): value is Sc2Race {
  return (SC2_RACES as readonly string[]).includes(value);
}

export function hasRace(selection: QueueSelection): boolean {
  return selection.bw !== undefined || selection.sc2 !== undefined;
}

/** The races chosen, BW first: what the preferences and the log row record. */
export function racesOf(selection: QueueSelection): string[] {
  return [selection.bw, selection.sc2].filter((race): race is BwRace | Sc2Race => race !== undefined);
}

/**
 * A selection from saved or clicked values, keeping only what still holds: known races, one per game,
 * and the first four vetoes that are in the current pool (in pool order).
 */
export function selectionFrom(races: readonly string[], vetoes: readonly string[], pool: readonly string[]): QueueSelection {
  const chosen = new Set(vetoes);
  return {
    bw: races.find(isBwRace),
    sc2: races.find(isSc2Race),
    vetoes: pool.filter((code) => chosen.has(code)).slice(0, MAX_VETOES),
  };
}
