import { LeaderboardFilter } from './leaderboard-filter';
import { RatingEntry } from './rank-index';
import { Letter, LETTERS } from './ranks';

export interface PageRequest {
  page: number;
  pageSize: number;
  maxPages: number;
}

/** A listed rating with its place in the whole ranked pool, whatever the filter. */
export interface ListedRating<T extends RatingEntry> {
  entry: T;
  position: number;
  letter: Letter;
}

export interface LeaderboardPage<T extends RatingEntry> {
  rows: ListedRating<T>[];
  /** The page shown: the one asked for, within 1 and `pages`. */
  page: number;
  /** At least 1, at most the request's `maxPages`. */
  pages: number;
  /** How many ranked ratings match the filter (more than the pages may show). */
  matched: number;
}

/** The ratings a filter lets through, in pool order: as many as the pages can show, and how many there are in all. */
export interface FilteredPool<T extends RatingEntry> {
  listed: ListedRating<T>[];
  matched: number;
}

/**
 * The ranked pool (best first, with its letter counts) under a filter, in one pass. `countryOf` gives
 * an entry's country as the filter names it (the Other entry for every uncommon country); `limit` is
 * how many listed ratings to keep (what the pages can show).
 */
export function filterPool<T extends RatingEntry>(
  pool: readonly T[],
  counts: Record<Letter, number>,
  filter: LeaderboardFilter,
  limit: number,
  countryOf: (entry: T) => string,
): FilteredPool<T> {
  const races = new Set(filter.races);
  const letters = new Set(filter.letters);
  const countries = new Set(filter.countries);
  // Player ids are the players table's serial ids: a flag per id is the cheapest "seen" there is.
  const seenPlayers = filter.bestRaceOnly ? new Uint8Array(highestPlayerId(pool) + 1) : undefined;
  const listed: ListedRating<T>[] = [];
  let matched = 0;
  let letterIndex = 0;
  let letterEnd = counts[LETTERS[0]];
  for (let index = 0; index < pool.length; index += 1) {
    while (index >= letterEnd) letterEnd += counts[LETTERS[++letterIndex]];
    const entry = pool[index];
    if (seenPlayers) {
      if (seenPlayers[entry.playerId] === 1) continue;
      seenPlayers[entry.playerId] = 1;
    }
    const letter = LETTERS[letterIndex];
    if (races.size > 0 && !races.has(entry.race)) continue;
    if (letters.size > 0 && !letters.has(letter)) continue;
    if (countries.size > 0 && !countries.has(countryOf(entry))) continue;
    matched += 1;
    if (listed.length < limit) listed.push({ entry, position: index + 1, letter });
  }
  return { listed, matched };
}

/** One page of a filtered pool: the page asked for, within 1 and the pages there are (at most `maxPages`). */
export function pageOf<T extends RatingEntry>(filtered: FilteredPool<T>, request: PageRequest): LeaderboardPage<T> {
  const pages = Math.max(1, Math.min(request.maxPages, Math.ceil(filtered.matched / request.pageSize)));
  const page = Math.min(Math.max(1, request.page), pages);
  return { rows: filtered.listed.slice((page - 1) * request.pageSize, page * request.pageSize), page, pages, matched: filtered.matched };
}

function highestPlayerId(pool: readonly RatingEntry[]): number {
  let highest = 0;
  for (const entry of pool) highest = Math.max(highest, entry.playerId);
  return highest;
}
