import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseStaticFile } from '../../modules/static-data/domain/parse-static-file';
import { PRACTICE_BEHAVIOURS } from './practice-behaviour';

export interface PracticeChoice {
  code: string;
  name: string;
}

/** What the page offers for a practice opponent: the ladder's races and regions, and the behaviours. */
export interface PracticeChoices {
  races: Array<PracticeChoice & { game: 'bw' | 'sc2' }>;
  regions: PracticeChoice[];
  behaviours: PracticeChoice[];
}

/** The races and regions as data/static names them, for the same choices the bot's own selects offer. */
export async function readPracticeChoices(staticDir: string): Promise<PracticeChoices> {
  const read = (name: string) => readFile(join(staticDir, `${name}.json`), 'utf8');
  const races = parseStaticFile('races', await read('races')).races;
  const regions = parseStaticFile('regions', await read('regions')).regions;
  return {
    races: races.map(({ code, name, game }) => ({ code, name, game })),
    regions: regions.map(({ code, name }) => ({ code, name })),
    behaviours: Object.entries(PRACTICE_BEHAVIOURS).map(([code, name]) => ({ code, name })),
  };
}

/** A country setup offers for each region, so a practice opponent's flag fits where it lives; Other elsewhere. */
const COUNTRY_OF_REGION: Record<string, string> = {
  NAW: 'US',
  NAC: 'US',
  NAE: 'CA',
  CAM: 'MX',
  SAM: 'BR',
  EUW: 'FR',
  EUE: 'PL',
  MEA: 'IL',
  SEA: 'IN',
  KRJ: 'KR',
  CHN: 'CN',
  THM: 'TW',
  OCE: 'AU',
  USB: 'RU',
  FER: 'RU',
};

export function countryForRegion(region: string): string {
  return COUNTRY_OF_REGION[region] ?? 'ZZ';
}
