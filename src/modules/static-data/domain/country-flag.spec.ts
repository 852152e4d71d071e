import { countryFlag } from './country-flag';

describe('countryFlag', () => {
  it.each([
    ['KR', '🇰🇷'],
    ['FR', '🇫🇷'],
    ['US', '🇺🇸'],
    ['tw', '🇹🇼'],
  ])('spells %s in regional indicators', (code, flag) => {
    expect(countryFlag(code)).toBe(flag);
  });

  it('gives XX (non-representing) a white flag and ZZ (other) a globe', () => {
    expect(countryFlag('XX')).toBe('🏳️');
    expect(countryFlag('ZZ')).toBe('🌐');
  });

  it.each(['', 'K', 'KOR', '12'])('gives %j, which is no country code, the neutral flag', (code) => {
    expect(countryFlag(code)).toBe('🏳️');
  });
});
