import { MatchStatus } from '../../matches/match-record';
import { stuckState } from './stuck';

describe('a stuck player', () => {
  it.each<[string, Parameters<typeof stuckState>, ReturnType<typeof stuckState>]>([
    ['idle is never stuck', ['idle', false, undefined], undefined],
    ['idle with a stray entry is not stuck (nothing holds them)', ['idle', true, undefined], undefined],
    ['queued with an entry', ['queued', true, undefined], undefined],
    ['queued without an entry', ['queued', false, undefined], 'queued'],
    ['in a match that does not exist', ['in_match', false, undefined], 'in_match'],
    ['in a match awaiting confirmation', ['in_match', false, { status: 'awaiting_confirmation' }], undefined],
    ['in a match awaiting reports', ['in_match', false, { status: 'confirmed' }], undefined],
    ['in a match in conflict', ['in_match', false, { status: 'conflict' }], undefined],
  ])('%s', (_, args, expected) => {
    expect(stuckState(...args)).toBe(expected);
  });

  it.each<MatchStatus>(['aborted', 'timed_out', 'completed', 'cancelled'])('is stuck in a match that is %s', (status) => {
    expect(stuckState('in_match', false, { status })).toBe('in_match');
    expect(stuckState('in_match', true, { status })).toBe('in_match');
  });
});
