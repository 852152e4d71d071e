import { expectedScore, ratingChanges, roundHalfToEven, Score } from './rating';
import { seededRandom } from './seeded-random';

const LADDER = { k: 40, scale: 500 };
const after = (r1: number, r2: number, score: Score) => {
  const change = ratingChanges(r1, r2, score, LADDER);
  return [r1 + change.player1, r2 + change.player2];
};

describe('the rating', () => {
  it.each<[string, number, number, Score, [number, number]]>([
    ['1500 v 1500, P1 wins', 1500, 1500, 1, [1520, 1480]],
    ['1700 v 1500, P2 wins', 1700, 1500, 0, [1671, 1529]],
    ['1600 v 1400, draw', 1600, 1400, 0.5, [1591, 1409]],
    ['1500 v 1640, P2 wins', 1500, 1640, 0, [1486, 1654]],
  ])('gives LADDER.md\'s example: %s', (_, r1, r2, score, expected) => {
    expect(after(r1, r2, score)).toEqual(expected);
  });

  it('rounds halves to the even integer, symmetrically', () => {
    expect([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4, 2.6, -2.6].map(roundHalfToEven)).toEqual([0, 2, 2, 0, -2, -2, 2, 3, -3]);
  });

  it('expects an even game between equal ratings, and 10:1 odds at a gap of one scale', () => {
    expect(expectedScore(1500, 1500, 500)).toBe(0.5);
    expect(expectedScore(2000, 1500, 500)).toBeCloseTo(10 / 11, 12);
  });

  describe('on many random games', () => {
    const random = seededRandom(2026);
    const games = Array.from({ length: 2000 }, () => {
      const score = ([1, 0, 0.5] as const)[Math.floor(random() * 3)];
      return { r1: 800 + Math.floor(random() * 1600), r2: 800 + Math.floor(random() * 1600), score };
    });

    it('moves the two ratings by changes that sum to exactly 0', () => {
      for (const { r1, r2, score } of games) {
        const change = ratingChanges(r1, r2, score, LADDER);
        expect(change.player1 + change.player2).toBe(0);
      }
    });

    it('never lowers a winner\'s rating nor raises a loser\'s, and never moves one by more than K', () => {
      for (const { r1, r2 } of games) {
        const won = ratingChanges(r1, r2, 1, LADDER);
        const lost = ratingChanges(r1, r2, 0, LADDER);
        expect(won.player1).toBeGreaterThanOrEqual(0);
        expect(lost.player1).toBeLessThanOrEqual(0);
        expect(Math.abs(won.player1)).toBeLessThanOrEqual(40);
      }
    });

    it('mirrors the result when the players swap sides', () => {
      for (const { r1, r2, score } of games) {
        const forward = ratingChanges(r1, r2, score, LADDER);
        const swapped = ratingChanges(r2, r1, (1 - score) as Score, LADDER);
        expect([swapped.player2, swapped.player1]).toEqual([forward.player1, forward.player2]);
      }
    });

    it('gives the better-rated player less for a win than the weaker would get', () => {
      for (const { r1, r2 } of games.filter((game) => game.r1 > game.r2 + 50)) {
        expect(ratingChanges(r1, r2, 1, LADDER).player1).toBeLessThanOrEqual(ratingChanges(r2, r1, 1, LADDER).player1);
      }
    });
  });
});
