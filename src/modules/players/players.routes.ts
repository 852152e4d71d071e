import { defineRoute } from '../../common/routing/custom-id-route';

const VERSION = /^[\w.-]{1,32}$/;
/** The player's settings revision the button acts on (LADDER.md, Revisions). */
const REV = /^(0|[1-9]\d{0,8})$/;

export const TERMS_ACCEPT = defineRoute('terms/accept/:version/:rev', { version: VERSION, rev: REV });
export const TERMS_DECLINE = defineRoute('terms/decline/:version/:rev', { version: VERSION, rev: REV });

export const SETUP_FORM = defineRoute('setup/form', {});
/** "Try again" after an error and "Restart" from the preview both reopen the form with the draft. */
export const SETUP_REOPEN = defineRoute('setup/reopen', {});
export const SETUP_COUNTRY = defineRoute('setup/country/:part', { part: /^[12]$/ });
export const SETUP_COUNTRY_KEEP = defineRoute('setup/country-keep', {});
export const SETUP_REGION = defineRoute('setup/region', {});
export const SETUP_CONFIRM = defineRoute('setup/confirm/:rev', { rev: REV });
export const SETUP_CANCEL = defineRoute('setup/cancel', {});

export const SETCOUNTRY_CONFIRM = defineRoute('setcountry/confirm/:code/:rev', { code: /^[A-Z]{2}$/, rev: REV });
export const SETCOUNTRY_CANCEL = defineRoute('setcountry/cancel', {});

/** A history page holds whose history and which page, so it works after a restart. */
export const HISTORY_PAGE = defineRoute('history/:discordId/:page', { discordId: /^\d{17,20}$/, page: /^[1-9]\d{0,4}$/ });
