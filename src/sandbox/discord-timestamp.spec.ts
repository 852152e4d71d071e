import { formatTimestamp } from './discord-timestamp';

const NOW = Date.UTC(2026, 11, 3, 12, 0, 0);
const at = (offsetSeconds: number) => NOW / 1000 + offsetSeconds;

describe('formatTimestamp', () => {
  it.each<[number, string]>([
    [45, 'in 45 seconds'],
    [1, 'in 1 second'],
    [0, 'in 0 seconds'],
    [-30, '30 seconds ago'],
    [60, 'in 1 minute'],
    [119, 'in 1 minute'],
    [-3600 * 3, '3 hours ago'],
    [86_400 * 2, 'in 2 days'],
    [-86_400 * 40, '1 month ago'],
    [86_400 * 400, 'in 1 year'],
  ])('shows <t:…:R> %i seconds away as "%s", as Discord does', (offset, shown) => {
    expect(formatTimestamp(at(offset), 'R', NOW)).toBe(shown);
  });

  it('moves a relative time along as the clock does', () => {
    expect(formatTimestamp(at(45), 'R', NOW + 15_000)).toBe('in 30 seconds');
    expect(formatTimestamp(at(45), 'R', NOW + 50_000)).toBe('5 seconds ago');
  });

  it.each(['t', 'T', 'd', 'D', 'f', 'F'])('shows style %s as a date or time, never the raw number', (style) => {
    const shown = formatTimestamp(at(0), style, NOW);
    expect(shown).not.toContain(String(at(0)));
    expect(shown.length).toBeGreaterThan(3);
  });

  it('shows a date and time for a style it does not know, as for f', () => {
    expect(formatTimestamp(at(0), 'x', NOW)).toBe(formatTimestamp(at(0), 'f', NOW));
  });
});
