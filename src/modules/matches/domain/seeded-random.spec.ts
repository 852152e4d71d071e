import { randomIndex, seededRandom } from './seeded-random';

const draws = (seed: number, count: number) => {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => random());
};

describe('the seeded random source', () => {
  it('repeats its sequence for a seed', () => {
    expect(draws(42, 100)).toEqual(draws(42, 100));
  });

  it('gives other sequences for other seeds', () => {
    expect(draws(42, 5)).not.toEqual(draws(43, 5));
    expect(draws(0, 5)).not.toEqual(draws(2 ** 32 - 1, 5));
  });

  it('stays in [0, 1) and spreads evenly over ten bins', () => {
    const values = draws(7, 100_000);
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    const bins = new Array<number>(10).fill(0);
    values.forEach((value) => (bins[Math.floor(value * 10)] += 1));
    for (const count of bins) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('draws every index of a list', () => {
    const random = seededRandom(3);
    const seen = new Set(Array.from({ length: 200 }, () => randomIndex(random, 4)));
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
  });
});
