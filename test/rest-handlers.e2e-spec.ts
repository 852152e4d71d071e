import { Client, RateLimitData, RESTEvents, Routes } from 'discord.js';
import { InteractionRest } from '../src/discord/interaction-rest';
import { RestHandlerSweeper } from '../src/discord/rest-handler-sweeper';
import { E2e, startE2e } from './support/e2e';
import { readyPlayer } from './support/ladder-players';
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
    const lane = e2e.app.get(InteractionRest).manager!.handlers;
    const users = ['rey', 'sam', 'tom'].map((name) => e2e.driver.createUser(name));
    for (const user of users) {
      await user.runCommand('termsofservice');
      await user.clickButton('Accept');
      await user.runCommand('profile');
    }
    expect([...created]).toContain('Global(POST:/interactions/:id/:token/callback):burst');
    expect(lane.size).toBeGreaterThan(0);
    await waitFor('the idle handlers to be swept', () => handlers.size === 0 && lane.size === 0, 5000);
    expect(e2e.app.get(RestHandlerSweeper).sweep()).toBe(0);
  });

  it('are swept while the global limit is spent, as it is at every sweep under sustained load, and the limit is left as it was', async () => {
    const rest = e2e.app.get(Client).rest;
    const user = e2e.driver.createUser('uli');
    await user.runCommand('termsofservice');
    await user.clickButton('Accept');
    await user.runCommand('profile');
    const spentUntil = Date.now() + 60_000;
    rest.globalRemaining = 0;
    rest.globalReset = spentUntil;
    try {
      expect([...rest.handlers.values()].some((handler) => !handler.inactive)).toBe(true);
      e2e.app.get(RestHandlerSweeper).sweep();
      expect(rest.handlers.size).toBe(0);
      expect(rest.globalReset).toBe(spentUntil);
    } finally {
      rest.globalReset = -1;
      rest.globalRemaining = 50;
    }
  });

  it('send the edits of deferred replies past a spent global limit, which still holds the bot\'s own requests', async () => {
    const client = e2e.app.get(Client);
    const rest = client.rest;
    const user = await readyPlayer(e2e.driver.createUser('vic'), { name: 'Vicky', country: 'DE', region: 'EUW' });
    const limited: RateLimitData[] = [];
    const onLimited = (data: RateLimitData) => limited.push(data);
    rest.on(RESTEvents.RateLimited, onLimited);
    rest.globalRemaining = 0;
    rest.globalReset = Date.now() + 60_000;
    try {
      const profile = await user.runCommand('profile');
      expect(profile.response).toBe('deferReply');
      expect(user.lastReply()).toMatch(/Vicky[\s\S]*BattleTag[\s\S]*Vicky#1234/);
      expect(limited).toEqual([]);

      // A short spell, so the bot's own request waits it out rather than a minute.
      rest.globalReset = Date.now() + 2000;
      await rest.get(Routes.user('@me'));
      expect(limited).toEqual([expect.objectContaining({ global: true, route: '/users/%40me' })]);
    } finally {
      rest.off(RESTEvents.RateLimited, onLimited);
      rest.globalReset = -1;
      rest.globalRemaining = 50;
    }
  });
});
