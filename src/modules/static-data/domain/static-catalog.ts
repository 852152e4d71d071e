import { countryFlag } from './country-flag';
import { greatCircleKm } from './great-circle';
import { searchKey } from './search-key';
import { compareServerChoices, estimateRttMs, ServerChoice } from './server-choice';
import { StaticDataError } from './static-data.errors';
import {
  Country,
  Game,
  GAMES,
  GameMap,
  GameRegion,
  GameServer,
  OTHER_COUNTRY,
  Race,
  ResidentialRegion,
  Season,
  StaticDataSet,
  StaticFileName,
} from './static-data.schemas';

export type LookupKind = 'race' | 'map' | 'region' | 'server' | 'game-region' | 'country';
export type LookupListener = (kind: LookupKind, hit: boolean) => void;

interface SearchableCountry {
  country: Country;
  /** The name as a search key. */
  key: string;
  /** The name and each alias from each of their words on: what a query may start. */
  starts: string[];
}

/** A country's name or alias as searched: as `searchKey`, and punctuation dropped ("Cote d'Ivoire"). */
const countryKey = (text: string) => searchKey(text).replace(/[\p{P}\p{S}]/gu, '');

/** The text from the start of each of its words on, as keys: "Bonaire, Sint Eustatius" -> bonaire..., sint..., eustatius. */
function wordStarts(text: string): string[] {
  return [...text.matchAll(/(?:^|[\s,()'’./-])(?=[\p{L}\p{N}])/gu)].map((match) => countryKey(text.slice(match.index + match[0].length)));
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en');
const pairKey = (regionA: string, regionB: string) => [regionA, regionB].sort().join('|');

function indexBy<T, K>(items: readonly T[], keyOf: (item: T) => K): ReadonlyMap<K, T> {
  return new Map(items.map((item) => [keyOf(item), item]));
}

/**
 * Every static file, cross-checked and indexed once: lookups by code are map reads, and the estimated
 * round trip of every residential region to every server is computed here, not per match.
 */
export class StaticCatalog {
  private readonly racesByCode: ReadonlyMap<string, Race>;
  private readonly racesBySearchKey: ReadonlyMap<string, Race>;
  private readonly racesByGame: ReadonlyMap<Game, readonly Race[]>;
  private readonly season: Season;
  private readonly mapsByCode: ReadonlyMap<string, GameMap>;
  private readonly regionsByCode: ReadonlyMap<string, ResidentialRegion>;
  private readonly serversByCode: ReadonlyMap<string, GameServer>;
  private readonly gameRegionsByCode: ReadonlyMap<string, GameRegion>;
  private readonly countriesByCode: ReadonlyMap<string, Country>;
  private readonly countriesByNameKey: ReadonlyMap<string, Country>;
  private readonly countriesSortedByName: readonly SearchableCountry[];
  private readonly commonCountryList: readonly Country[];
  private readonly rttMsByRegion: ReadonlyMap<string, ReadonlyMap<string, number>>;
  private readonly overrideByPair: ReadonlyMap<string, GameServer>;
  private lookupListener: LookupListener = () => undefined;

  constructor(private readonly data: StaticDataSet) {
    const races = data.races.races;
    this.racesByCode = indexBy(races, (race) => race.code);
    this.racesBySearchKey = new Map(
      races.flatMap((race) => [race.code, race.name, race.shortName, ...race.aliases].map((name) => [searchKey(name), race])),
    );
    this.racesByGame = new Map(GAMES.map((game) => [game, races.filter((race) => race.game === game)]));

    this.season = currentSeasonOf(data);
    this.mapsByCode = indexBy(this.season.maps, (map) => map.code);
    this.regionsByCode = indexBy(data.regions.regions, (region) => region.code);
    this.serversByCode = indexBy(data['game-servers'].servers, (server) => server.code);
    this.gameRegionsByCode = indexBy(data['game-regions'].gameRegions, (gameRegion) => gameRegion.code);
    this.checkServerGameRegions();

    const countries = data.countries.countries;
    this.countriesByCode = indexBy(countries, (country) => country.code);
    this.countriesByNameKey = new Map(countries.flatMap((country) => [country.name, ...(country.aliases ?? [])].map((name) => [countryKey(name), country] as const)));
    this.countriesSortedByName = [...countries]
      .sort(byName)
      .map((country) => ({ country, key: countryKey(country.name), starts: [country.name, ...(country.aliases ?? [])].flatMap(wordStarts) }));
    this.commonCountryList = [
      ...countries.filter((country) => country.common).sort(byName),
      ...countries.filter((country) => country.code === OTHER_COUNTRY),
    ];

    this.rttMsByRegion = estimateEveryRoundTrip(data);
    this.overrideByPair = this.indexOverrides();
  }

  /** Called on every lookup by code, hit or miss; replaces the previous listener. */
  onLookup(listener: LookupListener): void {
    this.lookupListener = listener;
  }

  race(code: string): Race | undefined {
    return this.recorded('race', this.racesByCode.get(code));
  }

  races(): readonly Race[] {
    return this.data.races.races;
  }

  racesOfGame(game: Game): readonly Race[] {
    return this.racesByGame.get(game) ?? [];
  }

  /** A code, name, short name or community alias, in any case ("스1 테란", "Зерги", "t2"). */
  resolveRace(text: string): Race | undefined {
    return this.racesBySearchKey.get(searchKey(text));
  }

  currentSeason(): Season {
    return this.season;
  }

  /** A map of the current season. */
  map(code: string): GameMap | undefined {
    return this.recorded('map', this.mapsByCode.get(code));
  }

  /** The link that opens a map in the game client of a game region (a server's `gameRegion`). */
  mapLink(mapCode: string, gameRegionCode: string): string | undefined {
    const map = this.map(mapCode);
    const gameRegion = this.gameRegion(gameRegionCode);
    if (!map || !gameRegion) return undefined;
    return `battlenet://starcraft/map/${gameRegion.mapLinkIndex}/${map.ids[gameRegion.code]}`;
  }

  region(code: string): ResidentialRegion | undefined {
    return this.recorded('region', this.regionsByCode.get(code));
  }

  regions(): readonly ResidentialRegion[] {
    return this.data.regions.regions;
  }

  server(code: string): GameServer | undefined {
    return this.recorded('server', this.serversByCode.get(code));
  }

  servers(): readonly GameServer[] {
    return this.data['game-servers'].servers;
  }

  gameRegion(code: string): GameRegion | undefined {
    return this.recorded('game-region', this.gameRegionsByCode.get(code));
  }

  country(code: string): Country | undefined {
    return this.recorded('country', this.countriesByCode.get(code));
  }

  /** Every country, XX and ZZ included, ordered by code. */
  countries(): readonly Country[] {
    return this.data.countries.countries;
  }

  /** The setup choices: the common countries by name, then "Other" (ZZ). */
  commonCountries(): readonly Country[] {
    return this.commonCountryList;
  }

  /**
   * An exact code first, then an exact name or alias (USA, UK, Holland), then names starting with the
   * query, then names or aliases with a word starting with it; by name within each. Never the middle
   * of a word: "usa" does not find "Bonaire, Sint Eustatius and Saba".
   */
  searchCountries(query: string, limit = 25): Country[] {
    const key = countryKey(query);
    if (key === '') return this.countriesSortedByName.slice(0, limit).map((candidate) => candidate.country);
    const byCode = this.countriesByCode.get(query.trim().toUpperCase());
    const exact = this.countriesByNameKey.get(key);
    const found = new Set<Country>([byCode, exact].filter((country): country is Country => country !== undefined));
    const starting = this.countriesSortedByName.filter((candidate) => candidate.key.startsWith(key));
    const wordStarting = this.countriesSortedByName.filter((candidate) => candidate.starts.some((start) => start.startsWith(key)));
    [...starting, ...wordStarting].forEach((candidate) => found.add(candidate.country));
    return [...found].slice(0, limit);
  }

  /** What a player typed: an exact code, else an exact name, else the best search match. */
  resolveCountry(text: string): Country | undefined {
    if (countryKey(text) === '') return undefined;
    return this.countriesByCode.get(text.trim().toUpperCase()) ?? this.countriesByNameKey.get(countryKey(text)) ?? this.searchCountries(text, 1)[0];
  }

  flag(code: string): string {
    return countryFlag(code);
  }

  estimatedRttMs(regionCode: string, serverCode: string): number {
    const rttMs = this.rttRow(regionCode).get(serverCode);
    if (rttMs === undefined) throw new Error(`Unknown game server "${serverCode}"`);
    return rttMs;
  }

  /** The server for a match between players of two residential regions, in either order. */
  chooseServer(regionA: string, regionB: string): ServerChoice {
    const choiceOf = (server: GameServer, overridden: boolean): ServerChoice => ({
      server,
      rttMsA: this.estimatedRttMs(regionA, server.code),
      rttMsB: this.estimatedRttMs(regionB, server.code),
      overridden,
    });
    const override = this.overrideByPair.get(pairKey(regionA, regionB));
    if (override) return choiceOf(override, true);
    return this.servers()
      .map((server) => choiceOf(server, false))
      .reduce((best, candidate) => (compareServerChoices(candidate, best) < 0 ? candidate : best));
  }

  counts(): Record<StaticFileName, number> {
    return {
      races: this.data.races.races.length,
      maps: this.data.maps.seasons.reduce((total, season) => total + season.maps.length, 0),
      regions: this.data.regions.regions.length,
      'game-regions': this.data['game-regions'].gameRegions.length,
      'game-servers': this.data['game-servers'].servers.length,
      'server-choice': this.data['server-choice'].overrides.length,
      countries: this.data.countries.countries.length,
    };
  }

  private recorded<T>(kind: LookupKind, found: T | undefined): T | undefined {
    this.lookupListener(kind, found !== undefined);
    return found;
  }

  private rttRow(regionCode: string): ReadonlyMap<string, number> {
    const row = this.rttMsByRegion.get(regionCode);
    if (!row) throw new Error(`Unknown residential region "${regionCode}"`);
    return row;
  }

  private checkServerGameRegions(): void {
    this.data['game-servers'].servers.forEach((server, index) => {
      if (!this.gameRegionsByCode.has(server.gameRegion)) {
        throw new StaticDataError('game-servers', `servers[${index}].gameRegion`, `unknown game region "${server.gameRegion}"`);
      }
    });
  }

  private indexOverrides(): ReadonlyMap<string, GameServer> {
    return new Map(
      this.data['server-choice'].overrides.map((override, index) => {
        override.regions.forEach((code, side) => {
          if (!this.regionsByCode.has(code)) {
            throw new StaticDataError('server-choice', `overrides[${index}].regions[${side}]`, `unknown residential region "${code}"`);
          }
        });
        const server = this.serversByCode.get(override.server);
        if (!server) {
          throw new StaticDataError('server-choice', `overrides[${index}].server`, `unknown game server "${override.server}"`);
        }
        return [pairKey(...override.regions), server];
      }),
    );
  }
}

function currentSeasonOf(data: StaticDataSet): Season {
  const seasons = data.maps.seasons;
  const current = seasons.filter((season) => season.current);
  if (current.length === 1) return current[0];
  if (current.length === 0) throw new StaticDataError('maps', 'seasons', 'no season is current; exactly one must be');
  throw new StaticDataError(
    'maps',
    `seasons[${seasons.indexOf(current[1])}].current`,
    `${current.map((season) => season.name).join(', ')} are all current; exactly one must be`,
  );
}

function estimateEveryRoundTrip(data: StaticDataSet): ReadonlyMap<string, ReadonlyMap<string, number>> {
  const servers = data['game-servers'].servers;
  const model = data['server-choice'];
  return new Map(
    data.regions.regions.map((region) => [
      region.code,
      new Map(servers.map((server) => [server.code, estimateRttMs(greatCircleKm(region.coordinate, server.coordinate), model)])),
    ]),
  );
}
