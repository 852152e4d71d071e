/** The calendar month (UTC) an abort counts against, as stored: `2026-11`. */
export function abortMonth(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/** Aborts left this month: the quota resets by itself when the month changes, with no job to run. */
export function abortsLeft(player: { abortsMonth: string | null; abortsUsed: number }, quota: number, now: Date): number {
  const used = player.abortsMonth === abortMonth(now) ? player.abortsUsed : 0;
  return Math.max(0, quota - used);
}
