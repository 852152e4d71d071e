import { defineRoute } from '../../common/routing/custom-id-route';

const MATCH_ID = /^[1-9]\d{0,9}$/;

/**
 * A Confirm acts on the match awaiting confirmation and the clicking player's own confirmation (both
 * known from the match and the clicker), so the id needs only the match.
 */
export const MATCH_CONFIRM = defineRoute('match/confirm/:matchId', { matchId: MATCH_ID });
/** The first click of an abort only asks; the second aborts. */
export const MATCH_ABORT = defineRoute('match/abort/:matchId', { matchId: MATCH_ID });
export const MATCH_ABORT_CONFIRM = defineRoute('match/abort-confirm/:matchId', { matchId: MATCH_ID });
export const MATCH_ABORT_BACK = defineRoute('match/abort-back/:matchId', { matchId: MATCH_ID });


const REPORT = /^(won|lost|draw)$/;
/** The player's report revision the Confirm acts on: "I won", "I lost", "I won" are three intents. */
const REPORT_REV = /^(0|[1-9]\d{0,5})$/;

/** Choosing a report only asks for its Confirm. */
export const REPORT_CHOOSE = defineRoute('report/choose/:matchId/:result', { matchId: MATCH_ID, result: REPORT });
export const REPORT_CONFIRM = defineRoute('report/confirm/:matchId/:result/:rev', { matchId: MATCH_ID, result: REPORT, rev: REPORT_REV });
export const REPORT_BACK = defineRoute('report/back/:matchId', { matchId: MATCH_ID });

/** The match a match button acts on, from its custom id. */
export function matchIdOf(customId: string): number | undefined {
  for (const route of [MATCH_CONFIRM, MATCH_ABORT, MATCH_ABORT_CONFIRM, MATCH_ABORT_BACK, REPORT_CHOOSE, REPORT_CONFIRM, REPORT_BACK]) {
    const params = route.parse(customId);
    if (params) return Number(params.matchId);
  }
  return undefined;
}
