import { AppConfig } from '../../config/app-config';
import { InteractionRefusal } from '../errors/interaction-refusal';
import { fakeButton, fakeCommand, httpContext, necordContext } from '../testing/fake-interactions';
import { AdminGuard } from './admin.guard';

class AdminCommands {
  resolve(): void {}
}

function guardFor(discordIds: string[]): AdminGuard {
  const config: Pick<AppConfig, 'admin'> = { admin: { token: undefined, discordIds } };
  return new AdminGuard(config as AppConfig);
}

describe('AdminGuard', () => {
  it('admits a configured admin’s command and click', () => {
    const guard = guardFor(['admin-1', 'admin-2']);

    expect(guard.canActivate(necordContext(fakeCommand({ userId: 'admin-2' }), AdminCommands, 'resolve'))).toBe(true);
    expect(guard.canActivate(necordContext(fakeButton({ userId: 'admin-1' }), AdminCommands, 'resolve'))).toBe(true);
  });

  it('refuses anyone else with a clear refusal', () => {
    const guard = guardFor(['admin-1']);

    expect(() => guard.canActivate(necordContext(fakeCommand({ userId: 'player-1' }), AdminCommands, 'resolve'))).toThrow(
      new InteractionRefusal('Admins only', 'This is for the ladder admins.'),
    );
  });

  it('refuses an id that only contains an admin’s id', () => {
    const guard = guardFor(['123456']);

    expect(() => guard.canActivate(necordContext(fakeCommand({ userId: '12345' }), AdminCommands, 'resolve'))).toThrow(InteractionRefusal);
    expect(() => guard.canActivate(necordContext(fakeCommand({ userId: '1234567' }), AdminCommands, 'resolve'))).toThrow(InteractionRefusal);
  });

  it('refuses everyone when no admin is configured', () => {
    expect(() => guardFor([]).canActivate(necordContext(fakeCommand({ userId: 'admin-1' }), AdminCommands, 'resolve'))).toThrow(InteractionRefusal);
  });

  it('refuses outside an interaction rather than let it through', () => {
    expect(() => guardFor(['admin-1']).canActivate(httpContext())).toThrow(InteractionRefusal);
  });
});
