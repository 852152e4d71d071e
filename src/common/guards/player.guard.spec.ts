import { Reflector } from '@nestjs/core';
import { RequirePlayer } from '../decorators/require-player.decorator';
import { InteractionRefusal } from '../errors/interaction-refusal';
import { NEW_PLAYER, PlayerStatus, PlayerStatusProvider } from '../player-status/player-status';
import { TermsPromptProvider } from '../player-status/terms-prompt';
import { fakeButton, fakeCommand, httpContext, necordContext } from '../testing/fake-interactions';
import { PlayerGuard } from './player.guard';

class Commands {
  @RequirePlayer({ setup: true, idle: true })
  queue(): void {}

  @RequirePlayer()
  profile(): void {}

  @RequirePlayer({ terms: false })
  termsOfService(): void {}
}

@RequirePlayer({ setup: true })
class SetupOnly {
  view(): void {}

  @RequirePlayer({ setup: true, idle: true })
  join(): void {}
}

const READY: PlayerStatus = { banned: false, termsAccepted: true, setupComplete: true, activity: 'idle', activitySince: null, matchId: null };

/** The in-memory status provider; anything but statusOf (a repository, a cache, a query) is a failure. */
function players(statuses: Record<string, PlayerStatus>) {
  const asked: string[] = [];
  const touched: PropertyKey[] = [];
  const provider = new Proxy({} as PlayerStatusProvider, {
    get(_, property) {
      if (property === 'statusOf') {
        return (discordId: string) => {
          asked.push(discordId);
          return statuses[discordId] ?? NEW_PLAYER;
        };
      }
      touched.push(property);
      return undefined;
    },
  });
  return { provider, asked, touched };
}

function refusalOf(run: () => unknown): InteractionRefusal | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof InteractionRefusal) return error;
    throw error;
  }
  return undefined;
}

/** The terms with Accept, as the players module renders them; here it records whom it was asked about. */
const prompted: string[] = [];
const termsPrompt: TermsPromptProvider = {
  termsPromptFor: (discordId) => {
    prompted.push(discordId);
    return { embeds: [{ title: `Terms for ${discordId}` }], components: [] };
  },
};

describe('PlayerGuard', () => {
  const reflector = new Reflector();
  beforeEach(() => prompted.splice(0));

  it.each<[string, PlayerStatus, keyof Commands, string | undefined]>([
    ['admits a ready player to /queue', READY, 'queue', undefined],
    ['refuses a banned player, whatever else holds', { ...READY, banned: true }, 'queue', 'Account banned'],
    ['refuses a banned player even on /termsofservice', { ...NEW_PLAYER, banned: true }, 'termsOfService', 'Account banned'],
    ['refuses a new player the terms first', NEW_PLAYER, 'queue', 'Terms of service'],
    ['requires the terms by default with @RequirePlayer()', NEW_PLAYER, 'profile', 'Terms of service'],
    ['admits a new player to /termsofservice', NEW_PLAYER, 'termsOfService', undefined],
    ['refuses a player without setup where setup is required', { ...READY, setupComplete: false }, 'queue', 'Setup needed'],
    ['admits a player without setup where only the terms are required', { ...READY, setupComplete: false }, 'profile', undefined],
    ['refuses a queued player a second queue', { ...READY, activity: 'queued' }, 'queue', 'Already queued'],
    ['refuses a player in a match a queue', { ...READY, activity: 'in_match' }, 'queue', 'In a match'],
    ['admits a player in a match to their profile', { ...READY, activity: 'in_match' }, 'profile', undefined],
  ])('%s', (_, status, method, refusal) => {
    const { provider } = players({ 'user-1': status });
    const guard = new PlayerGuard(reflector, provider, termsPrompt);
    const context = necordContext(fakeCommand({ userId: 'user-1' }), Commands, method);

    const refused = refusalOf(() => expect(guard.canActivate(context)).toBe(true));

    expect(refused?.title).toBe(refusal);
  });

  it('refuses with an InteractionRefusal that tells the player what to do', () => {
    const guard = new PlayerGuard(reflector, players({}).provider, termsPrompt);

    const refused = refusalOf(() => guard.canActivate(necordContext(fakeButton(), Commands, 'queue')));

    expect(refused).toBeInstanceOf(InteractionRefusal);
    expect(refused?.detail).toMatch(/\/termsofservice/);
  });

  it('shows a person who has not accepted the terms the terms themselves, for that person', () => {
    const guard = new PlayerGuard(reflector, players({}).provider, termsPrompt);

    const refused = refusalOf(() => guard.canActivate(necordContext(fakeCommand({ userId: 'user-7' }), Commands, 'profile')));

    expect(refused?.shows).toEqual({ embeds: [{ title: 'Terms for user-7' }], components: [] });
    expect(prompted).toEqual(['user-7']);
  });

  it.each<[string, PlayerStatus]>([
    ['a player without setup', { ...READY, setupComplete: false }],
    ['a queued player', { ...READY, activity: 'queued' }],
    ['a banned player who never accepted the terms', { ...NEW_PLAYER, banned: true }],
  ])('shows only a notice to %s', (_, status) => {
    const guard = new PlayerGuard(reflector, players({ 'user-1': status }).provider, termsPrompt);

    const refused = refusalOf(() => guard.canActivate(necordContext(fakeCommand({ userId: 'user-1' }), Commands, 'queue')));

    expect(refused?.shows).toBeUndefined();
    expect(prompted).toEqual([]);
  });

  it('asks about the person who interacted, and nothing but statusOf', () => {
    const { provider, asked, touched } = players({ 'user-2': READY });
    const guard = new PlayerGuard(reflector, provider, termsPrompt);

    guard.canActivate(necordContext(fakeButton({ userId: 'user-2' }), Commands, 'queue'));

    expect(asked).toEqual(['user-2']);
    expect(touched).toEqual([]);
  });

  it('lets the handler’s requirements override the class’s', () => {
    const guard = new PlayerGuard(reflector, players({ 'user-1': { ...READY, activity: 'queued' } }).provider, termsPrompt);

    expect(guard.canActivate(necordContext(fakeCommand(), SetupOnly, 'view'))).toBe(true);
    expect(refusalOf(() => guard.canActivate(necordContext(fakeCommand(), SetupOnly, 'join')))?.title).toBe('Already queued');
  });

  it('uses the class’s requirements when the handler has none', () => {
    const guard = new PlayerGuard(reflector, players({ 'user-1': { ...READY, setupComplete: false } }).provider, termsPrompt);

    expect(refusalOf(() => guard.canActivate(necordContext(fakeCommand(), SetupOnly, 'view')))?.title).toBe('Setup needed');
  });

  it('lets HTTP requests through without asking about any player', () => {
    const { provider, asked, touched } = players({});
    const guard = new PlayerGuard(reflector, provider, termsPrompt);

    expect(guard.canActivate(httpContext())).toBe(true);
    expect(asked).toEqual([]);
    expect(touched).toEqual([]);
  });
});
