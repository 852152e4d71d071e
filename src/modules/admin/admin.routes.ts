import { defineRoute } from '../../common/routing/custom-id-route';

/**
 * The Confirm of a resolution preview: the verdict and the match as the preview showed it (status,
 * result, report revisions), which the write compares and sets; the reason travels in the preview's embed.
 */
export const ADMIN_RESOLVE = defineRoute('admin/resolve/:matchId/:verdict/:status/:result/:revs', {
  matchId: /^[1-9]\d{0,9}$/,
  verdict: /^(player_1|player_2|draw|cancel)$/,
  status: /^(confirmed|conflict|completed|cancelled)$/,
  result: /^(player_1|player_2|draw|none)$/,
  revs: /^(0|[1-9]\d{0,6})$/,
});

/**
 * The Confirm of an action on one player: the player's row version as the preview saw it (every write
 * bumps it, so the write's compare-and-set sees any change since) and the action's own argument.
 */
export const ADMIN_PLAYER_ACTION = defineRoute('admin/player/:action/:discordId/:version/:arg', {
  action: /^(rating|aborts|unqueue|free|ban|unban)$/,
  discordId: /^\d{17,20}$/,
  version: /^(0|[1-9]\d{0,9})$/,
  arg: /^(-|[a-z0-9_]{1,16}\.\d{1,5}\.(none|\d{1,5}))$/,
});
/** Clearing the queue acts on exactly the players the preview counted (their ids' fingerprint). */
export const ADMIN_CLEAR_QUEUE = defineRoute('admin/clear-queue/:count/:players', { count: /^[1-9]\d{0,6}$/, players: /^[0-9a-z]{1,7}$/ });
export const ADMIN_CANCEL = defineRoute('admin/cancel', {});
