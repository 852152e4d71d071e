import { Client } from 'discord.js';
import { RestHandlerSweeper } from '../src/discord/rest-handler-sweeper';
import { E2e, startE2e } from './support/e2e';
import { testDriver } from './support/test-database';
import { waitFor } from './support/wait-for';

describe(`discord.js REST handlers (${testDriver()})`, () => {
  let e2e: E2e;

  beforeAll(async () => {
    e2e = await startE2e({ env: { DISCORD_REST_SWEEP_SECONDS: '1' } });
  });

  afterAll(async () => {
    await e2e.close();
  });

  it('are swept once idle, interaction callbacks included, well within a token\'s 15 minutes', async () => {
    const handlers = e2e.app.get(Client).rest.handlers;
    // Every handler created is noted, so a sweep between two slow commands cannot hide one.
    const created = new Set<string>();
    const set = handlers.set.bind(handlers);
    handlers.set = (key, handler) => {
      created.add(key);
      return set(key, handler);
    };
    const users = ['rey', 'sam', 'tom'].map((name) => e2e.driver.createUser(name));
    for (const user of users) await user.runCommand('termsofservice');
    expect([...created]).toContain('Global(POST:/interactions/:id/:token/callback):burst');
    await waitFor('the idle handlers to be swept', () => handlers.size === 0, 5000);
    expect(e2e.app.get(RestHandlerSweeper).sweep()).toBe(0);
  });
});
