/** Shaped like the configuration's `matchmaking` (MATCH_WINDOW_BASE, MATCH_WINDOW_STEP). */
export interface WindowSettings {
  windowBase: number;
  windowStep: number;
}

/** W(c): the largest rating gap a player who has waited c waves accepts. */
export function ratingWindow(waitCount: number, settings: WindowSettings): number {
  return settings.windowBase + settings.windowStep * waitCount;
}

/** The larger of the two windows suffices. */
export function withinWindows(gap: number, windowA: number, windowB: number): boolean {
  return Math.abs(gap) <= Math.max(windowA, windowB);
}
