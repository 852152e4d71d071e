import fc from 'fast-check';
import { Contender } from './contender';
import { PairJudge } from './pair-judge';
import { PartnerIndex } from './partner-index';
import { DEFAULT_WINDOW } from './spec-support';
import { ratingWindow, withinWindows } from './window';

const contender = (player: number, rating: number, waitCount: number): Contender => ({
  player,
  race: 'sc2_terran',
  rating,
  waitCount,
  window: ratingWindow(waitCount, DEFAULT_WINDOW),
});

const contenderArbitrary = fc
  .record({ player: fc.integer({ min: 0, max: 40 }), rating: fc.integer({ min: 1000, max: 2200 }), waitCount: fc.integer({ min: 0, max: 10 }) })
  .map(({ player, rating, waitCount }) => contender(player, rating, waitCount));

describe('PartnerIndex', () => {
  it('finds a partner inside the seeker’s window or inside the partner’s', () => {
    const index = new PartnerIndex([contender(1, 1500, 0), contender(2, 2000, 8)]);
    const judge = new PairJudge();
    expect(index.hasPartnerFor(contender(3, 1100, 6), judge)).toBe(true);
    expect(index.hasPartnerFor(contender(4, 2450, 0), judge)).toBe(true);
    expect(index.hasPartnerFor(contender(5, 1300, 1), judge)).toBe(false);
    expect(index.hasPartnerFor(contender(6, 2520, 0), judge)).toBe(false);
  });

  it('never counts the seeker as its own partner', () => {
    const index = new PartnerIndex([contender(1, 1500, 9)]);
    expect(index.hasPartnerFor(contender(1, 1500, 9), new PairJudge())).toBe(false);
    expect(index.hasPartnerFor(contender(2, 1500, 9), new PairJudge())).toBe(true);
  });

  it('agrees with trying every pair', () => {
    fc.assert(
      fc.property(fc.uniqueArray(contenderArbitrary, { selector: (entry) => entry.player, maxLength: 40 }), fc.array(contenderArbitrary, { maxLength: 20 }), (indexed, seekers) => {
        const index = new PartnerIndex(indexed);
        for (const seeker of seekers) {
          const expected = indexed.some((other) => other.player !== seeker.player && withinWindows(other.rating - seeker.rating, other.window, seeker.window));
          expect(index.hasPartnerFor(seeker, new PairJudge())).toBe(expected);
        }
      }),
    );
  });
});
