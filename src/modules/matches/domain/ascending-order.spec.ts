import fc from 'fast-check';
import { ascendingOrder } from './ascending-order';

const stableOrder = (values: number[]) => values.map((_, position) => position).sort((a, b) => values[a] - values[b] || a - b);

describe('ascendingOrder', () => {
  it('orders positions by value, equal values by position', () => {
    expect(Array.from(ascendingOrder([3, 1, 2, 1, -4, 2.5]))).toEqual([4, 1, 3, 2, 5, 0]);
  });

  it.each([8, 5000])('orders negatives, fractions, zeros and infinities (%d values)', (count) => {
    const pattern = [0, -0.5, Infinity, -0, -1e300, 1e-300, -Infinity, 7];
    const values = Array.from({ length: count }, (_, position) => pattern[position % pattern.length]);
    expect(Array.from(ascendingOrder(values))).toEqual(stableOrder(values));
    expect(Array.from(ascendingOrder(pattern))).toEqual([6, 4, 1, 0, 3, 5, 7, 2]);
  });

  it('agrees with a stable comparator sort on scores', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -500, max: 40_000 }), { maxLength: 300 }), (values) => {
        expect(Array.from(ascendingOrder(values))).toEqual(stableOrder(values));
      }),
    );
  });

  it('agrees with a stable comparator sort on the many scores of a large wave', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -500, max: 40_000 }), { minLength: 4096, maxLength: 6000 }), (values) => {
        expect(Array.from(ascendingOrder(values))).toEqual(stableOrder(values));
      }),
      { numRuns: 20 },
    );
  });

  it('agrees with a stable comparator sort on any doubles', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { maxLength: 300 }), (values) => {
        expect(Array.from(ascendingOrder(values))).toEqual(stableOrder(values));
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { minLength: 4096, maxLength: 5000 }), (values) => {
        expect(Array.from(ascendingOrder(values))).toEqual(stableOrder(values));
      }),
      { numRuns: 20 },
    );
  });
});
