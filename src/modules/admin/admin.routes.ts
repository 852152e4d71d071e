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
export const ADMIN_RESOLVE_CANCEL = defineRoute('admin/resolve-cancel', {});
