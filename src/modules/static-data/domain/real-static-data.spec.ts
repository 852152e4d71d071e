import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseStaticFile } from './parse-static-file';
import { StaticCatalog } from './static-catalog';
import { STATIC_FILE_NAMES, StaticDataSet } from './static-data.schemas';

const STATIC_DIR = resolve(__dirname, '..', '..', '..', '..', 'data', 'static');

/** The common countries as LADDER.md lists them. */
const LADDER_COMMON_COUNTRIES =
  'AR AU AT BG BA BY BO BR CA CL CN CO CR CU CZ DE DK EC ES FI FR GB HK HR HU ID IN IL IT JP KZ KR LT MX MY NL NO NZ PE PH PL RO RU SG SE TW UA US VN'.split(' ');

function loadRealData(): StaticDataSet {
  const entries = STATIC_FILE_NAMES.map((name) => [name, parseStaticFile(name, readFileSync(resolve(STATIC_DIR, `${name}.json`), 'utf8'))]);
  return Object.fromEntries(entries) as StaticDataSet;
}

describe('the data/static files', () => {
  const catalog = new StaticCatalog(loadRealData());
  const regionCodes = catalog.regions().map((region) => region.code);
  const pairs = regionCodes.flatMap((a, index) => regionCodes.slice(index).map((b) => [a, b] as const));

  it('hold what LADDER.md describes', () => {
    expect(catalog.counts()).toMatchObject({ races: 6, maps: 9, regions: 16, 'game-regions': 3, 'game-servers': 9 });
    expect(catalog.currentSeason().name).toBe('Season 1');
    expect(catalog.regions().map((region) => region.code).sort()).toEqual(
      ['NAW', 'NAC', 'NAE', 'CAM', 'SAM', 'EUW', 'EUE', 'AFR', 'MEA', 'SEA', 'KRJ', 'CHN', 'THM', 'OCE', 'USB', 'FER'].sort(),
    );
    expect(Object.fromEntries(catalog.servers().map((server) => [server.code, server.gameRegion]))).toEqual({
      USW: 'AM',
      USC: 'AM',
      USE: 'AM',
      BRZ: 'AM',
      SNG: 'AM',
      AUS: 'AM',
      EUC: 'EU',
      KOR: 'AS',
      TWN: 'AS',
    });
  });

  it('link maps to the game client of each game region', () => {
    expect(catalog.mapLink('holy_world', 'AM')).toBe('battlenet://starcraft/map/1/367497');
    expect(catalog.mapLink('holy_world', 'EU')).toBe('battlenet://starcraft/map/2/258892');
    expect(catalog.mapLink('vermeer', catalog.server('KOR')?.gameRegion ?? '')).toBe('battlenet://starcraft/map/3/184704');
  });

  it.each([
    ['스1 테란', 'bw_terran'],
    ['SC1异虫', 'bw_zerg'],
    ['스1 토스', 'bw_protoss'],
    ['人类', 'sc2_terran'],
    ['Зерги', 'sc2_zerg'],
    ['протоссы', 'sc2_protoss'],
    ['Z1', 'bw_zerg'],
  ])('resolve the race alias %j to %s', (alias, code) => {
    expect(catalog.resolveRace(alias)?.code).toBe(code);
  });

  describe('countries', () => {
    it('are every ISO 3166-1 country plus XX and ZZ, by code', () => {
      const codes = catalog.countries().map((country) => country.code);
      expect(codes.length).toBeGreaterThanOrEqual(249 + 2);
      expect(codes).toEqual([...codes].sort());
      expect(codes).toEqual(expect.arrayContaining(['AD', 'KP', 'KR', 'ZW', 'XX', 'ZZ']));
    });

    it('mark exactly the 49 common countries of LADDER.md', () => {
      const common = catalog.countries().filter((country) => country.common).map((country) => country.code);
      expect(common.sort()).toEqual([...LADDER_COMMON_COUNTRIES].sort());
    });

    it('offer 50 setup choices: the common countries by name, then Other', () => {
      const choices = catalog.commonCountries();
      expect(choices).toHaveLength(50);
      expect(choices[49]).toEqual({ code: 'ZZ', name: 'Other', common: false });
      const names = choices.slice(0, 49).map((country) => country.name);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    });

    it('find both Koreas for "kor", and Korea first for "KR"', () => {
      const found = catalog.searchCountries('kor').map((country) => country.code);
      expect(found).toEqual(expect.arrayContaining(['KR', 'KP']));
      expect(catalog.searchCountries('KR')[0].code).toBe('KR');
    });

    it.each([
      ['de', 'DE'],
      ['Germany', 'DE'],
      ['south korea', 'KR'],
      ['brazil', 'BR'],
      ['xx', 'XX'],
      ['usa', 'US'],
      ['USA', 'US'],
      ['u.s.a.', 'US'],
      ['America', 'US'],
      ['uk', 'GB'],
      ['England', 'GB'],
      ['scotland', 'GB'],
      ['Great Britain', 'GB'],
      ['Holland', 'NL'],
      ['the netherlands', 'NL'],
      ['Korea', 'KR'],
      ['Russian Federation', 'RU'],
      ['czech republic', 'CZ'],
      ['UAE', 'AE'],
      ["cote d'ivoire", 'CI'],
      ['new z', 'NZ'],
    ])('resolve %j to %s', (text, code) => {
      expect(catalog.resolveCountry(text)?.code).toBe(code);
    });

    it('match the start of a name or of a word in it, never the middle of a word', () => {
      const codesFor = (query: string) => catalog.searchCountries(query).map((country) => country.code);
      expect(codesFor('usa')[0]).toBe('US');
      expect(codesFor('usa')).not.toContain('BQ');
      expect(codesFor('sint')).toEqual(expect.arrayContaining(['BQ', 'SX']));
      expect(codesFor('states')).toContain('US');
      expect(codesFor('land')).toEqual([]);
      expect(codesFor('korea').slice(0, 2)).toEqual(['KR', 'KP']);
      expect(codesFor('eng')).toEqual(['GB']);
    });

    it('have distinct, familiar names', () => {
      const names = catalog.countries().map((country) => country.name);
      expect(new Set(names).size).toBe(names.length);
      expect(['TW', 'RU', 'US', 'CZ', 'GB'].map((code) => catalog.country(code)?.name)).toEqual([
        'Taiwan',
        'Russia',
        'United States',
        'Czechia',
        'United Kingdom',
      ]);
    });

    it('have flags', () => {
      expect(catalog.flag('KR')).toBe('🇰🇷');
      expect(catalog.flag('ZZ')).toBe('🌐');
    });
  });

  describe('server choice', () => {
    it.each([
      ['KRJ', 'KRJ', 'KOR'],
      ['EUW', 'EUW', 'EUC'],
      ['EUW', 'EUE', 'EUC'],
      ['NAE', 'NAE', 'USE'],
      ['NAW', 'NAW', 'USW'],
      ['SAM', 'SAM', 'BRZ'],
      ['OCE', 'OCE', 'AUS'],
      ['SEA', 'SEA', 'SNG'],
      ['THM', 'THM', 'TWN'],
    ])('plays %s against %s on %s', (a, b, server) => {
      expect(catalog.chooseServer(a, b).server.code).toBe(server);
    });

    it('plays western against eastern North America on a US server', () => {
      expect(['USW', 'USC', 'USE']).toContain(catalog.chooseServer('NAW', 'NAE').server.code);
    });

    it('plays Korea-Japan against western Europe where the farther player suffers least', () => {
      const choice = catalog.chooseServer('KRJ', 'EUW');
      expect(choice.overridden).toBe(false);
      const worse = Math.max(choice.rttMsA, choice.rttMsB);
      for (const server of catalog.servers()) {
        const otherWorse = Math.max(catalog.estimatedRttMs('KRJ', server.code), catalog.estimatedRttMs('EUW', server.code));
        expect(otherWorse).toBeGreaterThanOrEqual(worse);
      }
    });

    it.each(pairs)('chooses the same server for %s-%s in either order', (a, b) => {
      expect(catalog.chooseServer(b, a).server).toBe(catalog.chooseServer(a, b).server);
    });

    it.each(pairs)('follows the rule or an override for %s-%s', (a, b) => {
      const choice = catalog.chooseServer(a, b);
      if (choice.overridden) return;
      const worse = Math.max(choice.rttMsA, choice.rttMsB);
      for (const server of catalog.servers()) {
        expect(Math.max(catalog.estimatedRttMs(a, server.code), catalog.estimatedRttMs(b, server.code))).toBeGreaterThanOrEqual(worse);
      }
    });

    it('estimates a plausible round trip for players near a server', () => {
      for (const [region, server] of [['KRJ', 'KOR'], ['EUW', 'EUC'], ['NAE', 'USE'], ['OCE', 'AUS']]) {
        expect(catalog.estimatedRttMs(region, server)).toBeGreaterThanOrEqual(10);
        expect(catalog.estimatedRttMs(region, server)).toBeLessThan(30);
      }
    });
  });
});
