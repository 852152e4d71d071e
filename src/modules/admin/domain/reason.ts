/** LADDER.md, Admin: every admin action needs a reason, kept in the audit trail. */
export const REASON_LENGTH = { min: 5, max: 300 } as const;

/** The reason as it will be stored, or what is wrong with it. */
export function validateReason(typed: string): { ok: true; reason: string } | { ok: false; error: string } {
  const reason = typed.trim().replace(/\s+/g, ' ');
  if (reason.length < REASON_LENGTH.min || reason.length > REASON_LENGTH.max) {
    return { ok: false, error: `Reason must be ${REASON_LENGTH.min} to ${REASON_LENGTH.max} characters (it goes into the audit trail and to the players).` };
  }
  return { ok: true, reason };
}
