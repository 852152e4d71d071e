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

/**
 * One page of the ranked pool (best first, with its letter counts) under a filter. `countryOf` gives
 * an entry's country as the filter names it (the Other entry for every uncommon country). One pass,
 * keeping only the ratings the pages can show.
 */
export function leaderboardPage<T extends RatingEntry>(
  pool: readonly T[],
  counts: Record<Letter, number>,
  filter: LeaderboardFilter,
  request: PageRequest,
  countryOf: (entry: T) => string,
): LeaderboardPage<T> {
  const races = new Set(filter.races);
  const letters = new Set(filter.letters);
  const countries = new Set(filter.countries);
  const seenPlayers = new Set<number>();
  const shown = request.pageSize * request.maxPages;
  const kept: ListedRating<T>[] = [];
  let matched = 0;
  let letterIndex = 0;
  let letterEnd = counts[LETTERS[0]];
  for (let index = 0; index < pool.length; index += 1) {
    while (index >= letterEnd) letterEnd += counts[LETTERS[++letterIndex]];
    const entry = pool[index];
    if (filter.bestRaceOnly) {
      if (seenPlayers.has(entry.playerId)) continue;
      seenPlayers.add(entry.playerId);
    }
    const letter = LETTERS[letterIndex];
    if (races.size > 0 && !races.has(entry.race)) continue;
    if (letters.size > 0 && !letters.has(letter)) continue;
    if (countries.size > 0 && !countries.has(countryOf(entry))) continue;
    matched += 1;
    if (kept.length < shown) kept.push({ entry, position: index + 1, letter });
  }
  const pages = Math.max(1, Math.min(request.maxPages, Math.ceil(matched / request.pageSize)));
  const page = Math.min(Math.max(1, request.page), pages);
  return { rows: kept.slice((page - 1) * request.pageSize, page * request.pageSize), page, pages, matched };
}
