import { LeaderboardFilter, NO_FILTER } from '../modules/leaderboard/domain/leaderboard-filter';
import { filterPool, pageOf } from '../modules/leaderboard/domain/leaderboard-page';
import { RankIndex, RatingEntry } from '../modules/leaderboard/domain/rank-index';
import { seededRandom } from '../modules/matches/domain/seeded-random';
import { forcedGc } from './forced-gc';

const RATINGS = 100_000;
const RUNS = 51;
const SEED = 16;
const DAY = 86_400_000;
const RACES = ['bw_terran', 'bw_zerg', 'bw_protoss', 'sc2_terran', 'sc2_zerg', 'sc2_protoss'];
/** 49 common countries and Other, as the filter lists them. */
const COUNTRIES = Array.from({ length: 49 }, (_, index) => `C${index}`).concat('ZZ');
const COMBINED: LeaderboardFilter = { races: ['bw_zerg', 'sc2_terran'], letters: ['B', 'C', 'D'], countries: ['C3', 'C17', 'C30', 'ZZ'], bestRaceOnly: true };

/**
 * The leaderboard's memory alone, no database: the ranked pool for 100,000 ratings, its size on the
 * heap, and the time to build a page (the work behind every /leaderboard click) unfiltered and with
 * a filter of every kind.
 */
export interface LeaderboardFigures {
  ratings: number;
  heap_bytes: number;
  build_ms: number;
  move_us: number;
  pages: Array<{ page: string; ms: number; matched: number }>;
}

export function printLeaderboardBenchmark(): LeaderboardFigures {
  const gc = forcedGc();
  const now = new Date();
  const countries = syntheticCountries();
  const countryOf = (entry: RatingEntry) => countries.get(entry.playerId)!;
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let ratings: RatingEntry[] | undefined = syntheticRatings(now);
  const index = new RankIndex();
  const loadStarted = performance.now();
  index.load(ratings, now);
  const loadMs = performance.now() - loadStarted;
  ratings = undefined;
  const pool = index.ranked(now);
  gc();
  const indexBytes = process.memoryUsage().heapUsed - heapBefore;

  const random = seededRandom(SEED + 1);
  const moveUs = median(
    Array.from({ length: 1000 }, () => {
      const known = pool[Math.floor(random() * pool.length)];
      const moved = { ...known, rating: known.rating + (random() < 0.5 ? -20 : 20), gamesPlayed: known.gamesPlayed + 1, lastPlayedAt: now };
      const started = performance.now();
      index.put(moved, now);
      return (performance.now() - started) * 1000;
    }),
  );
  const counts = index.letterCounts(now);
  const timed = (filter: LeaderboardFilter, page: number) => {
    const request = { page, pageSize: 40, maxPages: 25 };
    const build = () => pageOf(filterPool(index.ranked(now), counts, filter, request.pageSize * request.maxPages, countryOf), request);
    for (let warm = 0; warm < 5; warm += 1) build();
    let matched = 0;
    const ms = median(
      Array.from({ length: RUNS }, () => {
        const started = performance.now();
        matched = build().matched;
        return performance.now() - started;
      }),
    );
    return { ms, matched };
  };
  const pages = [
    ['page 1, no filter', timed(NO_FILTER, 1)],
    ['page 25, no filter', timed(NO_FILTER, 25)],
    ['page 1, 2 races + 3 ranks + 4 countries (Other among them) + best race only', timed(COMBINED, 1)],
  ] as const;

  console.log(`\nLeaderboard: ${index.ranked(now).length} ranked ratings in memory (seed ${SEED}), no database`);
  console.log(`Index on the heap, entries included: ${(indexBytes / 1024 / 1024).toFixed(1)} MB after a forced collection (${Math.round(indexBytes / RATINGS)} bytes per rating)`);
  console.log(`Built from the boot rows in ${loadMs.toFixed(1)} ms; a result moves one rating in ${moveUs.toFixed(1)} µs (median of 1000)`);
  const widths = [Math.max(...pages.map(([name]) => name.length)), 14, 8];
  console.log(['page built', `ms (median of ${RUNS})`.padStart(widths[1]), 'matched'.padStart(widths[2])].map((cell, column) => (column === 0 ? cell.padEnd(widths[0]) : cell)).join('  '));
  for (const [name, figure] of pages) console.log([name.padEnd(widths[0]), figure.ms.toFixed(2).padStart(widths[1]), String(figure.matched).padStart(widths[2])].join('  '));
  return { ratings: RATINGS, heap_bytes: indexBytes, build_ms: loadMs, move_us: moveUs, pages: pages.map(([page, figure]) => ({ page, ms: figure.ms, matched: figure.matched })) };
}

/** Each player's country, as the player directory holds it: a quarter of them outside the common list. */
function syntheticCountries(): Map<number, string> {
  const random = seededRandom(SEED - 1);
  return new Map(Array.from({ length: RATINGS }, (_, index) => [index + 1, random() < 0.25 ? 'ZZ' : COUNTRIES[Math.floor(random() * 49)]]));
}

/** 100,000 ratings of players with one to three races each, played within the last 13 days. */
function syntheticRatings(now: Date): RatingEntry[] {
  const random = seededRandom(SEED);
  const ratings: RatingEntry[] = [];
  for (let playerId = 1; ratings.length < RATINGS; playerId += 1) {
    const races = 1 + Math.floor(random() * random() * 3);
    for (const race of [...RACES].sort(() => random() - 0.5).slice(0, races)) {
      if (ratings.length === RATINGS) break;
      const games = 1 + Math.floor(random() * 60);
      const wins = Math.floor(random() * (games + 1));
      ratings.push({
        id: ratings.length + 1,
        playerId,
        race,
        rating: Math.round(1500 + (random() + random() + random() - 1.5) * 400),
        gamesPlayed: games,
        lastPlayedAt: new Date(now.getTime() - Math.floor(random() * 13 * DAY)),
        wins,
        losses: games - wins,
      });
    }
  }
  return ratings;
}


function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}
