import { BwRace, QueueEntry, RatedRace, Sc2Race } from './queue-entry';
import { RandomSource, randomIndex, seededRandom } from './seeded-random';

export interface SyntheticQueueOptions {
  mapPool: readonly string[];
  regions: readonly string[];
}

const BW_RACES: readonly BwRace[] = ['bw_terran', 'bw_zerg', 'bw_protoss'];
const SC2_RACES: readonly Sc2Race[] = ['sc2_terran', 'sc2_zerg', 'sc2_protoss'];
const MAX_VETOES = 4;

/**
 * A plausible queue for measurements and property checks, the same for the same seed: 45 % BW only,
 * 40 % SC2 only, 15 % both; ratings around 1500 (spread 250); waits mostly short; up to 4 vetoes.
 */
export function syntheticQueue(size: number, seed: number, options: SyntheticQueueOptions): QueueEntry[] {
  const random = seededRandom(seed);
  return Array.from({ length: size }, (_, position) => {
    const kind = random();
    return {
      playerId: `1${String(position).padStart(17, '0')}`,
      bw: kind < 0.6 ? rated(BW_RACES, random) : undefined,
      sc2: kind >= 0.45 ? rated(SC2_RACES, random) : undefined,
      waitCount: 1 + Math.floor(-2 * Math.log(1 - random())),
      vetoes: vetoes(options.mapPool, random),
      region: options.regions[randomIndex(random, options.regions.length)],
    };
  });
}

function rated<R extends BwRace | Sc2Race>(races: readonly R[], random: RandomSource): RatedRace<R> {
  return { race: races[randomIndex(random, races.length)], rating: Math.round(1500 + 250 * standardNormal(random)) };
}

/** Box-Muller. */
function standardNormal(random: RandomSource): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function vetoes(pool: readonly string[], random: RandomSource): string[] {
  const remaining = [...pool];
  const count = randomIndex(random, Math.min(MAX_VETOES, pool.length) + 1);
  return Array.from({ length: count }, () => remaining.splice(randomIndex(random, remaining.length), 1)[0]);
}
