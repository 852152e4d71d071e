import { pingsOf } from './messages';

describe('who a message pings', () => {
  const ann = '111111111111111111';
  const bob = '222222222222222222';
  const content = `Hey <@${ann}> and <@!${bob}>, @everyone and @here`;

  it.each([
    ['no allowed_mentions: everything in the content', undefined, [ann, bob], true],
    ['null allowed_mentions: as if absent', null, [ann, bob], true],
    ['parse nothing: nobody', { parse: [] }, [], false],
    ['parse users only', { parse: ['users'] }, [ann, bob], false],
    ['parse everyone only', { parse: ['everyone'] }, [], true],
    ['a list of users: those only', { users: [bob] }, [bob], false],
    ['a list naming someone not mentioned', { users: ['333333333333333333'] }, [], false],
    ['roles parsed: neither users nor everyone', { parse: ['roles'] }, [], false],
  ] as const)('%s', (_case, allowed, users, everyone) => {
    expect(pingsOf({ content, allowed_mentions: allowed as never })).toEqual({ userIds: users, everyone });
  });

  it('pings nobody without content, and needs a whole word for @everyone', () => {
    expect(pingsOf({ embeds: [{ description: `<@${ann}> @everyone` }] })).toEqual({ userIds: [], everyone: false });
    expect(pingsOf({ content: 'mail me at someone@everyones.example' })).toEqual({ userIds: [], everyone: false });
    expect(pingsOf({ content: '@everyone' })).toEqual({ userIds: [], everyone: true });
  });
});
