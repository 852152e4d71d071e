import { utcDayStart, utcWeekStart } from './utc-periods';

describe('UTC days and weeks', () => {
  it.each([
    ['2026-12-02T10:00:00.000Z', '2026-12-02T00:00:00.000Z'],
    ['2026-12-02T00:00:00.000Z', '2026-12-02T00:00:00.000Z'],
    ['2026-12-02T23:59:59.999Z', '2026-12-02T00:00:00.000Z'],
    ['2024-02-29T12:00:00.000Z', '2024-02-29T00:00:00.000Z'],
  ])('the day of %s starts at %s', (at, start) => {
    expect(utcDayStart(new Date(at)).toISOString()).toBe(start);
  });

  it.each([
    ['2026-12-02T10:00:00.000Z', '2026-11-30T00:00:00.000Z'], // a Wednesday
    ['2026-11-30T00:00:00.000Z', '2026-11-30T00:00:00.000Z'], // Monday, midnight
    ['2026-11-29T23:59:59.999Z', '2026-11-23T00:00:00.000Z'], // Sunday belongs to the week before
    ['2026-12-06T12:00:00.000Z', '2026-11-30T00:00:00.000Z'], // Sunday
    ['2027-01-01T08:00:00.000Z', '2026-12-28T00:00:00.000Z'], // across the year
    ['2024-03-01T00:00:00.000Z', '2024-02-26T00:00:00.000Z'], // across a leap day
  ])('the week of %s starts on Monday %s', (at, start) => {
    expect(utcWeekStart(new Date(at)).toISOString()).toBe(start);
  });

  it('a time in the week lies within seven days of its start, and the start is always a Monday', () => {
    for (let at = Date.UTC(2026, 0, 1); at < Date.UTC(2027, 0, 1); at += 3_599_999) {
      const start = utcWeekStart(new Date(at));
      expect(start.getUTCDay()).toBe(1);
      expect(at - start.getTime()).toBeGreaterThanOrEqual(0);
      expect(at - start.getTime()).toBeLessThan(7 * 86_400_000);
    }
  });
});
