import { parseStaticFile } from './parse-static-file';
import { validStaticData } from './static-data.fixture';
import { StaticDataError } from './static-data.errors';
import { MAX_COMMON_COUNTRIES, STATIC_FILE_NAMES, StaticDataSet, StaticFileName } from './static-data.schemas';

function problemIn(name: StaticFileName, content: unknown): StaticDataError {
  try {
    parseStaticFile(name, JSON.stringify(content));
  } catch (error) {
    if (error instanceof StaticDataError) return error;
    throw error;
  }
  throw new Error(`${name} was accepted`);
}

/** Writes a value the types forbid, as a hand-edited file could. */
function put(target: object, key: string, value: unknown): void {
  Reflect.set(target, key, value);
}

type Case = [description: string, file: StaticFileName, spoil: (data: StaticDataSet) => void, field: string, message: RegExp];

const cases: Case[] = [
  ['an unknown race code', 'races', (d) => put(d.races.races[0], 'code', 'bw_marine'), 'races[0].code', /invalid option/i],
  ['a game unlike the code prefix', 'races', (d) => put(d.races.races[0], 'game', 'sc2'), 'races[0].game', /must be "bw" for bw_terran/],
  ['an unknown game', 'races', (d) => put(d.races.races[3], 'game', 'wc3'), 'races[3].game', /invalid option/i],
  ['a missing race', 'races', (d) => d.races.races.splice(1, 1), 'races', /missing code bw_zerg/],
  ['a duplicate race code', 'races', (d) => d.races.races.push({ ...d.races.races[0], name: 'Again', shortName: 'A', aliases: [] }), 'races[6].code', /duplicate code/],
  ['an alias of another race', 'races', (d) => d.races.races[3].aliases.push('스1 테란'), 'races[3].aliases[2]', /already names bw_terran/],
  ['an alias equal to a name but for case and spaces', 'races', (d) => d.races.races[4].aliases.push('bw  TERRAN'), 'races[4].aliases[1]', /already names bw_terran/],
  ['a short name of another race', 'races', (d) => put(d.races.races[5], 'shortName', 'Z2'), 'races[5].shortName', /already names sc2_zerg/],
  ['an empty alias', 'races', (d) => d.races.races[2].aliases.push(''), 'races[2].aliases[0]', /non-empty/],
  ['an alias with a trailing space', 'races', (d) => d.races.races[2].aliases.push('Toss '), 'races[2].aliases[0]', /trailing spaces/],
  ['an unknown race key', 'races', (d) => put(d.races.races[1], 'colour', 'red'), 'races[1].colour', /unrecognized key/i],
  ['a map id given as text', 'maps', (d) => put(d.maps.seasons[0].maps[1].ids, 'EU', '202'), 'seasons[0].maps[1].ids.EU', /expected number, received string/],
  ['a map id that is not a whole number', 'maps', (d) => put(d.maps.seasons[0].maps[0].ids, 'AM', 1.5), 'seasons[0].maps[0].ids.AM', /int/i],
  ['a negative map id', 'maps', (d) => put(d.maps.seasons[0].maps[0].ids, 'AS', -3), 'seasons[0].maps[0].ids.AS', /too small/i],
  ['a map id for an unknown game region', 'maps', (d) => put(d.maps.seasons[0].maps[0].ids, 'KR', 5), 'seasons[0].maps[0].ids.KR', /unrecognized key/i],
  ['a map without an id for a game region', 'maps', (d) => Reflect.deleteProperty(d.maps.seasons[0].maps[1].ids, 'AS'), 'seasons[0].maps[1].ids.AS', /expected number, received undefined/],
  ['a map code that is not a slug', 'maps', (d) => put(d.maps.seasons[0].maps[0], 'code', 'Alpha LE'), 'seasons[0].maps[0].code', /lower-case words/],
  ['a duplicate map code', 'maps', (d) => put(d.maps.seasons[0].maps[1], 'code', 'alpha'), 'seasons[0].maps[1].code', /duplicate code/],
  ['a duplicate map short name', 'maps', (d) => put(d.maps.seasons[0].maps[1], 'shortName', 'Alpha'), 'seasons[0].maps[1].shortName', /duplicate shortName/],
  ['an unknown map style', 'maps', (d) => put(d.maps.seasons[0].maps[0], 'style', 'wc3'), 'seasons[0].maps[0].style', /invalid option/i],
  ['a season without maps', 'maps', (d) => (d.maps.seasons[0].maps = []), 'seasons[0].maps', /too small/i],
  ['no seasons', 'maps', (d) => (d.maps.seasons = []), 'seasons', /too small/i],
  ['a duplicate season name', 'maps', (d) => d.maps.seasons.push({ ...d.maps.seasons[0], current: false }), 'seasons[1].name', /duplicate name/],
  ['a latitude beyond the pole', 'regions', (d) => put(d.regions.regions[1].coordinate, 'lat', 91), 'regions[1].coordinate.lat', /too big/i],
  ['a longitude beyond the date line', 'regions', (d) => put(d.regions.regions[2].coordinate, 'lon', -180.5), 'regions[2].coordinate.lon', /too small/i],
  ['a lower-case region code', 'regions', (d) => put(d.regions.regions[0], 'code', 'wst'), 'regions[0].code', /three capital letters/],
  ['a duplicate region code', 'regions', (d) => put(d.regions.regions[2], 'code', 'WST'), 'regions[2].code', /duplicate code/],
  ['a region without a coordinate', 'regions', (d) => Reflect.deleteProperty(d.regions.regions[0], 'coordinate'), 'regions[0].coordinate', /expected object/],
  ['an unknown game region code', 'game-regions', (d) => put(d['game-regions'].gameRegions[0], 'code', 'KR'), 'gameRegions[0].code', /invalid option/i],
  ['a missing game region', 'game-regions', (d) => d['game-regions'].gameRegions.pop(), 'gameRegions', /missing code AS/],
  ['a duplicate map link index', 'game-regions', (d) => put(d['game-regions'].gameRegions[2], 'mapLinkIndex', 1), 'gameRegions[2].mapLinkIndex', /duplicate mapLinkIndex/],
  ['a map link index of zero', 'game-regions', (d) => put(d['game-regions'].gameRegions[0], 'mapLinkIndex', 0), 'gameRegions[0].mapLinkIndex', /too small/i],
  ['a duplicate server code', 'game-servers', (d) => put(d['game-servers'].servers[3], 'code', 'WEST'), 'servers[3].code', /duplicate code/],
  ['a malformed game region of a server', 'game-servers', (d) => put(d['game-servers'].servers[1], 'gameRegion', 'asia'), 'servers[1].gameRegion', /two capital letters/],
  ['a server latitude out of range', 'game-servers', (d) => put(d['game-servers'].servers[0].coordinate, 'lat', -95), 'servers[0].coordinate.lat', /too small/i],
  ['no servers', 'game-servers', (d) => (d['game-servers'].servers = []), 'servers', /too small/i],
  ['a routing factor below 1', 'server-choice', (d) => (d['server-choice'].routingFactor = 0.5), 'routingFactor', /too small/i],
  ['a zero speed', 'server-choice', (d) => (d['server-choice'].kmPerMsRoundTrip = 0), 'kmPerMsRoundTrip', /too small/i],
  ['a negative base latency', 'server-choice', (d) => (d['server-choice'].baseMs = -1), 'baseMs', /too small/i],
  ['an override of one region', 'server-choice', (d) => d['server-choice'].overrides.push({ regions: ['WST'], server: 'WEST', reason: 'why' } as never), 'overrides[0].regions', /too small/i],
  ['an override without a reason', 'server-choice', (d) => d['server-choice'].overrides.push({ regions: ['WST', 'EST'], server: 'WEST', reason: '' }), 'overrides[0].reason', /non-empty/],
  [
    'the same pair overridden twice, in either order',
    'server-choice',
    (d) => d['server-choice'].overrides.push({ regions: ['WST', 'EST'], server: 'WEST', reason: 'a' }, { regions: ['EST', 'WST'], server: 'EAST', reason: 'b' }),
    'overrides[1].regions',
    /duplicate regions/,
  ],
  ['a lower-case country code', 'countries', (d) => put(d.countries.countries[1], 'code', 'fr'), 'countries[1].code', /two capital letters/],
  ['a duplicate country code', 'countries', (d) => put(d.countries.countries[2], 'code', 'KR'), 'countries[3].code', /duplicate code/],
  ['no XX', 'countries', (d) => d.countries.countries.splice(5, 1), 'countries', /missing code XX/],
  ['no ZZ', 'countries', (d) => d.countries.countries.pop(), 'countries', /missing code ZZ/],
  ['ZZ marked common', 'countries', (d) => put(d.countries.countries[6], 'common', true), 'countries[6].common', /apart from the common countries/],
  ['XX marked common', 'countries', (d) => put(d.countries.countries[5], 'common', true), 'countries[5].common', /apart from the common countries/],
  ['a country without "common"', 'countries', (d) => Reflect.deleteProperty(d.countries.countries[0], 'common'), 'countries[0].common', /expected boolean/],
  [
    'more common countries than setup can show',
    'countries',
    (d) => {
      const extra = Array.from({ length: MAX_COMMON_COUNTRIES - 2 }, (_, index) => ({
        code: String.fromCharCode(65 + Math.floor(index / 26), 65 + (index % 26)),
        name: `Country ${index}`,
        common: true,
      }));
      d.countries.countries.push(...extra);
    },
    'countries',
    /50 common countries; setup has room for 49/,
  ],
];

describe('static data schemas', () => {
  it.each(STATIC_FILE_NAMES)('accept the valid fixture for %s', (name) => {
    expect(parseStaticFile(name, JSON.stringify(validStaticData()[name]))).toEqual(validStaticData()[name]);
  });

  it.each(cases)('reject %s', (_description, file, spoil, field, message) => {
    const data = validStaticData();
    spoil(data);
    const problem = problemIn(file, data[file]);
    expect(problem.file).toBe(file);
    expect(problem.field).toBe(field);
    expect(problem.detail).toMatch(message);
  });
});
