import { seededRandom } from '../../matches/domain/seeded-random';
import { letterAt, RankIndex, RatingEntry } from './rank-index';
import { letterCounts, LETTERS, rankPool } from './ranks';

const DAY = 86_400_000;
const RACES = ['bw_terran', 'bw_zerg', 'bw_protoss', 'sc2_terran', 'sc2_zerg', 'sc2_protoss'];
const start = new Date('2026-12-02T12:00:00.000Z');

function entry(id: number, playerId: number, race: string, rating: number, lastPlayedAt: Date | null, gamesPlayed = 1): RatingEntry {
  return { id, playerId, race, rating, gamesPlayed, lastPlayedAt, wins: gamesPlayed, losses: 0 };
}

describe('the rank index', () => {
  it('lists the ranked ratings best first and leaves out the unranked', () => {
    const index = new RankIndex();
    index.load(
      [
        entry(1, 1, 'bw_zerg', 1500, start),
        entry(2, 2, 'bw_zerg', 1600, start),
        entry(3, 3, 'sc2_zerg', 1700, new Date(start.getTime() - 15 * DAY)),
        entry(4, 4, 'sc2_terran', 1800, start, 0),
        entry(5, 5, 'sc2_terran', 1550, null),
      ],
      start,
    );
    expect(index.ranked(start).map((rating) => rating.id)).toEqual([2, 1]);
    expect(index.rankOf(2, 'bw_zerg', start)).toEqual({ position: 1, letter: 'C', of: 2 });
    expect(index.rankOf(1, 'bw_zerg', start)).toEqual({ position: 2, letter: 'D', of: 2 });
    expect(index.rankOf(3, 'sc2_zerg', start)).toBeUndefined();
  });

  it('moves a rating to its new place when a result changes it, replacing the old row', () => {
    const index = new RankIndex();
    index.load([entry(1, 1, 'bw_zerg', 1500, start), entry(2, 2, 'sc2_terran', 1600, start), entry(3, 3, 'bw_terran', 1400, start)], start);
    const later = new Date(start.getTime() + 1000);
    index.put(entry(3, 3, 'bw_terran', 1700, later), later);
    expect(index.ranked(later).map((rating) => [rating.id, rating.rating])).toEqual([
      [3, 1700],
      [2, 1600],
      [1, 1500],
    ]);
    index.put(entry(7, 1, 'sc2_zerg', 1520, later), later);
    expect(index.ranked(later)).toHaveLength(4);
    expect(index.rankOf(1, 'sc2_zerg', later)?.position).toBe(3);
  });

  it('drops a rating the moment it is no longer ranked, and bumps the revision for it', () => {
    const index = new RankIndex();
    const older = new Date(start.getTime() - 10 * DAY);
    index.load([entry(1, 1, 'bw_zerg', 1500, older), entry(2, 2, 'bw_zerg', 1600, start)], start);
    const revision = index.revision;
    const lastRankedMoment = new Date(older.getTime() + 14 * DAY);
    expect(index.ranked(lastRankedMoment)).toHaveLength(2);
    expect(index.revision).toBe(revision);
    const expired = new Date(lastRankedMoment.getTime() + 1);
    expect(index.ranked(expired).map((rating) => rating.id)).toEqual([2]);
    expect(index.revision).toBe(revision + 1);
    expect(index.rankOf(1, 'bw_zerg', expired)).toBeUndefined();
    expect(index.rankOf(2, 'bw_zerg', expired)).toEqual({ position: 1, letter: 'D', of: 1 });
  });

  it('gives every position the letter LADDER.md allocates to it', () => {
    const counts = letterCounts(101);
    const letters = Array.from({ length: 101 }, (_, index) => letterAt(index, counts));
    expect(letters.filter((letter) => letter === 'S')).toHaveLength(1);
    expect(letters[0]).toBe('S');
    expect(letters.slice(1, 8)).toEqual(Array(7).fill('A'));
    expect(letters[100]).toBe('F');
    expect(() => letterAt(101, counts)).toThrow(RangeError);
  });

  it('always equals the pool ranked from scratch, through 3,000 seeded results, new ratings and days passing', () => {
    const random = seededRandom(16);
    const index = new RankIndex();
    const ratings = new Map<string, RatingEntry>();
    let now = start;
    let nextId = 1;
    index.load([], now);
    for (let step = 0; step < 3000; step += 1) {
      const roll = random();
      if (roll < 0.1) now = new Date(now.getTime() + Math.floor(random() * 3 * DAY));
      else {
        const playerId = 1 + Math.floor(random() * 120);
        const race = RACES[Math.floor(random() * RACES.length)];
        const key = `${playerId}:${race}`;
        const known = ratings.get(key);
        // Equal ratings are common, so the tie-breaks (last played, then id) are exercised.
        const rating = 1400 + 10 * Math.floor(random() * 20);
        const playedAt = roll < 0.2 ? new Date(now.getTime() - Math.floor(random() * 20 * DAY)) : now;
        const next = entry(known?.id ?? nextId++, playerId, race, rating, playedAt, (known?.gamesPlayed ?? 0) + 1);
        ratings.set(key, next);
        index.put(next, now);
      }
      const expected = rankPool([...ratings.values()], now);
      expect(index.ranked(now).map((rating) => rating.id)).toEqual(expected.map((rating) => rating.id));
      if (step % 50 === 0) {
        for (const ranked of expected) expect(index.rankOf(ranked.playerId, ranked.race, now)).toEqual({ position: ranked.position, letter: ranked.letter, of: expected.length });
      }
    }
    expect(LETTERS.reduce((sum, letter) => sum + index.letterCounts(now)[letter], 0)).toBe(index.ranked(now).length);
  });
});
