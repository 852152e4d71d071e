import { z } from 'zod';
import { searchKey } from './search-key';

export const GAMES = ['bw', 'sc2'] as const;
export type Game = (typeof GAMES)[number];

export const RACE_CODES = ['bw_terran', 'bw_zerg', 'bw_protoss', 'sc2_terran', 'sc2_zerg', 'sc2_protoss'] as const;
export type RaceCode = (typeof RACE_CODES)[number];

export const GAME_REGION_CODES = ['AM', 'EU', 'AS'] as const;
export type GameRegionCode = (typeof GAME_REGION_CODES)[number];

export const NON_REPRESENTING_COUNTRY = 'XX';
export const OTHER_COUNTRY = 'ZZ';
/** Setup offers the common countries plus "Other" in two Discord selects of 25 options each. */
export const MAX_COMMON_COUNTRIES = 49;

const labelOfAtMost = (maxLength: number) =>
  z.string().max(maxLength).regex(/^\S(.*\S)?$/, 'must be non-empty, without leading or trailing spaces');
const label = labelOfAtMost(100);
const slug = z.string().regex(/^[a-z0-9]+(_[a-z0-9]+)*$/, 'must be lower-case words joined by "_"');
const regionCode = z.string().regex(/^[A-Z]{3}$/, 'must be three capital letters');
const serverCode = z.string().regex(/^[A-Z]{3,8}$/, 'must be 3 to 8 capital letters');
const twoLetterCode = z.string().regex(/^[A-Z]{2}$/, 'must be two capital letters');
const mapId = z.number().int().positive();
const coordinate = z.strictObject({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});

function rejectDuplicates<T, K extends keyof T & string>(field: K, keyOf: (item: T) => string = (item) => String(item[field])) {
  return (items: readonly T[], ctx: z.RefinementCtx) => {
    const firstIndexByKey = new Map<string, number>();
    items.forEach((item, index) => {
      const key = keyOf(item);
      const firstIndex = firstIndexByKey.get(key);
      if (firstIndex === undefined) firstIndexByKey.set(key, index);
      else ctx.addIssue({ code: 'custom', path: [index, field], message: `duplicate ${field} (same as entry ${firstIndex})` });
    });
  };
}

function requireEvery<T, K extends keyof T & string>(field: K, required: readonly string[]) {
  return (items: readonly T[], ctx: z.RefinementCtx) => {
    const present = new Set(items.map((item) => String(item[field])));
    const missing = required.filter((value) => !present.has(value));
    if (missing.length > 0) ctx.addIssue({ code: 'custom', path: [], message: `missing ${field} ${missing.join(', ')}` });
  };
}

const raceSchema = z
  .strictObject({
    code: z.enum(RACE_CODES),
    game: z.enum(GAMES),
    name: label,
    shortName: z.string().regex(/^[A-Z][A-Z0-9]{0,3}$/, 'must be 1 to 4 capital letters or digits'),
    aliases: z.array(label),
  })
  .superRefine((race, ctx) => {
    const gameOfCode = race.code.slice(0, race.code.indexOf('_'));
    if (race.game !== gameOfCode) ctx.addIssue({ code: 'custom', path: ['game'], message: `must be "${gameOfCode}" for ${race.code}` });
  });

/** Every code, name, short name and alias resolves typed text to one race, so none may name two. */
function rejectAmbiguousRaceNames(races: readonly z.infer<typeof raceSchema>[], ctx: z.RefinementCtx) {
  const raceByKey = new Map<string, string>();
  races.forEach((race, index) => {
    const names: [PropertyKey[], string][] = [
      [['code'], race.code],
      [['name'], race.name],
      [['shortName'], race.shortName],
      ...race.aliases.map((alias, aliasIndex): [PropertyKey[], string] => [['aliases', aliasIndex], alias]),
    ];
    for (const [path, name] of names) {
      const key = searchKey(name);
      const owner = raceByKey.get(key);
      if (owner === undefined) raceByKey.set(key, race.code);
      else ctx.addIssue({ code: 'custom', path: [index, ...path], message: `"${name}" already names ${owner}` });
    }
  });
}

export const racesFileSchema = z.strictObject({
  races: z
    .array(raceSchema)
    .superRefine(rejectDuplicates('code'))
    .superRefine(requireEvery('code', RACE_CODES))
    .superRefine(rejectAmbiguousRaceNames),
});

const gameMapSchema = z.strictObject({
  code: slug,
  name: label,
  shortName: label,
  author: label,
  style: z.enum(GAMES),
  ids: z.strictObject({ AM: mapId, EU: mapId, AS: mapId }),
});

