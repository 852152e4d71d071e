import { seededRandom } from '../../matches/domain/seeded-random';
import { isRanked, letterCounts, LETTERS, rankPool, RankCandidate } from './ranks';

const DAY = 86_400_000;
const now = new Date('2026-12-02T12:00:00.000Z');

describe('letter ranks', () => {
  it.each<[number, number[]]>([
    [1, [0, 0, 0, 0, 1, 0, 0]],
    [2, [0, 0, 0, 1, 1, 0, 0]],
    [10, [0, 0, 2, 3, 3, 2, 0]],
    [14, [0, 1, 3, 3, 3, 3, 1]],
    [50, [0, 3, 10, 11, 11, 11, 4]],
    [100, [1, 7, 21, 21, 21, 21, 8]],
    [101, [1, 7, 21, 21, 22, 21, 8]],
  ])('gives LADDER.md\'s allocation for %i ranked ratings (S A B C D E F)', (ranked, expected) => {
    const counts = letterCounts(ranked);
    expect(LETTERS.map((letter) => counts[letter])).toEqual(expected);
  });

  it('hands out every place for any pool size, with no floating-point loss', () => {
    for (let ranked = 0; ranked <= 5000; ranked += 1) {
      const counts = letterCounts(ranked);
      expect(LETTERS.reduce((sum, letter) => sum + counts[letter], 0)).toBe(ranked);
      for (const letter of LETTERS) expect(counts[letter]).toBeGreaterThanOrEqual(0);
    }
    expect(letterCounts(0)).toEqual({ S: 0, A: 0, B: 0, C: 0, D: 0, E: 0, F: 0 });
  });

  it('ranks a rating with games played within 14 days of now, to the millisecond, and nothing else', () => {
    const rating = (gamesPlayed: number, daysAgo: number | null): RankCandidate => ({
      id: 1,
      rating: 1500,
      gamesPlayed,
      lastPlayedAt: daysAgo === null ? null : new Date(now.getTime() - daysAgo * DAY),
    });
    expect(isRanked(rating(1, 0), now)).toBe(true);
    expect(isRanked(rating(1, 14), now)).toBe(true);
    expect(isRanked({ ...rating(1, 14), lastPlayedAt: new Date(now.getTime() - 14 * DAY - 1) }, now)).toBe(false);
    expect(isRanked(rating(0, 1), now)).toBe(false);
    expect(isRanked(rating(3, null), now)).toBe(false);
  });

  it('orders one pool by rating, then the most recent game, then the newest rating row', () => {
    const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
    const pool = rankPool(
      [
        { id: 1, rating: 1600, gamesPlayed: 3, lastPlayedAt: at(5) },
        { id: 2, rating: 1700, gamesPlayed: 1, lastPlayedAt: at(1) },
        { id: 3, rating: 1600, gamesPlayed: 2, lastPlayedAt: at(2) },
        { id: 4, rating: 1600, gamesPlayed: 2, lastPlayedAt: at(2) },
        { id: 5, rating: 1900, gamesPlayed: 9, lastPlayedAt: at(20) },
      ],
      now,
    );
    expect(pool.map((rating) => [rating.id, rating.position])).toEqual([
      [2, 1],
      [4, 2],
      [3, 3],
      [1, 4],
    ]);
    expect(pool.map((rating) => rating.letter)).toEqual(['B', 'C', 'D', 'E']);
  });

  describe('on random pools', () => {
    const random = seededRandom(1614);
    const pools = Array.from({ length: 60 }, (_, index) =>
      Array.from({ length: 1 + Math.floor(random() * 400) + index }, (__, id) => ({
        id,
        rating: 1000 + Math.floor(random() * 1000),
        gamesPlayed: Math.floor(random() * 4),
        lastPlayedAt: new Date(now.getTime() - Math.floor(random() * 30 * DAY)),
      })),
    );

    it('gives every ranked rating exactly one letter, in counts that sum to the pool', () => {
      for (const ratings of pools) {
        const pool = rankPool(ratings, now);
        expect(pool.every((rating) => LETTERS.includes(rating.letter))).toBe(true);
        const counts = letterCounts(pool.length);
        for (const letter of LETTERS) expect(pool.filter((rating) => rating.letter === letter)).toHaveLength(counts[letter]);
        expect(pool.map((rating) => rating.position)).toEqual(pool.map((_, index) => index + 1));
        expect(pool.length).toBe(ratings.filter((rating) => isRanked(rating, now)).length);
      }
    });

    it('never gives a better rating a worse letter', () => {
      for (const ratings of pools) {
        const pool = rankPool(ratings, now);
        for (let index = 1; index < pool.length; index += 1) {
          expect(pool[index - 1].rating).toBeGreaterThanOrEqual(pool[index].rating);
          expect(LETTERS.indexOf(pool[index - 1].letter)).toBeLessThanOrEqual(LETTERS.indexOf(pool[index].letter));
        }
      }
    });
  });
});
