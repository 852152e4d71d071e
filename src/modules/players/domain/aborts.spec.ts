import { abortMonth, abortsLeft } from './aborts';

describe('aborts', () => {
  const now = new Date('2026-11-28T23:59:59.999Z');

  it('names the month in UTC', () => {
    expect(abortMonth(now)).toBe('2026-11');
    expect(abortMonth(new Date('2026-12-01T00:00:00.000Z'))).toBe('2026-12');
    expect(abortMonth(new Date('2026-01-01T00:30:00+01:00'))).toBe('2025-12');
  });

  it.each([
    [null, 0, 3],
    ['2026-11', 0, 3],
    ['2026-11', 1, 2],
    ['2026-11', 3, 0],
    ['2026-11', 5, 0],
    ['2026-10', 3, 3],
    ['2025-11', 2, 3],
  ])('month %s with %d used leaves %d of 3', (month, used, left) => {
    expect(abortsLeft({ abortsMonth: month, abortsUsed: used }, 3, now)).toBe(left);
  });

  it('resets when the month turns', () => {
    const player = { abortsMonth: '2026-11', abortsUsed: 3 };
    expect(abortsLeft(player, 3, now)).toBe(0);
    expect(abortsLeft(player, 3, new Date('2026-12-01T00:00:00.000Z'))).toBe(3);
  });
});
