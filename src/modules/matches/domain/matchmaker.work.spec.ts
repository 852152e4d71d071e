import { runWave } from './matchmaker';
import { QueueEntry } from './queue-entry';
import { seededRandom } from './seeded-random';
import { DEFAULT_WINDOW, fixtureCatalog, FIXTURE_MAPS, FIXTURE_REGIONS } from './spec-support';
import { syntheticQueue } from './synthetic-queue';

/**
 * k in "pair evaluations <= k n log2 n". Measured on these queues: 5.7 at 100 players, 4.3 at 1,000,
 * 3.3 at 10,000, 2.9 at 50,000, 1.3 to 2.5 with one shared rating. The limits cap the work per player
 * by construction (candidates x rounds, plus 2 x swapNeighbours x swapPasses per pair), so it grows
 * like n; a search without them would be n² and break this bound from about a hundred players.
 */
const K = 8;

const evaluationsOf = (entries: readonly QueueEntry[]) =>
  runWave(entries, {
    window: DEFAULT_WINDOW,
    mapPool: FIXTURE_MAPS,
    chooseServer: (regionA, regionB) => fixtureCatalog.chooseServer(regionA, regionB),
    random: seededRandom(1),
  }).pairEvaluations;

const options = { mapPool: FIXTURE_MAPS, regions: FIXTURE_REGIONS };

describe('the work of a wave', () => {
  it.each([100, 1_000, 10_000, 50_000])('stays within k n log2 n pair evaluations for a random queue of %d', (size) => {
    const evaluations = evaluationsOf(syntheticQueue(size, size, options));
    expect(evaluations).toBeGreaterThanOrEqual(size);
    expect(evaluations).toBeLessThanOrEqual(K * size * Math.log2(size));
  });

  it.each([100, 10_000])('stays within k n log2 n when %d players share one rating and every wait differs', (size) => {
    const sameRating = syntheticQueue(size, 3, options).map((entry, position) => ({
      ...entry,
      bw: entry.bw && { ...entry.bw, rating: 1500 },
      sc2: entry.sc2 && { ...entry.sc2, rating: 1500 },
      waitCount: 1 + position,
    }));
    const evaluations = evaluationsOf(sameRating);
    expect(evaluations).toBeGreaterThanOrEqual(size);
    expect(evaluations).toBeLessThanOrEqual(K * size * Math.log2(size));
  });
});
