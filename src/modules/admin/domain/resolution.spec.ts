import { seededRandom } from '../../matches/domain/seeded-random';
import { movesAnything, RESOLVABLE, ResolvableMatch, resolve, Tally, Verdict, VERDICTS } from './resolution';

const SETTINGS = { k: 40, scale: 500 };
const even: ResolvableMatch = { status: 'conflict', result: null, player1Rating: 1500, player2Rating: 1500, player1RatingChange: 0, player2RatingChange: 0 };
const tally = (change: number, played: number, won: number, lost: number, drawn: number): Tally => ({ change, played, won, lost, drawn });

/** The match as the resolution leaves it. */
function afterwards(match: ResolvableMatch, verdict: Verdict): ResolvableMatch {
  const resolution = resolve(match, verdict, SETTINGS);
  return { ...match, status: resolution.status, result: resolution.result, player1RatingChange: resolution.player1.target.change, player2RatingChange: resolution.player2.target.change };
}

describe('resolving a match', () => {
  it('applies a verdict in full on a match that applied nothing (conflict, awaiting reports, cancelled for no report)', () => {
    for (const status of ['conflict', 'confirmed', 'cancelled'] as const) {
      const resolution = resolve({ ...even, status }, 'player_1', SETTINGS);
      expect(resolution).toEqual({
        status: 'completed',
        result: 'player_1',
        player1: { target: tally(20, 1, 1, 0, 0), delta: tally(20, 1, 1, 0, 0) },
        player2: { target: tally(-20, 1, 0, 1, 0), delta: tally(-20, 1, 0, 1, 0) },
      });
    }
  });

  it('computes from the ratings at creation: a draw at 1600 v 1400 is -9 / +9, as LADDER.md says', () => {
    const resolution = resolve({ ...even, player1Rating: 1600, player2Rating: 1400 }, 'draw', SETTINGS);
    expect(resolution.player1.delta).toEqual(tally(-9, 1, 0, 0, 1));
    expect(resolution.player2.delta).toEqual(tally(9, 1, 0, 0, 1));
  });

  it('turns a completed win around by the difference only: -40 / +40, a win moved to a loss, no game added', () => {
    const completed: ResolvableMatch = { ...even, status: 'completed', result: 'player_1', player1RatingChange: 20, player2RatingChange: -20 };
    const resolution = resolve(completed, 'player_2', SETTINGS);
    expect(resolution.player1.delta).toEqual(tally(-40, 0, -1, 1, 0));
    expect(resolution.player2.delta).toEqual(tally(40, 0, 1, -1, 0));
    expect(resolution.player1.target).toEqual(tally(-20, 1, 0, 1, 0));
  });

  it('takes a cancelled completed match\'s game and change out of both rating rows', () => {
    const completed: ResolvableMatch = { ...even, status: 'completed', result: 'draw', player1Rating: 1600, player2Rating: 1400, player1RatingChange: -9, player2RatingChange: 9 };
    const resolution = resolve(completed, 'cancel', SETTINGS);
    expect(resolution).toMatchObject({ status: 'cancelled', result: null });
    expect(resolution.player1.delta).toEqual(tally(9, -1, 0, 0, -1));
    expect(resolution.player2.delta).toEqual(tally(-9, -1, 0, 0, -1));
    expect(resolution.player1.target).toEqual(tally(0, 0, 0, 0, 0));
  });

  it('undoes what the match stored, even when the rating settings changed since it completed', () => {
    const completed: ResolvableMatch = { ...even, status: 'completed', result: 'player_1', player1RatingChange: 16, player2RatingChange: -16 };
    expect(resolve(completed, 'cancel', SETTINGS).player1.delta.change).toBe(-16);
    expect(resolve(completed, 'player_1', SETTINGS).player1.delta.change).toBe(4);
  });

  it('cancelling what applied nothing moves nothing', () => {
    for (const status of ['conflict', 'confirmed', 'cancelled'] as const) {
      const resolution = resolve({ ...even, status }, 'cancel', SETTINGS);
      expect(movesAnything(resolution.player1.delta) || movesAnything(resolution.player2.delta)).toBe(false);
    }
  });

  it.each(RESOLVABLE.flatMap((status) => VERDICTS.map((verdict) => [status, verdict] as const)))('from %s, resolving to %s twice moves nothing the second time', (status, verdict) => {
    const start: ResolvableMatch = status === 'completed' ? { ...even, status, result: 'player_2', player1RatingChange: -20, player2RatingChange: 20 } : { ...even, status };
    const once = afterwards(start, verdict);
    const twice = resolve(once, verdict, SETTINGS);
    expect(movesAnything(twice.player1.delta)).toBe(false);
    expect(movesAnything(twice.player2.delta)).toBe(false);
    expect(afterwards(once, verdict)).toEqual(once);
  });

  it('over any seeded sequence of verdicts, the deltas add up to exactly what the last verdict alone applies', () => {
    const random = seededRandom(17);
    for (let run = 0; run < 500; run += 1) {
      const ratings = { player1Rating: 1000 + Math.floor(random() * 1000), player2Rating: 1000 + Math.floor(random() * 1000) };
      let match: ResolvableMatch = { ...even, ...ratings, status: (['conflict', 'confirmed', 'cancelled'] as const)[Math.floor(random() * 3)] };
      const total = { player1: tally(0, 0, 0, 0, 0), player2: tally(0, 0, 0, 0, 0) };
      let last: Verdict = 'cancel';
      for (let step = 0; step < 1 + Math.floor(random() * 6); step += 1) {
        last = VERDICTS[Math.floor(random() * VERDICTS.length)];
        const resolution = resolve(match, last, SETTINGS);
        for (const side of ['player1', 'player2'] as const) {
          for (const key of ['change', 'played', 'won', 'lost', 'drawn'] as const) total[side][key] += resolution[side].delta[key];
        }
        match = afterwards(match, last);
      }
      const fresh = resolve({ ...even, ...ratings }, last, SETTINGS);
      expect(total).toEqual({ player1: fresh.player1.target, player2: fresh.player2.target });
      for (const side of ['player1', 'player2'] as const) {
        expect(total[side].played).toBe(total[side].won + total[side].lost + total[side].drawn);
        expect(total[side].played === 0 || total[side].played === 1).toBe(true);
      }
      expect(total.player1.change + total.player2.change).toBe(0);
    }
  });
});
