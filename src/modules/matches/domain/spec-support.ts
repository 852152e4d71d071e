import { StaticCatalog } from '../../static-data/domain/static-catalog';
import { validStaticData } from '../../static-data/domain/static-data.fixture';
import { runWave } from './matchmaker';
import { BwRace, QueueEntry, Sc2Race } from './queue-entry';
import { seededRandom } from './seeded-random';
import { WaveContext, WaveResult } from './wave';
import { WindowSettings } from './window';

/** LADDER.md's defaults: W(c) = 100 + 50 c. */
export const DEFAULT_WINDOW: WindowSettings = { windowBase: 100, windowStep: 50 };

/** The static-data fixture: regions WST, EST, FAR; maps alpha and beta_ridge. */
export const fixtureCatalog = new StaticCatalog(validStaticData());
export const FIXTURE_REGIONS = fixtureCatalog.regions().map((region) => region.code);
export const FIXTURE_MAPS = fixtureCatalog.currentSeason().maps.map((map) => map.code);

interface EntryOptions {
  wait?: number;
  vetoes?: string[];
  region?: string;
  bwRace?: BwRace;
  sc2Race?: Sc2Race;
}

const base = (playerId: string, options: EntryOptions) => ({
  playerId,
  waitCount: options.wait ?? 1,
  vetoes: options.vetoes ?? [],
  region: options.region ?? 'WST',
});

export function bwPlayer(playerId: string, rating: number, options: EntryOptions = {}): QueueEntry {
  return { ...base(playerId, options), bw: { race: options.bwRace ?? 'bw_zerg', rating } };
}

export function sc2Player(playerId: string, rating: number, options: EntryOptions = {}): QueueEntry {
  return { ...base(playerId, options), sc2: { race: options.sc2Race ?? 'sc2_protoss', rating } };
}

export function twoRacePlayer(playerId: string, bwRating: number, sc2Rating: number, options: EntryOptions = {}): QueueEntry {
  return { ...bwPlayer(playerId, bwRating, options), sc2: { race: options.sc2Race ?? 'sc2_protoss', rating: sc2Rating } };
}

export function waveContext(seed: number, overrides: Partial<WaveContext> = {}): WaveContext {
  return {
    window: DEFAULT_WINDOW,
    mapPool: FIXTURE_MAPS,
    chooseServer: (regionA, regionB) => fixtureCatalog.chooseServer(regionA, regionB),
    random: seededRandom(seed),
    ...overrides,
  };
}

/** Each match as "BW id v SC2 id". */
export function pairings(result: WaveResult): string[] {
  return result.matches.map((match) => `${match.player1.playerId} v ${match.player2.playerId}`);
}

export function wave(entries: readonly QueueEntry[], seed = 1, overrides: Partial<WaveContext> = {}): WaveResult {
  return runWave(entries, waveContext(seed, overrides));
}
