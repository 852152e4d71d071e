/**
 * The actions worth a database row (LADDER.md, "Action log"); every other click is only counted in
 * the metrics.
 */
export const SIGNIFICANT_ACTIONS = [
  'terms_accepted',
  'terms_declined',
  'setup_completed',
  'setup_field_changed',
  'country_changed',
  'queue_joined',
  'match_confirmed',
  'match_aborted',
  'match_timed_out',
  'match_cancelled',
  'match_reported',
  'rating_changed',
  'admin_action',
] as const;

export type SignificantAction = (typeof SIGNIFICANT_ACTIONS)[number];

export interface ActionLogEntry {
  idempotencyKey: string;
  discordId: string;
  action: SignificantAction;
  settingName?: string;
  oldValue?: string | null;
  newValue?: string | null;
  /** `player`, `system` or `admin:<discord id>`. */
  changedBy: string;
  at: Date;
}
