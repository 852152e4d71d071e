import fc from 'fast-check';
import { Contender } from './contender';
import { Pair } from './pair';
import { PairJudge, squaredGap } from './pair-judge';
import { BwRace, Sc2Race } from './queue-entry';
import { DEFAULT_WINDOW } from './spec-support';
import { improveBySwaps } from './swaps';
import { ratingWindow } from './window';

let nextPlayer = 0;
const contender = <R extends BwRace | Sc2Race>(race: R, rating: number, waitCount = 2): Contender<R> => ({
  player: nextPlayer++,
  race,
  rating,
  waitCount,
  window: ratingWindow(waitCount, DEFAULT_WINDOW),
});
const bw = (rating: number, waitCount?: number) => contender('bw_terran', rating, waitCount);
const sc2 = (rating: number, waitCount?: number) => contender('sc2_terran', rating, waitCount);

const limits = { swapNeighbours: 8, swapPasses: 4 };
const described = (pairs: Pair[]) => pairs.map((pair) => `${pair.bw.rating}-${pair.sc2.rating}`).sort();

describe('improving swaps', () => {
  // What a greedy choice leaves: the closest pair first (gap 10), then the rest (gap 190).
  const crossed = (): Pair[] => [
    { bw: bw(1100), sc2: sc2(1090) },
    { bw: bw(1000), sc2: sc2(1190) },
  ];

  it('swap partners when that lowers the total squared gap', () => {
    // 10² + 190² = 36,200 before, 90² + 90² = 16,200 after.
    expect(described(improveBySwaps(crossed(), limits, new PairJudge()))).toEqual(['1000-1090', '1100-1190']);
  });

  it('never make a pair the windows forbid', () => {
    // Swapping would give gaps of 101 and 0 (10,201 against 129,601), but 1000 and 1101 both accept only 100.
    const pairs: Pair[] = [
      { bw: bw(1000, 0), sc2: sc2(1300, 4) },
      { bw: bw(1300, 4), sc2: sc2(1101, 0) },
    ];
    expect(described(improveBySwaps(pairs, limits, new PairJudge()))).toEqual(['1000-1300', '1300-1101']);
  });

  it('never raise the total squared gap, and keep the same players', () => {
    const pairsArbitrary = fc.array(fc.tuple(fc.integer({ min: 1200, max: 1800 }), fc.integer({ min: -150, max: 150 }), fc.integer({ min: 1, max: 6 })), { maxLength: 30 });
    fc.assert(
      fc.property(pairsArbitrary, (drawn) => {
        const pairs = drawn.map(([rating, gap, waits]) => ({ bw: bw(rating, waits), sc2: sc2(rating + gap, waits) }));
        const total = (list: Pair[]) => list.reduce((sum, pair) => sum + squaredGap(pair.bw, pair.sc2), 0);
        const improved = improveBySwaps(pairs, limits, new PairJudge());
        expect(total(improved)).toBeLessThanOrEqual(total(pairs));
        const players = (list: Pair[]) => list.flatMap((pair) => [pair.bw.player, pair.sc2.player]).sort((a, b) => a - b);
        expect(players(improved)).toEqual(players(pairs));
      }),
    );
  });

  it('make no swap with no passes', () => {
    expect(described(improveBySwaps(crossed(), { swapNeighbours: 8, swapPasses: 0 }, new PairJudge()))).toEqual(['1000-1190', '1100-1090']);
  });

  it('try each pair only with its next neighbours in rating order, and stop after a pass without a swap', () => {
    const apart = Array.from({ length: 10 }, (_, index) => ({ bw: bw(1000 + 500 * index), sc2: sc2(1000 + 500 * index) }));
    const judge = new PairJudge();
    improveBySwaps(apart, { swapNeighbours: 3, swapPasses: 4 }, judge);
    const triedPairs = apart.reduce((total, _, index) => total + Math.min(3, apart.length - 1 - index), 0);
    expect(judge.evaluations).toBe(2 * triedPairs);
  });
});
