import { Injectable } from '@nestjs/common';
import { InteractionRefusal } from '../../common/errors/interaction-refusal';
import { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { countryChoice } from '../players/domain/choice';
import { PlayerDirectory } from '../players/player-directory';
import { StaticDataService } from '../static-data/static-data.service';
import { decodeFilter, encodeFilter, FilterLists, FilterToken, LeaderboardFilter, NO_FILTER } from './domain/leaderboard-filter';
import { FilteredPool, filterPool, pageOf } from './domain/leaderboard-page';
import { RatingEntry } from './domain/rank-index';
import { Letter, LETTERS } from './domain/ranks';
import { COUNTRIES_PER_SELECT, LeaderboardView } from './leaderboard-view';
import { RankedRatings } from './ranked-ratings';

/** How many filters' results are kept between clicks. */
const KEPT_FILTERS = 64;

const LISTS_CHANGED = 'The race or country lists changed since this message was drawn, so its filters were cleared.';

/** /leaderboard and its controls, all from memory: the ranked pool, the players and the static data. */
@Injectable()
export class LeaderboardService {
  /** Each recent filter's pass over the pool, good while neither the pool nor any player changed: paging costs no pass. */
  private readonly filtered = new Map<string, { at: string; pool: FilteredPool<RatingEntry> }>();

  constructor(
    private readonly ranked: RankedRatings,
    private readonly directory: PlayerDirectory,
    private readonly staticData: StaticDataService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  open(): LeaderboardView {
    return this.view(NO_FILTER, 1);
  }

  /** A page of what a message's controls carry. */
  show(token: FilterToken, page: number): LeaderboardView {
    return this.with(token, (filter) => filter, page);
  }

  races(token: FilterToken, races: readonly string[]): LeaderboardView {
    const known = this.lists().races;
    return this.with(token, (filter) => ({ ...filter, races: chosen(races, known, 'race') }));
  }

  letters(token: FilterToken, letters: readonly string[]): LeaderboardView {
    return this.with(token, (filter) => ({ ...filter, letters: chosen(letters, LETTERS, 'rank') as Letter[] }));
  }

  /** One of the two country selects: its countries replace only its own half of the country filter. */
  countries(token: FilterToken, part: 1 | 2, countries: readonly string[]): LeaderboardView {
    const offered = this.countriesOf(part);
    return this.with(token, (filter) => ({ ...filter, countries: [...filter.countries.filter((code) => !offered.includes(code)), ...chosen(countries, offered, 'country')] }));
  }

  toggleBestRace(token: FilterToken): LeaderboardView {
    return this.with(token, (filter) => ({ ...filter, bestRaceOnly: !filter.bestRaceOnly }));
  }

  /** The page typed into Go to page, checked against the pages there are now. */
  goTo(token: FilterToken, typed: string): LeaderboardView {
    const pages = this.show(token, 1).pages;
    const page = /^\s*\d{1,4}\s*$/.test(typed) ? Number(typed) : NaN;
    if (!(page >= 1 && page <= pages)) throw new InteractionRefusal('Page', `Page must be a whole number from 1 to ${pages}.`);
    return this.show(token, page);
  }

  lists(): FilterLists {
    const catalog = this.staticData.catalog;
    return { races: catalog.races().map((race) => race.code), countries: catalog.commonCountries().map((country) => country.code) };
  }

  /** The filter a message carries, changed; a change of filter starts again at page 1. */
  private with(token: FilterToken, change: (filter: LeaderboardFilter) => LeaderboardFilter, page = 1): LeaderboardView {
    const carried = decodeFilter(token, this.lists());
    if (carried === undefined) throw new InteractionRefusal('Leaderboard', 'These leaderboard controls are not valid. Run /leaderboard again.');
    if (carried === 'stale') return this.view(NO_FILTER, 1, LISTS_CHANGED);
    return this.view(change(carried), page);
  }

  private view(filter: LeaderboardFilter, page: number, note?: string): LeaderboardView {
    const catalog = this.staticData.catalog;
    const lists = this.lists();
    const shown = pageOf(this.filteredPool(filter, lists), { page, ...this.config.leaderboard });
    const lines = shown.rows.map(({ entry, position, letter }) => {
      const player = this.directory.byId(entry.playerId);
      return {
        position,
        letter,
        name: player?.playerName ?? player?.discordUsername ?? 'a former player',
        flag: player?.country ? catalog.flag(player.country) : undefined,
        race: catalog.race(entry.race)?.name ?? entry.race,
        rating: entry.rating,
        wins: entry.wins,
        losses: entry.losses,
      };
    });
    return {
      lines,
      page: shown.page,
      pages: shown.pages,
      matched: shown.matched,
      ranked: this.ranked.pool().ratings.length,
      filter,
      lists,
      races: catalog.races().map((race) => ({ code: race.code, name: race.name })),
      countries: lists.countries.map((code) => countryChoice(catalog, code) ?? { code, name: code }),
      note,
    };
  }

  private filteredPool(filter: LeaderboardFilter, lists: FilterLists): FilteredPool<RatingEntry> {
    const key = encodeFilter(filter, lists).filters;
    const at = `${this.ranked.revision()}:${this.directory.revision}`;
    const kept = this.filtered.get(key);
    if (kept?.at === at) return kept.pool;
    const { ratings, counts } = this.ranked.pool();
    const { pageSize, maxPages } = this.config.leaderboard;
    const pool = filterPool(ratings, counts, filter, pageSize * maxPages, this.countryOf(lists));
    this.filtered.delete(key);
    this.filtered.set(key, { at, pool });
    if (this.filtered.size > KEPT_FILTERS) this.filtered.delete(this.filtered.keys().next().value!);
    return pool;
  }

  /** A rating's country as the filter names it: one of the common countries, or Other for every other one. */
  private countryOf(lists: FilterLists): (entry: RatingEntry) => string {
    const other = lists.countries[lists.countries.length - 1];
    const common = new Set(lists.countries.slice(0, -1));
    return (entry) => {
      const country = this.directory.byId(entry.playerId)?.country;
      return country && common.has(country) ? country : other;
    };
  }

  private countriesOf(part: 1 | 2): string[] {
    return this.lists().countries.slice((part - 1) * COUNTRIES_PER_SELECT, part * COUNTRIES_PER_SELECT);
  }
}

/** The values a select sent, each one it offers; anything else is a forged interaction. */
function chosen(values: readonly string[], offered: readonly string[], kind: string): string[] {
  const unknown = values.find((value) => !offered.includes(value));
  if (unknown !== undefined) throw new InteractionRefusal('Leaderboard', `"${unknown}" is not a ${kind} this leaderboard offers.`);
  return [...values];
}
