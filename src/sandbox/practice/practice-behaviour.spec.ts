import { contradicting, isPracticeBehaviour, MatchMoment, nextMove, PracticeBehaviour, readMatchMessage, Report } from './practice-behaviour';
import { practiceName } from './practice-opponents';

const buttons = (...labels: string[]) => labels.map((label) => ({ label, disabled: label === 'Confirmed' || label === 'Abort (0 of 3 left this month)' }));

describe('readMatchMessage', () => {
  it.each<[string, string, string[], MatchMoment]>([
    ['Match found: #7', '', ['Confirm', 'Abort (3 of 3 left this month)'], { kind: 'found', matchId: 7, confirmed: false, confirmingAbort: false, abortButton: 'Abort (3 of 3 left this month)' }],
    ['Match found: #7', '', ['Confirmed', 'Abort (2 of 3 left this month)'], { kind: 'found', matchId: 7, confirmed: true, confirmingAbort: false, abortButton: 'Abort (2 of 3 left this month)' }],
    ['Match found: #7', '', ['Confirm', 'Abort (0 of 3 left this month)'], { kind: 'found', matchId: 7, confirmed: false, confirmingAbort: false, abortButton: null }],
    ['Match found: #7', '', ['Confirm abort', 'Back'], { kind: 'found', matchId: 7, confirmed: true, confirmingAbort: true, abortButton: null }],
    ['Match #12: both confirmed, play!', 'Report the result once you have played.\nAna has not reported yet.', ['I won', 'I lost', 'Draw'], { kind: 'card', matchId: 12, reported: null, choosing: null, opponentReported: false }],
    ['Match #12: both confirmed, play!', 'Ana has reported.', ['Confirm: I lost', 'Back'], { kind: 'card', matchId: 12, reported: null, choosing: 'lost', opponentReported: true }],
    ['Match #12: both confirmed, play!', 'You reported "Draw"; you can change it until the match completes.\nAna has not reported yet.', ['I won', 'I lost', 'Draw'], { kind: 'card', matchId: 12, reported: 'draw', choosing: null, opponentReported: false }],
    ['Match #12: the reports conflict', '', [], { kind: 'conflict', matchId: 12 }],
    ['Match #12: result', 'Ana won.', [], { kind: 'over', matchId: 12 }],
    ['Match #12 aborted', '', [], { kind: 'over', matchId: 12 }],
    ['Match #12 cancelled', '', [], { kind: 'over', matchId: 12 }],
    ['Match #12 abandoned', '', [], { kind: 'over', matchId: 12 }],
    ['Match #12: please confirm', '', [], { kind: 'other' }],
    ['Setup complete', '', [], { kind: 'other' }],
  ])('%s with %j and %j', (title, text, labels, moment) => {
    expect(readMatchMessage({ title, text, buttons: buttons(...labels) })).toEqual(moment);
  });
});

describe('nextMove', () => {
  const found = (overrides: Partial<Extract<MatchMoment, { kind: 'found' }>> = {}): MatchMoment => ({ kind: 'found', matchId: 1, confirmed: false, confirmingAbort: false, abortButton: 'Abort (3 of 3 left this month)', ...overrides });
  const card = (overrides: Partial<Extract<MatchMoment, { kind: 'card' }>> = {}): MatchMoment => ({ kind: 'card', matchId: 1, reported: null, choosing: null, opponentReported: false, ...overrides });

  it.each<[PracticeBehaviour, MatchMoment, Report | null, ReturnType<typeof nextMove>]>([
    ['reports_loss', found(), null, { do: 'click', label: 'Confirm' }],
    ['reports_loss', found({ confirmed: true }), null, { do: 'wait' }],
    ['never_confirms', found(), null, { do: 'wait' }],
    ['aborts', found(), null, { do: 'click', label: 'Abort (3 of 3 left this month)' }],
    ['aborts', found({ abortButton: null }), null, { do: 'wait' }],
    ['aborts', found({ confirmingAbort: true }), null, { do: 'click', label: 'Confirm abort' }],
    ['reports_win', found({ confirmingAbort: true }), null, { do: 'click', label: 'Back' }],
    ['reports_loss', card(), null, { do: 'click', label: 'I lost' }],
    ['reports_win', card(), null, { do: 'click', label: 'I won' }],
    ['reports_draw', card(), null, { do: 'click', label: 'Draw' }],
    ['reports_loss', card({ choosing: 'lost' }), null, { do: 'click', label: 'Confirm: I lost' }],
    ['reports_loss', card({ choosing: 'won' }), null, { do: 'click', label: 'Back' }],
    ['reports_loss', card({ reported: 'lost' }), null, { do: 'wait' }],
    ['conflicts', card(), null, { do: 'wait' }],
    ['conflicts', card({ opponentReported: true }), 'won', { do: 'click', label: 'I won' }],
    ['conflicts', card({ opponentReported: true }), 'lost', { do: 'click', label: 'I lost' }],
    ['conflicts', card({ opponentReported: true }), 'draw', { do: 'click', label: 'I won' }],
    ['conflicts', card({ opponentReported: true, reported: 'won' }), 'won', { do: 'wait' }],
    ['conflicts', card({ opponentReported: true, reported: 'won' }), 'lost', { do: 'click', label: 'I lost' }],
    ['reports_win', { kind: 'conflict', matchId: 1 }, null, { do: 'wait' }],
    ['reports_win', { kind: 'over', matchId: 1 }, null, { do: 'finish' }],
    ['aborts', { kind: 'other' }, null, { do: 'wait' }],
  ])('%s at %j against %s', (behaviour, moment, theirs, move) => {
    expect(nextMove(behaviour, moment, theirs)).toEqual(move);
  });

  it('contradicts every report: the same claim for a win or a loss, a win against a draw', () => {
    expect((['won', 'lost', 'draw'] as const).map(contradicting)).toEqual(['won', 'lost', 'won']);
  });

  it('knows its behaviours and nothing else', () => {
    expect(['reports_loss', 'conflicts', 'aborts'].every(isPracticeBehaviour)).toBe(true);
    expect(['rage_quits', 'toString', ''].some(isPracticeBehaviour)).toBe(false);
  });
});

describe('practiceName', () => {
  it.each([
    [0, 'PracticeA'],
    [25, 'PracticeZ'],
    [26, 'PracticeAA'],
    [27, 'PracticeAB'],
    [701, 'PracticeZZ'],
    [702, 'PracticeAAA'],
  ])('names the opponent number %i %s, letters only (a player name is 3 to 12 letters)', (index, name) => {
    expect(practiceName(index)).toBe(name);
    expect(name).toMatch(/^[A-Za-z]{3,12}$/);
  });
});