const seasonSchema = z.strictObject({
  name: label,
  current: z.boolean(),
  maps: z.array(gameMapSchema).min(1).superRefine(rejectDuplicates('code')).superRefine(rejectDuplicates('shortName')),
});

export const mapsFileSchema = z.strictObject({
  seasons: z.array(seasonSchema).min(1).superRefine(rejectDuplicates('name')),
});

const residentialRegionSchema = z.strictObject({
  code: regionCode,
  name: label,
  place: label,
  coordinate,
});

export const regionsFileSchema = z.strictObject({
  regions: z.array(residentialRegionSchema).min(1).superRefine(rejectDuplicates('code')),
});

const gameRegionSchema = z.strictObject({
  code: z.enum(GAME_REGION_CODES),
  name: label,
  mapLinkIndex: z.number().int().positive(),
});

export const gameRegionsFileSchema = z.strictObject({
  gameRegions: z
    .array(gameRegionSchema)
    .min(1)
    .superRefine(rejectDuplicates('code'))
    .superRefine(rejectDuplicates('mapLinkIndex'))
    // Every map has an id in each game region, so each needs its link index.
    .superRefine(requireEvery('code', GAME_REGION_CODES)),
});

const gameServerSchema = z.strictObject({
  code: serverCode,
  name: label,
  gameRegion: twoLetterCode,
  place: label,
  coordinate,
});

export const gameServersFileSchema = z.strictObject({
  servers: z.array(gameServerSchema).min(1).superRefine(rejectDuplicates('code')),
});

const serverOverrideSchema = z.strictObject({
  regions: z.tuple([regionCode, regionCode]),
  server: serverCode,
  reason: labelOfAtMost(500),
});

export const serverChoiceFileSchema = z.strictObject({
  kmPerMsRoundTrip: z.number().positive(),
  // Routes are never shorter than the great circle.
  routingFactor: z.number().min(1),
  baseMs: z.number().min(0),
  overrides: z.array(serverOverrideSchema).superRefine(
    rejectDuplicates('regions', (override: z.infer<typeof serverOverrideSchema>) => [...override.regions].sort().join('|')),
  ),
});

const countrySchema = z.strictObject({
  code: twoLetterCode,
  name: label,
  common: z.boolean(),
  /** Other names players type: abbreviations (USA, UK), common and formal names (Holland, Korea). */
  aliases: z.array(label).optional(),
});

function rejectBadCommonCountries(countries: readonly z.infer<typeof countrySchema>[], ctx: z.RefinementCtx) {
  countries.forEach((country, index) => {
    if (country.common && (country.code === NON_REPRESENTING_COUNTRY || country.code === OTHER_COUNTRY)) {
      ctx.addIssue({ code: 'custom', path: [index, 'common'], message: `${country.code} is offered apart from the common countries` });
    }
  });
  const commonCount = countries.filter((country) => country.common).length;
  if (commonCount > MAX_COMMON_COUNTRIES) {
    ctx.addIssue({
      code: 'custom',
      path: [],
      message: `${commonCount} common countries; setup has room for ${MAX_COMMON_COUNTRIES} (plus "Other")`,
    });
  }
}

export const countriesFileSchema = z.strictObject({
  countries: z
    .array(countrySchema)
    .superRefine(rejectDuplicates('code'))
    .superRefine(requireEvery('code', [NON_REPRESENTING_COUNTRY, OTHER_COUNTRY]))
    .superRefine(rejectBadCommonCountries),
});

export const STATIC_FILES = {
  races: racesFileSchema,
  maps: mapsFileSchema,
  regions: regionsFileSchema,
  'game-regions': gameRegionsFileSchema,
  'game-servers': gameServersFileSchema,
  'server-choice': serverChoiceFileSchema,
  countries: countriesFileSchema,
} as const;

export type StaticFileName = keyof typeof STATIC_FILES;
export const STATIC_FILE_NAMES = Object.keys(STATIC_FILES) as StaticFileName[];
export type StaticDataSet = { [Name in StaticFileName]: z.infer<(typeof STATIC_FILES)[Name]> };

export type Race = z.infer<typeof raceSchema>;
export type GameMap = z.infer<typeof gameMapSchema>;
export type Season = z.infer<typeof seasonSchema>;
export type ResidentialRegion = z.infer<typeof residentialRegionSchema>;
export type GameRegion = z.infer<typeof gameRegionSchema>;
export type GameServer = z.infer<typeof gameServerSchema>;
export type ServerChoiceModel = z.infer<typeof serverChoiceFileSchema>;
export type ServerOverride = z.infer<typeof serverOverrideSchema>;
export type Country = z.infer<typeof countrySchema>;
