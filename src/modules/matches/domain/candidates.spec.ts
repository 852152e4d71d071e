import fc from 'fast-check';
import { nearestCandidates } from './candidates';
import { byRating, Contender } from './contender';
import { PairJudge, pairScore } from './pair-judge';
import { DEFAULT_WINDOW } from './spec-support';
import { ratingWindow, withinWindows } from './window';

const side = (ratings: readonly number[], firstPlayer: number): Contender[] =>
  ratings.map((rating, offset): Contender => ({ player: firstPlayer + offset, race: 'bw_terran', rating, waitCount: 2, window: ratingWindow(2, DEFAULT_WINDOW) })).sort(byRating);

const pairsOf = (bw: Contender[], sc2: Contender[], limit: number) => {
  const candidates = nearestCandidates(bw, sc2, limit, new PairJudge());
  return Array.from(candidates.bw, (position, index) => [position, candidates.sc2[index]] as const);
};

const ratingsArbitrary = fc.array(fc.integer({ min: 1200, max: 1800 }), { maxLength: 30 });

describe('nearestCandidates', () => {
  it('pairs each contender with its nearest ratings on the other side, from both sides, once each', () => {
    const bw = side([1500], 0);
    const sc2 = side([1000, 1490, 1530, 1560, 1700], 10);
    // The BW player's two nearest are 1490 and 1530; every SC2 player's nearest is that BW player,
    // which adds 1560 and 1700 (a gap of 200 is inside W(2)); 1000 is outside every window.
    expect(pairsOf(bw, sc2, 2).map(([, sc2Position]) => sc2[sc2Position].rating)).toEqual([1490, 1530, 1560, 1700]);
  });

  it('keeps only allowed pairs, with their scores', () => {
    const bw = side([1500], 0);
    const sc2 = side([1260, 1700], 10);
    const candidates = nearestCandidates(bw, sc2, 16, new PairJudge());
    expect(Array.from(candidates.sc2, (position) => sc2[position].rating)).toEqual([1700]);
    expect(Array.from(candidates.score)).toEqual([pairScore(bw[0], sc2[1])]);
  });

  it('offers every allowed pair when the limit covers both sides', () => {
    fc.assert(
      fc.property(ratingsArbitrary, ratingsArbitrary, (bwRatings, sc2Ratings) => {
        const bw = side(bwRatings, 0);
        const sc2 = side(sc2Ratings, 100);
        const expected = bw.flatMap((a, i) => sc2.flatMap((b, j) => (withinWindows(a.rating - b.rating, a.window, b.window) ? [`${i}:${j}`] : [])));
        expect(pairsOf(bw, sc2, 30).map(([i, j]) => `${i}:${j}`).sort()).toEqual(expected.sort());
      }),
    );
  });

  it('judges each pair at most once and stays within the limit', () => {
    fc.assert(
      fc.property(ratingsArbitrary, ratingsArbitrary, fc.integer({ min: 1, max: 8 }), (bwRatings, sc2Ratings, limit) => {
        const judge = new PairJudge();
        nearestCandidates(side(bwRatings, 0), side(sc2Ratings, 100), limit, judge);
        expect(judge.evaluations).toBeLessThanOrEqual(limit * (bwRatings.length + sc2Ratings.length));
        const pairs = pairsOf(side(bwRatings, 0), side(sc2Ratings, 100), limit).map(([i, j]) => `${i}:${j}`);
        expect(new Set(pairs).size).toBe(pairs.length);
      }),
    );
  });
});
