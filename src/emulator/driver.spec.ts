import { ApplicationCommandOptionType, MessageFlags, PermissionFlagsBits } from 'discord.js';
import { RefusedAction } from './driver-user';
import { handle, startWorld, World } from './spec-support';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the driver acts as people do', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld();
    await world.client.application.commands.set([
      {
        name: 'report',
        description: 'Report a result',
        options: [
          {
            name: 'result',
            description: 'Result',
            type: ApplicationCommandOptionType.String,
            required: true,
            choices: [
              { name: 'I won', value: 'win' },
              { name: 'I lost', value: 'loss' },
            ],
          },
          { name: 'games', description: 'Games', type: ApplicationCommandOptionType.Integer, min_value: 1, max_value: 7 },
          { name: 'opponent', description: 'Opponent', type: ApplicationCommandOptionType.User },
        ],
      },
      {
        name: 'ladder',
        description: 'Ladder',
        options: [
          {
            name: 'join',
            description: 'Join',
            type: ApplicationCommandOptionType.Subcommand,
            options: [{ name: 'race', description: 'Race', type: ApplicationCommandOptionType.String }],
          },
          { name: 'leave', description: 'Leave', type: ApplicationCommandOptionType.Subcommand },
        ],
      },
      { name: 'ban', description: 'Ban a player', default_member_permissions: PermissionFlagsBits.BanMembers.toString() },
    ]);
  });
  afterAll(() => world.stop());

  it('types options by the registered definition and refuses what the Discord client would not send', async () => {
    const { client, driver } = world;
    const seen: unknown[] = [];
    handle(client, async (i) => {
      if (!i.isChatInputCommand()) return;
      seen.push([i.options.getString('result'), i.options.getInteger('games'), i.options.getUser('opponent')?.username]);
      await i.reply({ content: 'noted', flags: MessageFlags.Ephemeral });
    });
    const ann = driver.createUser('ann');
    const ben = driver.createUser('ben');
    await ann.runCommand('report', { result: 'I won', games: '3', opponent: ben });
    expect(seen).toEqual([['win', 3, 'ben']]);
    await expect(ann.runCommand('report', {})).rejects.toThrow('ann cannot run /report: option result is required');
    await expect(ann.runCommand('report', { result: 'draw' })).rejects.toThrow('must be one of I won, I lost');
    await expect(ann.runCommand('report', { result: 'win', games: 9 })).rejects.toThrow('takes 1 to 7');
    await expect(ann.runCommand('report', { result: 'win', games: 2.5 })).rejects.toThrow('whole number');
    await expect(ann.runCommand('report', { result: 'win', map: 'x' })).rejects.toThrow('no option map');
    await expect(ann.runCommand('nope')).rejects.toThrow(RefusedAction);
    expect(seen).toHaveLength(1);
  });

  it('runs subcommands named with spaces', async () => {
    const { client, driver } = world;
    const seen: unknown[] = [];
    handle(client, async (i) => {
      if (!i.isChatInputCommand()) return;
      seen.push([i.options.getSubcommand(), i.options.getString('race')]);
      await i.reply({ content: 'ok', flags: MessageFlags.Ephemeral });
    });
    const cat = driver.createUser('cat');
    await cat.runCommand('ladder join', { race: 'zerg' });
    await expect(cat.runCommand('ladder')).rejects.toThrow('needs a subcommand: join, leave');
    expect(seen).toEqual([['join', 'zerg']]);
  });

  it('hides admin commands and the admin channel from members, not from admins', async () => {
    const { client, driver, emulator } = world;
    handle(client, async (i) => {
      if (i.isChatInputCommand()) await i.reply('banned');
    });
    const member = driver.createUser('member');
    const admin = driver.createUser('boss', { admin: true });
    await expect(member.runCommand('ban')).rejects.toThrow('hidden from them');
    await expect(member.runCommand('ban', {}, { channelId: emulator.adminChannelId })).rejects.toThrow('cannot see it');
    await admin.runCommand('ban', {}, { channelId: emulator.adminChannelId });
    expect(admin.visibleMessages(emulator.adminChannelId)).toEqual(['#ladder-admin: banned']);
    expect(member.visibleMessages(emulator.adminChannelId)).toEqual([]);
  });

  it('waits for quiet, measures ack and last change, and attributes the bot\'s own DMs to the interaction', async () => {
    const { client, driver } = world;
    handle(client, async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      await sleep(25);
      await i.editReply('recording...');
      await sleep(25);
      const opponent = i.options.getUser('opponent', true);
      await opponent.send(`${i.user.username} reported a win against you`);
      await i.editReply('recorded');
    });
    const dee = driver.createUser('dee');
    const eve = driver.createUser('eve');
    const outcome = await dee.runCommand('report', { result: 'win', opponent: eve });
    expect(outcome).toMatchObject({ acknowledged: true, response: 'deferReply', failed: false, timedOut: false });
    expect(outcome.ackMs).toBeLessThan(outcome.lastChangeMs ?? 0);
    expect(outcome.lastChangeMs).toBeGreaterThanOrEqual(50);
    expect(dee.lastReply()).toBe('recorded');
    expect(eve.dms()).toEqual(['dee reported a win against you']);
    expect(eve.visibleMessages()).not.toContain(expect.stringContaining('recorded'));
    expect(driver.timings().at(-1)).toEqual({
      interactionId: outcome.interactionId,
      user: 'dee',
      action: '/report',
      response: 'deferReply',
      ackMs: outcome.ackMs,
      lastChangeMs: outcome.lastChangeMs,
    });
    const lines = driver.transcript.lines();
    expect(lines.slice(lines.indexOf('dee ran /report result:win opponent:@eve'))).toEqual([
      'dee ran /report result:win opponent:@eve',
      `ack ${outcome.ackMs} ms (deferReply)`,
      'bot → dee (ephemeral): (thinking...)',
      'bot edited → dee (ephemeral): recording...',
      'bot → eve (DM): dee reported a win against you',
      'bot edited → dee (ephemeral): recorded',
    ]);
  });

  it('waits for the next message in a DM', async () => {
    const { client, driver } = world;
    handle(client, async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply({ content: 'you will be reminded', flags: MessageFlags.Ephemeral });
      setTimeout(() => void i.user.send('Reminder: report your match'), 150);
    });
    const fay = driver.createUser('fay');
    await fay.runCommand('ladder leave');
    expect(fay.dms()).toEqual([]);
    const reminder = await fay.waitForDm((m) => m.text.startsWith('Reminder'), 2000);
    expect(reminder).toMatchObject({ text: 'Reminder: report your match', edited: false });
    await expect(driver.waitForMessage(() => true, 50)).rejects.toThrow('no matching message within 50 ms');
  });
});
