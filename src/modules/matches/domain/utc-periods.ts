const DAY_MS = 86_400_000;

/** Midnight UTC at the start of `at`'s day. */
export function utcDayStart(at: Date): Date {
  return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
}

/** Midnight UTC on the Monday of `at`'s ISO week. */
export function utcWeekStart(at: Date): Date {
  const day = utcDayStart(at);
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY_MS);
}
