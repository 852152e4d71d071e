import { TalliedStatus, WeekTally } from './week-tally';

const at = (iso: string) => new Date(iso);
const match = (id: number, status: TalliedStatus, createdAt: string) => ({ id, status, createdAt: at(createdAt) });

describe('WeekTally: the community match figures', () => {
  const now = at('2026-12-02T10:00:00.000Z'); // Wednesday; the week began Monday 2026-11-30

  it('counts nothing when nothing was played', () => {
    expect(new WeekTally().figures(now)).toEqual({ matchesToday: 0, matchesThisWeek: 0, abortsThisWeek: 0, timeoutsThisWeek: 0, conflictsOpen: 0 });
  });

  it('counts matches by the UTC day and week they were created in, each once however often it is written', () => {
    const tally = new WeekTally();
    tally.record(match(1, 'awaiting_confirmation', '2026-12-02T09:00:00.000Z'));
    tally.record(match(1, 'confirmed', '2026-12-02T09:00:00.000Z'));
    tally.record(match(1, 'completed', '2026-12-02T09:00:00.000Z'));
    tally.record(match(2, 'completed', '2026-12-02T00:00:00.000Z'));
    tally.record(match(3, 'completed', '2026-12-01T23:59:59.999Z'));
    tally.record(match(4, 'completed', '2026-11-30T00:00:00.000Z'));
    tally.record(match(5, 'completed', '2026-11-29T23:59:59.999Z'));
    expect(tally.figures(now)).toMatchObject({ matchesToday: 2, matchesThisWeek: 4 });
  });

  it('counts aborts and timeouts of this week by their latest status', () => {
    const tally = new WeekTally();
    tally.record(match(1, 'aborted', '2026-12-01T10:00:00.000Z'));
    tally.record(match(2, 'timed_out', '2026-12-02T10:00:00.000Z'));
    tally.record(match(3, 'timed_out', '2026-12-02T10:00:00.000Z'));
    tally.record(match(4, 'aborted', '2026-11-28T10:00:00.000Z'));
    tally.record(match(5, 'awaiting_confirmation', '2026-12-02T09:59:00.000Z'));
    expect(tally.figures(now)).toMatchObject({ abortsThisWeek: 1, timeoutsThisWeek: 2, matchesThisWeek: 4 });
    tally.record(match(5, 'aborted', '2026-12-02T09:59:00.000Z'));
    expect(tally.figures(now)).toMatchObject({ abortsThisWeek: 2 });
  });

  it('keeps every open conflict, however old, until a write says it is no longer one', () => {
    const tally = new WeekTally();
    tally.record(match(1, 'conflict', '2026-10-01T10:00:00.000Z'));
    tally.record(match(2, 'conflict', '2026-12-02T08:00:00.000Z'));
    tally.record(match(2, 'conflict', '2026-12-02T08:00:00.000Z'));
    expect(tally.figures(now).conflictsOpen).toBe(2);
    tally.record(match(1, 'completed', '2026-10-01T10:00:00.000Z'));
    tally.record(match(2, 'cancelled', '2026-12-02T08:00:00.000Z'));
    expect(tally.figures(now).conflictsOpen).toBe(0);
  });

  it('starts a new day and a new week by itself as time passes', () => {
    const tally = new WeekTally();
    tally.record(match(1, 'aborted', '2026-12-06T23:00:00.000Z')); // Sunday
    expect(tally.figures(at('2026-12-06T23:30:00.000Z'))).toMatchObject({ matchesToday: 1, matchesThisWeek: 1, abortsThisWeek: 1 });
    expect(tally.figures(at('2026-12-07T00:00:00.000Z'))).toMatchObject({ matchesToday: 0, matchesThisWeek: 0, abortsThisWeek: 0 });
  });
});
