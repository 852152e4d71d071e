import { Choice } from '../players/domain/choice';
import { FilterLists, LeaderboardFilter } from './domain/leaderboard-filter';
import { Letter } from './domain/ranks';

/** How many countries each of the two country selects offers (Discord's limit per select). */
export const COUNTRIES_PER_SELECT = 25;

/** One line of the leaderboard, every name already looked up. */
export interface LeaderboardLine {
  position: number;
  letter: Letter;
  name: string;
  flag: string | undefined;
  race: string;
  rating: number;
  wins: number;
  losses: number;
}

/** A /leaderboard message: a page under a filter, and what its controls offer. */
export interface LeaderboardView {
  lines: LeaderboardLine[];
  page: number;
  pages: number;
  /** Ranked ratings the filter matches, and in the whole pool. */
  matched: number;
  ranked: number;
  filter: LeaderboardFilter;
  lists: FilterLists;
  races: Choice[];
  /** The common countries, then Other, as the two country selects split them. */
  countries: Choice[];
  note?: string;
}
