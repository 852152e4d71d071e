import { Injectable, Module } from '@nestjs/common';
import { Button, ButtonContext, Context } from 'necord';
import { startE2e } from './support/e2e';
import { testDriver } from './support/test-database';

/** A button whose custom id was never declared with defineRoute: every click would be refused as stale. */
@Injectable()
class ForgottenRouteHandlers {
  @Button('forgotten/:id')
  async click(@Context() [interaction]: ButtonContext) {
    await interaction.deferUpdate();
  }
}

@Module({ providers: [ForgottenRouteHandlers] })
class ForgottenRouteModule {}

describe(`a handler whose custom id is not a declared route (${testDriver()})`, () => {
  it('stops the bot at boot, naming the handler, before it goes online', async () => {
    const started = startE2e({ imports: [ForgottenRouteModule] });
    await expect(started).rejects.toThrow("Custom ids with no declared route (use defineRoute and build the id from it): ForgottenRouteHandlers.click ('forgotten/:id')");
  });
});
