import { seededRandom } from '../../matches/domain/seeded-random';
import { LeaderboardFilter, NO_FILTER } from './leaderboard-filter';
import { filterPool, pageOf, PageRequest } from './leaderboard-page';
import { RatingEntry } from './rank-index';
import { compareRanked, Letter, letterCounts, LETTERS, rankPool } from './ranks';

const now = new Date('2026-12-02T12:00:00.000Z');
const RACES = ['bw_terran', 'bw_zerg', 'bw_protoss', 'sc2_terran', 'sc2_zerg', 'sc2_protoss'];
const COUNTRIES = ['DE', 'FR', 'KR', 'ZZ'];
const ALL: PageRequest = { page: 1, pageSize: 1000, maxPages: 1 };

/** Player n plays from country n mod 4 (the last one standing for "Other"), each with some races. */
function pool(players: number, seed = 1): RatingEntry[] {
  const random = seededRandom(seed);
  const ratings: RatingEntry[] = [];
  for (let playerId = 1; playerId <= players; playerId += 1) {
    for (const race of RACES) {
      if (random() < 0.6) continue;
      ratings.push({ id: ratings.length + 1, playerId, race, rating: 1300 + Math.floor(random() * 400), gamesPlayed: 3, lastPlayedAt: now, wins: 2, losses: 1 });
    }
  }
  return ratings.sort(compareRanked);
}
const countryOf = (entry: RatingEntry) => COUNTRIES[entry.playerId % 4];
const page = (ratings: RatingEntry[], filter: LeaderboardFilter, request: PageRequest = ALL) =>
  pageOf(filterPool(ratings, letterCounts(ratings.length), filter, request.pageSize * request.maxPages, countryOf), request);

describe('a leaderboard page', () => {
  const ratings = pool(300);
  const reference = rankPool(ratings, now);

  it('lists the whole pool with global positions and letters when nothing filters', () => {
    const shown = page(ratings, NO_FILTER, { page: 1, pageSize: 2000, maxPages: 1 });
    expect(shown.matched).toBe(ratings.length);
    expect(shown.rows.map((row) => [row.entry.id, row.position, row.letter])).toEqual(reference.map((rating) => [rating.id, rating.position, rating.letter]));
  });

  it('combines values of one kind with OR and kinds with AND, keeping global positions', () => {
    const filter: LeaderboardFilter = { races: ['bw_zerg', 'sc2_terran'], letters: ['B', 'C'], countries: ['FR', 'ZZ'], bestRaceOnly: false };
    const expected = reference.filter(
      (rating) => ['bw_zerg', 'sc2_terran'].includes(rating.race) && ['B', 'C'].includes(rating.letter) && ['FR', 'ZZ'].includes(countryOf(rating)),
    );
    expect(expected.length).toBeGreaterThan(5);
    const shown = page(ratings, filter);
    expect(shown.matched).toBe(expected.length);
    expect(shown.rows.map((row) => [row.entry.id, row.position, row.letter])).toEqual(expected.map((rating) => [rating.id, rating.position, rating.letter]));
  });

  it.each<[string, Partial<LeaderboardFilter>, (rating: RatingEntry & { letter: Letter }) => boolean]>([
    ['one race', { races: ['sc2_protoss'] }, (rating) => rating.race === 'sc2_protoss'],
    ['three races', { races: ['bw_terran', 'bw_zerg', 'bw_protoss'] }, (rating) => rating.race.startsWith('bw_')],
    ['one letter', { letters: ['A'] }, (rating) => rating.letter === 'A'],
    ['S and F', { letters: ['S', 'F'] }, (rating) => rating.letter === 'S' || rating.letter === 'F'],
    ['one country', { countries: ['KR'] }, (rating) => countryOf(rating) === 'KR'],
    ['Other', { countries: ['ZZ'] }, (rating) => countryOf(rating) === 'ZZ'],
  ])('filters by %s', (_, filter, keep) => {
    const expected = reference.filter(keep);
    expect(page(ratings, { ...NO_FILTER, ...filter }).rows.map((row) => row.entry.id)).toEqual(expected.map((rating) => rating.id));
  });

  it('with best race only, keeps each player\'s highest ranked race, chosen before the other filters', () => {
    const best = new Map<number, number>();
    for (const rating of reference) if (!best.has(rating.playerId)) best.set(rating.playerId, rating.id);
    const onlyBest = page(ratings, { ...NO_FILTER, bestRaceOnly: true });
    expect(onlyBest.rows.map((row) => row.entry.id)).toEqual(reference.filter((rating) => best.get(rating.playerId) === rating.id).map((rating) => rating.id));
    expect(new Set(onlyBest.rows.map((row) => row.entry.playerId)).size).toBe(onlyBest.rows.length);

    // A player whose best race is not Zerg is not listed for a lower Zerg rating.
    const zergBest = page(ratings, { ...NO_FILTER, bestRaceOnly: true, races: ['bw_zerg'] });
    const expected = reference.filter((rating) => rating.race === 'bw_zerg' && best.get(rating.playerId) === rating.id);
    expect(zergBest.rows.map((row) => row.entry.id)).toEqual(expected.map((rating) => rating.id));
    expect(zergBest.matched).toBeLessThan(page(ratings, { ...NO_FILTER, races: ['bw_zerg'] }).matched);
  });

  it('pages by the page size, clamps the page asked for, and offers at most the maximum of pages', () => {
    const request = { pageSize: 40, maxPages: 5 };
    const first = page(ratings, NO_FILTER, { ...request, page: 1 });
    expect(first.rows.map((row) => row.position)).toEqual(Array.from({ length: 40 }, (_, index) => index + 1));
    expect(first.pages).toBe(5);
    const third = page(ratings, NO_FILTER, { ...request, page: 3 });
    expect(third.rows[0].position).toBe(81);
    expect(page(ratings, NO_FILTER, { ...request, page: 99 }).page).toBe(5);
    expect(page(ratings, NO_FILTER, { ...request, page: 0 }).page).toBe(1);
    expect(page(ratings, NO_FILTER, { ...request, page: 5 }).rows.at(-1)?.position).toBe(200);
    expect(page(ratings, NO_FILTER, { ...request, page: 5 }).matched).toBe(ratings.length);
  });

  it('has one empty page when nothing matches or nobody is ranked', () => {
    expect(page([], NO_FILTER)).toEqual({ rows: [], page: 1, pages: 1, matched: 0 });
    const nobody = page(ratings, { ...NO_FILTER, letters: ['S'], races: [...new Set(reference.filter((rating) => rating.letter !== 'S').map((rating) => rating.race))].filter((race) => !reference.some((rating) => rating.letter === 'S' && rating.race === race)) });
    expect(nobody.matched).toBe(0);
    expect(nobody.rows).toEqual([]);
    expect(nobody.pages).toBe(1);
  });

  it('gives every listed rating exactly one letter, never a worse one for a better rating, over many pools', () => {
    for (let seed = 1; seed <= 40; seed += 1) {
      const each = pool(1 + seed * 7, seed);
      const rows = page(each, NO_FILTER).rows;
      expect(rows).toHaveLength(each.length);
      for (let index = 1; index < rows.length; index += 1) {
        expect(LETTERS.indexOf(rows[index].letter)).toBeGreaterThanOrEqual(LETTERS.indexOf(rows[index - 1].letter));
      }
    }
  });
});
