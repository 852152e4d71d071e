import { greatCircleKm } from './great-circle';
import { StaticCatalog } from './static-catalog';
import { StaticDataError } from './static-data.errors';
import { validStaticData } from './static-data.fixture';
import { StaticDataSet } from './static-data.schemas';

function catalogOf(change: (data: StaticDataSet) => void = () => undefined): StaticCatalog {
  const data = validStaticData();
  change(data);
  return new StaticCatalog(data);
}

function constructionError(change: (data: StaticDataSet) => void): StaticDataError {
  try {
    catalogOf(change);
  } catch (error) {
    if (error instanceof StaticDataError) return error;
    throw error;
  }
  throw new Error('the catalog was built');
}

const names = (items: readonly { name: string }[]) => items.map((item) => item.name);
const codes = (items: readonly { code: string }[]) => items.map((item) => item.code);

describe('StaticCatalog', () => {
  describe('construction', () => {
    it('counts the entries of every file', () => {
      const catalog = catalogOf((data) => {
        data.maps.seasons.push({ ...data.maps.seasons[0], name: 'Season 0', current: false });
        data['server-choice'].overrides.push({ regions: ['WST', 'EST'], server: 'WEST', reason: 'test' });
      });
      expect(catalog.counts()).toEqual({
        races: 6,
        maps: 4,
        regions: 3,
        'game-regions': 3,
        'game-servers': 4,
        'server-choice': 1,
        countries: 7,
      });
    });

    it('rejects data with no current season', () => {
      const error = constructionError((data) => (data.maps.seasons[0].current = false));
      expect([error.file, error.field]).toEqual(['maps', 'seasons']);
    });

    it('rejects data with two current seasons, naming the second', () => {
      const error = constructionError((data) => {
        const first = data.maps.seasons[0];
        data.maps.seasons.push({ ...first, name: 'Season 2', current: false }, { ...first, name: 'Season 3', current: true });
      });
      expect([error.file, error.field]).toEqual(['maps', 'seasons[2].current']);
      expect(error.detail).toMatch(/Season 1, Season 3 are all current/);
    });

    it('rejects a server in a game region that game-regions.json lacks', () => {
      const error = constructionError((data) => (data['game-servers'].servers[2].gameRegion = 'KR'));
      expect([error.file, error.field]).toEqual(['game-servers', 'servers[2].gameRegion']);
      expect(error.message).toBe('game-servers.json: servers[2].gameRegion: unknown game region "KR"');
    });

    it('rejects an override naming an unknown residential region', () => {
      const error = constructionError((data) =>
        data['server-choice'].overrides.push({ regions: ['WST', 'EST'], server: 'WEST', reason: 'a' }, { regions: ['WST', 'NOP'], server: 'WEST', reason: 'b' }),
      );
      expect([error.file, error.field]).toEqual(['server-choice', 'overrides[1].regions[1]']);
    });

    it('rejects an override naming an unknown server', () => {
      const error = constructionError((data) => data['server-choice'].overrides.push({ regions: ['WST', 'EST'], server: 'NOPE', reason: 'a' }));
      expect([error.file, error.field]).toEqual(['server-choice', 'overrides[0].server']);
    });
  });

  describe('races', () => {
    const catalog = catalogOf();

    it('finds a race by code', () => {
      expect(catalog.race('bw_zerg')?.name).toBe('BW Zerg');
      expect(catalog.race('sc2_protoss')?.shortName).toBe('P2');
      expect(catalog.race('zerg')).toBeUndefined();
    });

    it('lists races in file order, and by game', () => {
      expect(codes(catalog.races())).toEqual(['bw_terran', 'bw_zerg', 'bw_protoss', 'sc2_terran', 'sc2_zerg', 'sc2_protoss']);
      expect(codes(catalog.racesOfGame('bw'))).toEqual(['bw_terran', 'bw_zerg', 'bw_protoss']);
      expect(codes(catalog.racesOfGame('sc2'))).toEqual(['sc2_terran', 'sc2_zerg', 'sc2_protoss']);
    });

    it.each([
      ['스1 테란', 'bw_terran'],
      ['스1테란', 'bw_terran'],
      ['sc1人类', 'bw_terran'],
      ['테란', 'sc2_terran'],
      ['ЗЕРГИ', 'sc2_zerg'],
      ['t2', 'sc2_terran'],
      ['bw protoss', 'bw_protoss'],
      ['SC2_PROTOSS', 'sc2_protoss'],
    ])('resolves %j to %s', (text, code) => {
      expect(catalog.resolveRace(text)?.code).toBe(code);
    });

    it.each(['Random', '', 'terran'])('resolves %j to no race', (text) => {
      expect(catalog.resolveRace(text)).toBeUndefined();
    });
  });

  describe('maps', () => {
    const catalog = catalogOf((data) => {
      data.maps.seasons.unshift({ ...data.maps.seasons[0], name: 'Season 0', current: false });
      data.maps.seasons[0].maps = [{ ...data.maps.seasons[0].maps[0], code: 'old_map', shortName: 'Old' }];
      data['game-regions'].gameRegions[1].mapLinkIndex = 7;
    });

    it('serves the current season, wherever it is in the file', () => {
      expect(catalog.currentSeason().name).toBe('Season 1');
    });

    it('finds maps of the current season only', () => {
      expect(catalog.map('beta_ridge')?.shortName).toBe('Beta');
      expect(catalog.map('old_map')).toBeUndefined();
    });

    it('links a map per game region with the index from game-regions.json', () => {
      expect(catalog.mapLink('alpha', 'AM')).toBe('battlenet://starcraft/map/1/101');
      expect(catalog.mapLink('alpha', 'EU')).toBe('battlenet://starcraft/map/7/201');
      expect(catalog.mapLink('beta_ridge', 'AS')).toBe('battlenet://starcraft/map/3/302');
    });

    it('links nothing for an unknown map or game region', () => {
      expect(catalog.mapLink('old_map', 'AM')).toBeUndefined();
      expect(catalog.mapLink('alpha', 'KR')).toBeUndefined();
    });
  });

  describe('regions and servers', () => {
    const catalog = catalogOf();

    it('finds residential regions, servers and game regions by code', () => {
      expect(catalog.region('EST')?.name).toBe('East');
      expect(catalog.server('MIDA')?.gameRegion).toBe('AS');
      expect(catalog.gameRegion('EU')?.name).toBe('Europe');
      expect(catalog.region('NOP')).toBeUndefined();
      expect(catalog.server('NOPE')).toBeUndefined();
      expect(catalog.gameRegion('KR')).toBeUndefined();
    });

    it('lists regions and servers in file order', () => {
      expect(codes(catalog.regions())).toEqual(['WST', 'EST', 'FAR']);
      expect(codes(catalog.servers())).toEqual(['WEST', 'MIDB', 'MIDA', 'EAST']);
    });
  });

  describe('countries', () => {
    const catalog = catalogOf();

    it('finds a country by its code', () => {
      expect(catalog.country('KR')?.name).toBe('South Korea');
      expect(catalog.country('XX')?.name).toBe('Non-representing');
      expect(catalog.country('QQ')).toBeUndefined();
    });

    it('lists every country by code', () => {
      expect(codes(catalog.countries())).toEqual(['CI', 'FR', 'KP', 'KR', 'US', 'XX', 'ZZ']);
    });

    it('offers the common countries by name, then Other', () => {
      expect(names(catalog.commonCountries())).toEqual(['France', 'South Korea', 'United States of America', 'Other']);
    });

    it('searches names case-insensitively', () => {
      expect(names(catalog.searchCountries('KOR'))).toEqual(['North Korea', 'South Korea']);
    });

    it('puts an exact code first', () => {
      expect(codes(catalog.searchCountries('kr'))).toEqual(['KR']);
      expect(codes(catalog.searchCountries('us'))).toEqual(['US']);
    });

    it('matches the start of a name, then the start of a word in it, never the middle of a word', () => {
      expect(names(catalog.searchCountries('n'))).toEqual(['Non-representing', 'North Korea']);
      expect(names(catalog.searchCountries('korea'))).toEqual(['North Korea', 'South Korea']);
      expect(names(catalog.searchCountries('ance'))).toEqual([]);
    });

    it('ignores accents', () => {
      expect(codes(catalog.searchCountries('cote'))).toEqual(['CI']);
    });

    it('returns at most the limit', () => {
      expect(names(catalog.searchCountries('', 3))).toEqual(['Côte d’Ivoire', 'France', 'Non-representing']);
      expect(catalog.searchCountries('')).toHaveLength(7);
    });

    it.each([
      ['kr', 'KR'],
      [' fr ', 'FR'],
      ['south korea', 'KR'],
      ['NORTH KOREA', 'KP'],
      ['united', 'US'],
      ['korea', 'KP'],
      ['non-rep', 'XX'],
    ])('resolves %j to %s', (text, code) => {
      expect(catalog.resolveCountry(text)?.code).toBe(code);
    });

    it.each(['', '   ', 'Atlantis'])('resolves %j to no country', (text) => {
      expect(catalog.resolveCountry(text)).toBeUndefined();
    });

    it('derives flags from codes', () => {
      expect(catalog.flag('KR')).toBe('🇰🇷');
      expect(catalog.flag('XX')).toBe('🏳️');
    });
  });

  describe('chooseServer', () => {
    const catalog = catalogOf();
    const regionCodes = codes(catalog.regions());
    const pairs = regionCodes.flatMap((a) => regionCodes.map((b) => [a, b] as const));

    it('estimates round trips from the great-circle distance with the model in server-choice.json', () => {
      const twentyDegreesKm = greatCircleKm({ lat: 0, lon: 0 }, { lat: 0, lon: 20 });
      expect(catalog.estimatedRttMs('WST', 'EAST')).toBeCloseTo((1.5 * twentyDegreesKm) / 100 + 10, 9);
      expect(catalog.estimatedRttMs('WST', 'WEST')).toBe(10);

      const plain = catalogOf((data) => (data['server-choice'] = { kmPerMsRoundTrip: 200, routingFactor: 1, baseMs: 0, overrides: [] }));
      expect(plain.estimatedRttMs('WST', 'EAST')).toBeCloseTo(twentyDegreesKm / 200, 9);
    });

    it('plays players of one region on their nearest server', () => {
      expect(catalog.chooseServer('WST', 'WST')).toEqual({ server: catalog.server('WEST'), rttMsA: 10, rttMsB: 10, overridden: false });
      expect(catalog.chooseServer('EST', 'EST').server.code).toBe('EAST');
    });

    it('meets in the middle, breaking a full tie by server code', () => {
      const choice = catalog.chooseServer('WST', 'EST');
      expect(choice.server.code).toBe('MIDA');
      expect(choice.rttMsA).toBe(choice.rttMsB);
    });

    it('chooses the server that is least bad for the farther player', () => {
      expect(catalog.chooseServer('EST', 'FAR').server.code).toBe('EAST');
      expect(catalog.chooseServer('WST', 'FAR').server.code).toBe('EAST');
    });

    it.each(pairs)('gives %s-%s no server with a smaller worse latency', (a, b) => {
      const choice = catalog.chooseServer(a, b);
      const worse = Math.max(choice.rttMsA, choice.rttMsB);
      for (const server of catalog.servers()) {
        expect(Math.max(catalog.estimatedRttMs(a, server.code), catalog.estimatedRttMs(b, server.code))).toBeGreaterThanOrEqual(worse);
      }
    });

    it.each(pairs)('is symmetric for %s-%s', (a, b) => {
      const there = catalog.chooseServer(a, b);
      const back = catalog.chooseServer(b, a);
      expect(back).toEqual({ server: there.server, rttMsA: there.rttMsB, rttMsB: there.rttMsA, overridden: there.overridden });
    });

    describe('with an override', () => {
      const overridden = catalogOf((data) => data['server-choice'].overrides.push({ regions: ['FAR', 'WST'], server: 'WEST', reason: 'a cable' }));

      it('lets the override win in either order, with the estimates for its server', () => {
        expect(overridden.chooseServer('WST', 'FAR')).toEqual({
          server: overridden.server('WEST'),
          rttMsA: overridden.estimatedRttMs('WST', 'WEST'),
          rttMsB: overridden.estimatedRttMs('FAR', 'WEST'),
          overridden: true,
        });
        expect(overridden.chooseServer('FAR', 'WST').server.code).toBe('WEST');
      });

      it('leaves other pairs to the estimate', () => {
        expect(overridden.chooseServer('EST', 'FAR')).toMatchObject({ server: { code: 'EAST' }, overridden: false });
      });

      it('can override a pair within one region', () => {
        const sameRegion = catalogOf((data) => data['server-choice'].overrides.push({ regions: ['WST', 'WST'], server: 'MIDB', reason: 'peering' }));
        expect(sameRegion.chooseServer('WST', 'WST').server.code).toBe('MIDB');
      });
    });

    it('refuses an unknown region or server', () => {
      expect(() => catalog.chooseServer('WST', 'NOP')).toThrow('Unknown residential region "NOP"');
      expect(() => catalog.estimatedRttMs('WST', 'NOPE')).toThrow('Unknown game server "NOPE"');
    });
  });

  describe('lookup listener', () => {
    it('hears every lookup by code, hit or miss', () => {
      const catalog = catalogOf();
      const heard: [string, boolean][] = [];
      catalog.onLookup((kind, hit) => heard.push([kind, hit]));
      catalog.race('bw_zerg');
      catalog.map('nope');
      catalog.region('WST');
      catalog.server('NOPE');
      catalog.gameRegion('EU');
      catalog.country('QQ');
      expect(heard).toEqual([
        ['race', true],
        ['map', false],
        ['region', true],
        ['server', false],
        ['game-region', true],
        ['country', false],
      ]);
    });

    it('replaces the previous listener', () => {
      const catalog = catalogOf();
      const first = jest.fn();
      const second = jest.fn();
      catalog.onLookup(first);
      catalog.onLookup(second);
      catalog.race('bw_zerg');
      expect(first).not.toHaveBeenCalled();
      expect(second).toHaveBeenCalledWith('race', true);
    });
  });
});
