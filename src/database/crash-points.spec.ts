import { sql } from './sql-fragment';
import { CrashPoints, writeName } from './crash-points';
import { GuardedWrite } from './guarded-write';

const logged = (action: string): GuardedWrite => ({
  current: sql`SELECT 1`,
  keyed: { table: 'player_action_logs', rows: [{ idempotency_key: 'k', action }] },
  changes: [{ update: 'players', set: sql`rev = rev + 1`, where: sql`id = 1` }],
});

describe('crash points', () => {
  it('names a write by its first log row\'s action, else by its keyed table or its first change', () => {
    expect(writeName(logged('match_confirmed'))).toBe('match_confirmed');
    expect(writeName({ current: sql`SELECT 1`, keyed: { table: 'matches_1v1', rows: [{ idempotency_key: 'wave:1' }] }, changes: [{ insert: 'matches_1v1', row: {} }] })).toBe('insert_matches_1v1');
    expect(writeName({ current: sql`SELECT 1`, changes: [{ delete: 'queue_entries_1v1', where: sql`player_id = 1` }] })).toBe('delete_queue_entries_1v1');
    expect(writeName({ current: sql`SELECT 1`, changes: [{ update: 'players', set: sql`x = 1`, where: sql`id = 1` }] })).toBe('update_players');
  });

  it('does nothing when no point is named', async () => {
    const signal = jest.fn();
    await new CrashPoints(undefined, signal).reach(logged('terms_accepted'), 'after');
    expect(signal).not.toHaveBeenCalled();
  });

  it('holds at the named point, its n-th time when counted, and tells whoever started the bot', async () => {
    const signal = jest.fn();
    const points = new CrashPoints('match_confirmed:after#2', signal);
    await points.reach(logged('match_confirmed'), 'before');
    await points.reach(logged('match_confirmed'), 'after');
    await points.reach(logged('terms_accepted'), 'after');
    expect(signal).not.toHaveBeenCalled();
    let released = false;
    void points.reach(logged('match_confirmed'), 'after').then(() => (released = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(signal).toHaveBeenCalledWith('match_confirmed:after#2');
    expect(released).toBe(false);
  });
});
