import { LIST_FINGERPRINT } from '../../common/routing/list-fingerprint';
import { defineRoute } from '../../common/routing/custom-id-route';
import { FILTER_BITS } from './domain/leaderboard-filter';

/** Every control carries the whole view (page and filters), so it works after 15 minutes and after a restart. */
const PAGE = /^[1-9]\d?$/;
const carried = { filters: FILTER_BITS, lists: LIST_FINGERPRINT };

export const LEADERBOARD_RACES = defineRoute('leaderboard/races/:filters/:lists', carried);
export const LEADERBOARD_RANKS = defineRoute('leaderboard/ranks/:filters/:lists', carried);
export const LEADERBOARD_COUNTRIES = defineRoute('leaderboard/countries/:part/:filters/:lists', { part: /^[12]$/, ...carried });
export const LEADERBOARD_PREVIOUS = defineRoute('leaderboard/previous/:page/:filters/:lists', { page: PAGE, ...carried });
export const LEADERBOARD_NEXT = defineRoute('leaderboard/next/:page/:filters/:lists', { page: PAGE, ...carried });
export const LEADERBOARD_GO_TO = defineRoute('leaderboard/go-to/:filters/:lists', carried);
/** The Go to page modal, submitted from the message whose filters it carries. */
export const LEADERBOARD_PAGE_FORM = defineRoute('leaderboard/page-form/:filters/:lists', carried);
export const LEADERBOARD_BEST_RACE = defineRoute('leaderboard/best-race/:filters/:lists', carried);
