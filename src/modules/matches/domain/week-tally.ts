import { utcDayStart, utcWeekStart } from './utc-periods';

export type TalliedStatus = 'awaiting_confirmation' | 'confirmed' | 'aborted' | 'timed_out' | 'completed' | 'conflict' | 'cancelled';

export interface TalliedMatch {
  id: number;
  status: TalliedStatus;
  createdAt: Date;
}

/** The community's match figures: matches counted by the UTC day and ISO week they were created in. */
export interface MatchFigures {
  matchesToday: number;
  matchesThisWeek: number;
  abortsThisWeek: number;
  timeoutsThisWeek: number;
  conflictsOpen: number;
}

/**
 * This week's matches by their latest status, and every open conflict whatever its age: fed the
 * matches loaded at boot and then each one a write returns. Counting by creation time makes the
 * figures the same after a restart as before it.
 */
export class WeekTally {
  private readonly week = new Map<number, TalliedMatch>();
  private readonly conflicts = new Set<number>();

  record(match: TalliedMatch): void {
    if (match.status === 'conflict') this.conflicts.add(match.id);
    else this.conflicts.delete(match.id);
    this.week.set(match.id, { id: match.id, status: match.status, createdAt: match.createdAt });
  }

  figures(now: Date): MatchFigures {
    const weekStart = utcWeekStart(now).getTime();
    const dayStart = utcDayStart(now).getTime();
    const figures: MatchFigures = { matchesToday: 0, matchesThisWeek: 0, abortsThisWeek: 0, timeoutsThisWeek: 0, conflictsOpen: this.conflicts.size };
    for (const [id, match] of this.week) {
      const created = match.createdAt.getTime();
      if (created < weekStart) {
        this.week.delete(id);
        continue;
      }
      figures.matchesThisWeek += 1;
      if (created >= dayStart) figures.matchesToday += 1;
      if (match.status === 'aborted') figures.abortsThisWeek += 1;
      if (match.status === 'timed_out') figures.timeoutsThisWeek += 1;
    }
    return figures;
  }
}
