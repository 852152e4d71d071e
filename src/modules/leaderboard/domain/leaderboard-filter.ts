import { listFingerprint } from '../../../common/routing/list-fingerprint';
import { Letter, LETTERS } from './ranks';

/** What a leaderboard view lists: an empty kind does not filter; within a kind any value matches (OR), across kinds all must (AND). */
export interface LeaderboardFilter {
  races: readonly string[];
  letters: readonly Letter[];
  /** Country codes as the selects offer them; the list's last entry stands for every other country. */
  countries: readonly string[];
  /** Each player's highest ranked race only, chosen before the other filters. */
  bestRaceOnly: boolean;
}

export const NO_FILTER: LeaderboardFilter = { races: [], letters: [], countries: [], bestRaceOnly: false };

/** The fixed lists a filter's bits refer to: every race, and the countries the selects offer (the common ones, then Other). */
export interface FilterLists {
  races: readonly string[];
  countries: readonly string[];
}

/** A filter as custom ids carry it: a bit set in base 36 and the fingerprint of the lists it refers to. */
export interface FilterToken {
  filters: string;
  lists: string;
}

export const FILTER_BITS = /^[0-9a-z]{1,16}$/;

/** Bit 0: best race only; then a bit per race, per letter and per country, in list order. */
export function encodeFilter(filter: LeaderboardFilter, lists: FilterLists): FilterToken {
  let bits = filter.bestRaceOnly ? 1n : 0n;
  let offset = 1;
  for (const [list, chosen] of kinds(lists, filter)) {
    for (const value of chosen) {
      const position = list.indexOf(value);
      if (position < 0) throw new Error(`${value} is not in the leaderboard's lists`);
      bits |= 1n << BigInt(offset + position);
    }
    offset += list.length;
  }
  return { filters: bits.toString(36), lists: fingerprintOf(lists) };
}

/**
 * The filter a token holds; `stale` when it was drawn for other lists (a static data reload since),
 * undefined when it cannot be one of ours (bits past the lists).
 */
export function decodeFilter(token: FilterToken, lists: FilterLists): LeaderboardFilter | 'stale' | undefined {
  if (token.lists !== fingerprintOf(lists)) return 'stale';
  const bits = parseBase36(token.filters);
  if (bits === undefined) return undefined;
  const size = 1 + LETTERS.length + lists.races.length + lists.countries.length;
  if (bits >> BigInt(size) !== 0n) return undefined;
  const chosen = (list: readonly string[], offset: number) => list.filter((_, position) => (bits >> BigInt(offset + position)) & 1n);
  const races = chosen(lists.races, 1);
  const letters = chosen(LETTERS, 1 + lists.races.length) as Letter[];
  const countries = chosen(lists.countries, 1 + lists.races.length + LETTERS.length);
  return { races, letters, countries, bestRaceOnly: (bits & 1n) === 1n };
}

function kinds(lists: FilterLists, filter: LeaderboardFilter): Array<[readonly string[], readonly string[]]> {
  return [
    [lists.races, filter.races],
    [LETTERS, filter.letters],
    [lists.countries, filter.countries],
  ];
}

function fingerprintOf(lists: FilterLists): string {
  return listFingerprint([...lists.races, '|', ...lists.countries]);
}

function parseBase36(text: string): bigint | undefined {
  if (!FILTER_BITS.test(text)) return undefined;
  let value = 0n;
  for (const char of text) value = value * 36n + BigInt(parseInt(char, 36));
  return value;
}
