import { seededRandom } from '../../matches/domain/seeded-random';
import { decodeFilter, encodeFilter, FilterLists, LeaderboardFilter, NO_FILTER } from './leaderboard-filter';
import { Letter, LETTERS } from './ranks';

const RACES = ['bw_terran', 'bw_zerg', 'bw_protoss', 'sc2_terran', 'sc2_zerg', 'sc2_protoss'];
const COUNTRIES = Array.from({ length: 49 }, (_, index) => String.fromCharCode(65 + Math.floor(index / 26), 65 + (index % 26))).concat('ZZ');
const lists: FilterLists = { races: RACES, countries: COUNTRIES };
const EVERYTHING: LeaderboardFilter = { races: RACES, letters: [...LETTERS], countries: COUNTRIES, bestRaceOnly: true };

describe('leaderboard filters in custom ids', () => {
  it('read back every filter they were written with', () => {
    const random = seededRandom(7);
    const some = <T>(list: readonly T[]) => list.filter(() => random() < 0.3);
    for (let run = 0; run < 500; run += 1) {
      const filter: LeaderboardFilter = { races: some(RACES), letters: some(LETTERS) as Letter[], countries: some(COUNTRIES), bestRaceOnly: random() < 0.5 };
      expect(decodeFilter(encodeFilter(filter, lists), lists)).toEqual(filter);
    }
    expect(decodeFilter(encodeFilter(NO_FILTER, lists), lists)).toEqual(NO_FILTER);
    expect(decodeFilter(encodeFilter(EVERYTHING, lists), lists)).toEqual(EVERYTHING);
  });

  it('fit every filter set at once in 13 characters plus the lists fingerprint', () => {
    const token = encodeFilter(EVERYTHING, lists);
    expect(token.filters.length).toBeLessThanOrEqual(13);
    expect(token.lists.length).toBeLessThanOrEqual(7);
  });

  it('list the values in the order of the lists, however they were chosen', () => {
    const token = encodeFilter({ ...NO_FILTER, races: ['sc2_zerg', 'bw_terran'], letters: ['F', 'S'] }, lists);
    expect(decodeFilter(token, lists)).toEqual({ ...NO_FILTER, races: ['bw_terran', 'sc2_zerg'], letters: ['S', 'F'] });
  });

  it('are stale when the lists they were drawn for changed', () => {
    const token = encodeFilter({ ...NO_FILTER, countries: ['AB'] }, lists);
    expect(decodeFilter(token, { races: RACES, countries: [...COUNTRIES.slice(1), 'QQ'] })).toBe('stale');
    expect(decodeFilter(token, { races: RACES.slice(1), countries: COUNTRIES })).toBe('stale');
  });

  it('refuse bits past the lists and text that is not base 36', () => {
    const { lists: fingerprint } = encodeFilter(NO_FILTER, lists);
    const pastTheLists = (1n << BigInt(1 + RACES.length + LETTERS.length + COUNTRIES.length)).toString(36);
    expect(decodeFilter({ filters: pastTheLists, lists: fingerprint }, lists)).toBeUndefined();
    expect(decodeFilter({ filters: 'ZZ', lists: fingerprint }, lists)).toBeUndefined();
    expect(decodeFilter({ filters: '', lists: fingerprint }, lists)).toBeUndefined();
  });

  it('refuse a value outside the lists when writing', () => {
    expect(() => encodeFilter({ ...NO_FILTER, races: ['bw_random'] }, lists)).toThrow('bw_random');
  });
});
