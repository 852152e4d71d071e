import { defineRoute } from '../../common/routing/custom-id-route';
import { LIST_FINGERPRINT } from '../../common/routing/list-fingerprint';
import { VETO_POSITIONS } from './domain/veto-token';

const BW = /^(none|bw_terran|bw_zerg|bw_protoss)$/;
const SC2 = /^(none|sc2_terran|sc2_zerg|sc2_protoss)$/;
/** The player row's version the Join acts on: a Join, Leave, Join on one message are two intents. */
const VERSION = /^(0|[1-9]\d{0,8})$/;

/** Each select carries the other selections, so the view it redraws (and its Join) shows them all. */
export const QUEUE_BW = defineRoute('queue/bw/:sc2/:vetoes/:pool', { sc2: SC2, vetoes: VETO_POSITIONS, pool: LIST_FINGERPRINT });
export const QUEUE_SC2 = defineRoute('queue/sc2/:bw/:vetoes/:pool', { bw: BW, vetoes: VETO_POSITIONS, pool: LIST_FINGERPRINT });
export const QUEUE_VETOES = defineRoute('queue/vetoes/:bw/:sc2', { bw: BW, sc2: SC2 });
export const QUEUE_JOIN = defineRoute('queue/join/:version/:bw/:sc2/:vetoes/:pool', {
  version: VERSION,
  bw: BW,
  sc2: SC2,
  vetoes: VETO_POSITIONS,
  pool: LIST_FINGERPRINT,
});
export const QUEUE_CLEAR = defineRoute('queue/clear', {});
export const QUEUE_CANCEL = defineRoute('queue/cancel', {});
export const QUEUE_LEAVE = defineRoute('queue/leave', {});
