import { ChannelType, Client, Events, GatewayIntentBits, MessageFlags } from 'discord.js';
import { DiscordEmulator } from './discord-emulator';
import { DiscordDriver } from './driver';
import { connectClient, handle, once } from './spec-support';

describe('gateway and connection', () => {
  let emulator: DiscordEmulator;
  let driver: DiscordDriver;
  const clients: Client[] = [];

  beforeEach(async () => {
    emulator = await new DiscordEmulator({ heartbeatIntervalMs: 100 }).start();
    driver = new DiscordDriver(emulator, { settleMs: 30, timeoutMs: 4000 });
  });
  afterEach(async () => {
    driver.dispose();
    await Promise.all(clients.splice(0).map((c) => c.destroy()));
    await emulator.stop();
  });

  async function connect(intents?: GatewayIntentBits[]): Promise<Client<true>> {
    const client = await connectClient(emulator, intents);
    clients.push(client);
    return client;
  }

  async function registerPing(client: Client<true>): Promise<void> {
    await client.application.commands.set([{ name: 'ping', description: 'Ping' }]);
    handle(client, async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: 'pong', flags: MessageFlags.Ephemeral });
    });
  }

  it('brings the real client to ready with the guild, its two text channels and the bot member', async () => {
    const client = await connect();
    expect(client.user.id).toBe(emulator.applicationId);
    expect(client.application.id).toBe(emulator.applicationId);
    const guild = client.guilds.cache.get(emulator.guildId);
    expect(guild?.available).toBe(true);
    expect(guild?.channels.cache.map((c) => [c.id, c.name, c.type])).toEqual([
      [emulator.ladderChannelId, 'ladder', ChannelType.GuildText],
      [emulator.adminChannelId, 'ladder-admin', ChannelType.GuildText],
    ]);
    expect(guild?.members.me?.id).toBe(emulator.applicationId);
  });

  it('answers heartbeats, so the client measures a ping and never sees a zombie connection', async () => {
    const client = await connect();
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(client.ws.ping).toBeGreaterThanOrEqual(0);
    expect(emulator.connectedSessions).toBe(1);
  });

  it('turns a wrong token into TokenInvalid', async () => {
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: emulator.apiBase } });
    clients.push(client);
    await expect(client.login('not-the-token')).rejects.toMatchObject({ code: 'TokenInvalid' });
    expect(emulator.requests()).toEqual([expect.objectContaining({ path: '/api/v10/gateway/bot', status: 401 })]);
  });

  it('answers an unknown route with a Discord-shaped 404 in JSON and records it', async () => {
    const response = await fetch(`${emulator.apiBase}/v10/guilds/${emulator.guildId}/bans`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ message: '404: Not Found', code: 0 });
    expect(emulator.unknownRequests()).toEqual([{ method: 'GET', path: `/api/v10/guilds/${emulator.guildId}/bans`, status: 404 }]);
  });

  it('survives a dropped connection: the client resumes and receives what was dispatched meanwhile', async () => {
    const client = await connect();
    await registerPing(client);
    const alice = driver.createUser('alice');
    const resumed = once(client, Events.ShardResume);
    expect(emulator.faults.disconnectGateway()).toBe(1);
    const missed = alice.runCommand('ping');
    const [, replayed] = await resumed;
    expect(replayed).toBeGreaterThanOrEqual(1);
    expect(await missed).toMatchObject({ acknowledged: true, response: 'reply' });
    expect(await alice.runCommand('ping')).toMatchObject({ acknowledged: true });
    expect(driver.transcript.lines()).toContain('gateway: session resumed');
  });

  it('identifies again when the session is invalidated, and keeps receiving interactions', async () => {
    const client = await connect();
    await registerPing(client);
    const sessions: string[] = [];
    emulator.events.on('gatewaySession', (kind) => sessions.push(kind));
    emulator.faults.disconnectGateway({ invalidateSession: true });
    await new Promise<void>((resolve) => emulator.events.once('gatewaySession', () => resolve()));
    expect(sessions).toEqual(['ready']);
    expect(await driver.createUser('bob').runCommand('ping')).toMatchObject({ acknowledged: true });
  });

  it('lets a restarted bot identify anew and keep its command ids', async () => {
    const first = await connect();
    await registerPing(first);
    const id = emulator.commands.find('ping', emulator.guildId)?.id;
    await first.destroy();
    const second = await connect();
    await registerPing(second);
    expect(emulator.commands.find('ping', emulator.guildId)?.id).toBe(id);
    expect(await driver.createUser('carl').runCommand('ping')).toMatchObject({ acknowledged: true });
  });

  it('delivers a person\'s message to a bot that asked for message intents', async () => {
    const client = await connect([GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent]);
    const received = once(client, Events.MessageCreate);
    driver.createUser('dora').say('gg wp');
    const [message] = await received;
    expect([message.content, message.author.username, message.channelId]).toEqual(['gg wp', 'dora', emulator.ladderChannelId]);
  });
});
