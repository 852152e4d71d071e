import { describeInteraction, InteractionLine, prettyMessage } from './pretty-line';

const line: InteractionLine = { route: 'setup/confirm', user: '123456789012345678', username: 'fay', ackMs: 2.5, totalMs: 110.2, queries: 1, cacheHits: 0, duplicate: false, failed: false };

describe('describeInteraction', () => {
  it.each<[string, Partial<InteractionLine>, string]>([
    ['a write', {}, 'setup/confirm by fay (123456789012345678): acknowledged in 2.5 ms, done in 110.2 ms, 1 query, 0 cache hits'],
    ['a read from memory', { queries: 0, cacheHits: 1 }, 'setup/confirm by fay (123456789012345678): acknowledged in 2.5 ms, done in 110.2 ms, 0 queries, 1 cache hit'],
    ['several queries and hits', { queries: 2, cacheHits: 3 }, 'setup/confirm by fay (123456789012345678): acknowledged in 2.5 ms, done in 110.2 ms, 2 queries, 3 cache hits'],
    ['a repeat', { duplicate: true }, 'setup/confirm by fay (123456789012345678): acknowledged in 2.5 ms, done in 110.2 ms, 1 query, 0 cache hits, a repeat'],
    ['a failure never acknowledged', { ackMs: null, failed: true }, 'setup/confirm by fay (123456789012345678): not acknowledged, done in 110.2 ms, 1 query, 0 cache hits, FAILED'],
    ['a user without a username', { username: undefined }, 'setup/confirm by 123456789012345678: acknowledged in 2.5 ms, done in 110.2 ms, 1 query, 0 cache hits'],
  ])('tells %s in words', (_case, change, expected) => {
    expect(describeInteraction({ ...line, ...change })).toBe(expected);
  });
});

describe('prettyMessage', () => {
  it('puts the context before the message', () => {
    expect(prettyMessage({ context: 'Bootstrap', msg: 'Ladder bot serving HTTP' }, 'msg')).toBe('[Bootstrap] Ladder bot serving HTTP');
  });

  it('shows a message without a context as it is', () => {
    expect(prettyMessage({ msg: 'hello' }, 'msg')).toBe('hello');
  });

  it('tells an interaction line in words rather than as the bare word "interaction"', () => {
    expect(prettyMessage({ context: 'Interaction', msg: 'interaction', ...line }, 'msg')).toBe(`[Interaction] ${describeInteraction(line)}`);
  });

  it('leaves a message that merely says "interaction" without interaction fields as it is', () => {
    expect(prettyMessage({ msg: 'interaction' }, 'msg')).toBe('interaction');
  });
});
