import { MessageFlags } from 'discord.js';
import { handle, startWorld, World } from './spec-support';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('fault injection', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld();
    await world.client.application.commands.set([{ name: 'go', description: 'Go' }]);
  });
  afterAll(() => world.stop());
  beforeEach(() => {
    world.emulator.faults.clear();
    world.emulator.clearViolations();
  });

  function callsTo(route: string): number[] {
    return world.emulator.requests().filter((r) => r.route === route).map((r) => r.status);
  }

  it('answers 429 with retry-after; discord.js waits and retries the interaction callback', async () => {
    const { client, driver, emulator } = world;
    const errors = handle(client, async (i) => {
      if (i.isChatInputCommand()) await i.reply('made it');
    });
    const route = '/interactions/:id/:token/callback';
    const fault = emulator.faults.inject({ kind: 'rate-limit', method: 'POST', route, retryAfterMs: 250 });
    const before = callsTo('/interactions/:interactionId/:token/callback').length;
    const outcome = await driver.createUser('alice').runCommand('go');
    expect(errors).toEqual([]);
    expect(outcome).toMatchObject({ acknowledged: true, response: 'reply' });
    expect(outcome.ackMs).toBeGreaterThanOrEqual(250);
    expect(fault).toMatchObject({ hits: 1, remaining: 0 });
    expect(callsTo('/interactions/:interactionId/:token/callback').slice(before)).toEqual([429, 204]);
    expect(driver.transcript.lines()).toContainEqual(expect.stringMatching(/^fault: rate-limit on POST \/interactions\//));
  });

  it('retries a channel message after a 429 and after two 500s', async () => {
    const { client, emulator } = world;
    const channel = await client.channels.fetch(emulator.ladderChannelId);
    if (!channel?.isSendable()) throw new Error('not sendable');
    emulator.faults.inject({ kind: 'rate-limit', method: 'POST', route: '/channels/:id/messages', retryAfterMs: 50 });
    await channel.send('after a rate limit');
    emulator.faults.inject({ kind: 'server-error', route: /^\/channels\/\d+\/messages$/, times: 2 });
    await channel.send('after two 500s');
    expect(callsTo('/channels/:channelId/messages').slice(-5)).toEqual([429, 200, 500, 500, 200]);
    expect(emulator.state.visibleMessages('nobody', emulator.ladderChannelId).map((m) => m.message.content).slice(-2)).toEqual([
      'after a rate limit',
      'after two 500s',
    ]);
  });

  it('fails an interaction with 10062 unknown interaction on request', async () => {
    const { client, driver, emulator } = world;
    const codes: unknown[] = [];
    handle(client, async (i) => {
      if (i.isChatInputCommand()) codes.push(await i.deferReply().catch((e: { code: unknown }) => e.code));
    });
    emulator.faults.inject({ kind: 'unknown-interaction', route: '/interactions/:id/:token/callback' });
    const outcome = await driver.createUser('bob').runCommand('go');
    expect(codes).toEqual([10062]);
    expect(outcome).toMatchObject({ acknowledged: false });
  });

  it('fails a DM with 50007 on request, though the DMs are open', async () => {
    const { client, driver, emulator } = world;
    const codes: unknown[] = [];
    handle(client, async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply({ content: 'sending', flags: MessageFlags.Ephemeral });
      codes.push(await i.user.send('hello').then(() => 'sent', (e: { code: unknown }) => e.code));
      codes.push(await i.user.send('again').then(() => 'sent', (e: { code: unknown }) => e.code));
    });
    emulator.faults.inject({ kind: 'cannot-dm', method: 'POST', route: '/channels/:id/messages' });
    const carol = driver.createUser('carol');
    await carol.runCommand('go');
    await sleep(50);
    expect(codes).toEqual([50007, 'sent']);
    expect(carol.dms()).toEqual(['again']);
  });
});
