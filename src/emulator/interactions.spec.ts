import {
  ActionRowBuilder,
  ApplicationCommandOptionType,
  ButtonBuilder,
  ButtonStyle,
  LabelBuilder,
  MessageFlags,
  ModalBuilder,
  Routes,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { RefusedAction } from './driver-user';
import { handle, startWorld, World } from './spec-support';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function buttons(...specs: [customId: string, label: string, disabled?: boolean][]) {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(
    specs.map(([customId, label, disabled]) =>
      new ButtonBuilder().setCustomId(customId).setLabel(label).setStyle(ButtonStyle.Primary).setDisabled(disabled ?? false),
    ),
  );
}

describe('interactions through the real discord.js client', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld();
    await world.client.application.commands.set([
      {
        name: 'challenge',
        description: 'Challenge someone',
        options: [{ name: 'opponent', description: 'Who', type: ApplicationCommandOptionType.User, required: true }],
      },
      { name: 'race', description: 'Pick races' },
      { name: 'setup', description: 'Set up your profile' },
      { name: 'prefs', description: 'Preferences' },
      {
        name: 'queue',
        description: 'Join the queue',
        options: [{ name: 'map', description: 'Map', type: ApplicationCommandOptionType.String, autocomplete: true }],
      },
      { name: 'notify', description: 'DM me' },
    ]);
  });
  afterAll(() => world.stop());
  beforeEach(() => world.emulator.clearViolations());

  it('dispatches a command registered with REST PUT and takes deferReply then editReply', async () => {
    const { client, driver, emulator } = world;
    await client.rest.put(Routes.applicationGuildCommands(emulator.applicationId, emulator.guildId), {
      body: [
        {
          name: 'profile',
          description: 'Show a profile',
          options: [{ name: 'games', description: 'Games', type: ApplicationCommandOptionType.Integer }],
        },
      ],
    });
    const errors = handle(client, async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      await sleep(20);
      await i.editReply(`profile of ${i.user.username}, last ${i.options.getInteger('games')} games`);
    });
    const alice = driver.createUser('alice');
    const outcome = await alice.runCommand('profile', { games: '5' });
    expect(errors).toEqual([]);
    expect(outcome).toMatchObject({ acknowledged: true, response: 'deferReply', timedOut: false });
    expect(outcome.lastChangeMs).toBeGreaterThanOrEqual(outcome.ackMs ?? Infinity);
    expect(alice.lastReply()).toBe('profile of alice, last 5 games');
    expect(alice.visibleMessages()).toContain('#ladder (only you): profile of alice, last 5 games');
    expect(emulator.violations()).toEqual([]);
  });

  it('answers reply({ withResponse }) with the created message', async () => {
    const { client, driver } = world;
    const contents: (string | undefined)[] = [];
    handle(client, async (i) => {
      if (!i.isChatInputCommand()) return;
      const response = await i.reply({ content: 'Terms v3', withResponse: true });
      contents.push(response.resource?.message?.content);
    });
    await driver.createUser('carol').runCommand('prefs');
    expect(contents).toEqual(['Terms v3']);
  });

  it('resolves a user option, then takes update() that disables the buttons; a second click is refused', async () => {
    const { client, driver, emulator } = world;
    const row = (challenger: string, disabled: boolean) =>
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId(`accept/${challenger}`).setLabel('Accept').setStyle(ButtonStyle.Success).setDisabled(disabled),
        new ButtonBuilder().setCustomId(`decline/${challenger}`).setLabel('Decline').setStyle(ButtonStyle.Danger).setDisabled(disabled),
      );
    const errors = handle(client, async (i) => {
      if (i.isChatInputCommand()) {
        const opponent = i.options.getUser('opponent', true);
        await i.reply({ content: `${opponent} you are challenged by ${i.user}`, components: [row(i.user.id, false)] });
      } else if (i.isButton()) {
        const challenger = i.customId.split('/')[1];
        await i.update({ content: `${i.user.username} accepted`, components: [row(challenger, true)] });
      }
    });
    const dan = driver.createUser('dan');
    const erin = driver.createUser('erin');
    await dan.runCommand('challenge', { opponent: erin });
    expect(erin.visibleMessages().at(-1)).toContain('[Accept] [Decline]');
    const outcome = await erin.clickButton('Accept');
    expect(outcome.response).toBe('update');
    expect(erin.visibleMessages().at(-1)).toBe('#ladder: erin accepted\n[Accept (disabled)] [Decline (disabled)]');
    await expect(erin.clickButton('Accept')).rejects.toThrow(RefusedAction);
    await expect(erin.clickButton('Accept')).rejects.toThrow(/disabled/);
    expect(errors).toEqual([]);
    expect(emulator.violations()).toEqual([]);
  });

  it('records a forged click on a disabled button, and still delivers it', async () => {
    const { client, driver, emulator } = world;
    const channel = await client.channels.fetch(emulator.ladderChannelId);
    if (!channel?.isSendable()) throw new Error('ladder channel not sendable');
    const message = await channel.send({
      content: 'closed',
      components: [buttons(['old', 'Old', true])],
    });
    const clicks: string[] = [];
    handle(client, async (i) => {
      if (!i.isButton()) return;
      clicks.push(i.customId);
      await i.deferUpdate();
    });
    const frank = driver.createUser('frank');
    await expect(frank.clickButton('Old')).rejects.toThrow(/disabled/);
    const record = emulator.clickComponent({ userId: frank.id, messageId: message.id, customId: 'old' });
    await driver.track(record, 'frank', 'forged click');
    expect(clicks).toEqual(['old']);
    expect(emulator.violations()).toEqual([
      { rule: 'disabled-component-click', interactionId: record.id, detail: 'click on disabled component "old"' },
    ]);
  });

  it('delivers a string select with the chosen values', async () => {
    const { client, driver } = world;
    handle(client, async (i) => {
      if (i.isChatInputCommand()) {
        const select = new StringSelectMenuBuilder()
          .setCustomId('races')
          .setPlaceholder('Pick your races')
          .setMinValues(1)
          .setMaxValues(2)
          .addOptions(
            { label: 'Terran', value: 'terran' },
            { label: 'Zerg', value: 'zerg' },
            { label: 'Protoss', value: 'protoss' },
          );
        const row = new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(select);
        await i.reply({ components: [row], flags: MessageFlags.Ephemeral });
      } else if (i.isStringSelectMenu()) {
        await i.update({ content: `races: ${i.values.join(', ')}`, components: [] });
      }
    });
    const gina = driver.createUser('gina');
    await gina.runCommand('race');
    await expect(gina.choose('Pick your races', ['Zerg', 'Protoss', 'Terran'])).rejects.toThrow(/1 to 2 values/);
    const outcome = await gina.choose('Pick your races', ['Zerg', 'protoss']);
    expect(outcome.response).toBe('update');
    expect(gina.lastReply()).toBe('races: zerg, protoss');
    expect(driver.createUser('hank').visibleMessages()).not.toContain(expect.stringContaining('races'));
  });

  it('opens a modal with pre-filled values and delivers the submission', async () => {
    const { client, driver } = world;
    const errors = handle(client, async (i) => {
      if (i.isChatInputCommand()) {
        await i.showModal(
          new ModalBuilder()
            .setCustomId('setup')
            .setTitle('Setup')
            .addComponents(
              new ActionRowBuilder<TextInputBuilder>().addComponents(
                new TextInputBuilder().setCustomId('name').setLabel('Name').setStyle(TextInputStyle.Short).setValue(i.user.username),
              ),
              new ActionRowBuilder<TextInputBuilder>().addComponents(
                new TextInputBuilder().setCustomId('tag').setLabel('BattleTag').setStyle(TextInputStyle.Short).setMaxLength(20),
              ),
            ),
        );
      } else if (i.isModalSubmit()) {
        const content = `saved ${i.fields.getTextInputValue('name')} ${i.fields.getTextInputValue('tag')}`;
        await i.reply({ content, flags: MessageFlags.Ephemeral });
      }
    });
    const ivan = driver.createUser('ivan');
    const opened = await ivan.runCommand('setup');
    expect(opened.response).toBe('showModal');
    expect(ivan.currentModal()?.fields.map((f) => [f.label, f.value])).toEqual([
      ['Name', 'ivan'],
      ['BattleTag', ''],
    ]);
    await expect(ivan.fillModal({})).rejects.toThrow(/BattleTag" is required/);
    const outcome = await ivan.fillModal({ BattleTag: 'ivan#1234' });
    expect(outcome.response).toBe('reply');
    expect(ivan.lastReply()).toBe('saved ivan ivan#1234');
    expect(ivan.currentModal()).toBeUndefined();
    expect(errors).toEqual([]);
  });

  it('handles a label modal with a select, opened from a button', async () => {
    const { client, driver } = world;
    const errors = handle(client, async (i) => {
      if (i.isChatInputCommand()) {
        await i.reply({ components: [buttons(['edit', 'Edit'])] });
      } else if (i.isButton()) {
        await i.showModal(
          new ModalBuilder()
            .setCustomId('prefs')
            .setTitle('Preferences')
            .addLabelComponents(
              new LabelBuilder()
                .setLabel('Region')
                .setStringSelectMenuComponent(
                  new StringSelectMenuBuilder()
                    .setCustomId('region')
                    .addOptions({ label: 'Europe', value: 'eu' }, { label: 'Americas', value: 'us' }),
                ),
            ),
        );
      } else if (i.isModalSubmit() && i.isFromMessage()) {
        await i.update({ content: `region ${i.fields.getStringSelectValues('region').join()}`, components: [] });
      }
    });
    const jane = driver.createUser('jane');
    await jane.runCommand('prefs');
    await jane.clickButton('Edit');
    const outcome = await jane.fillModal({ Region: 'Americas' });
    expect(outcome.response).toBe('update');
    expect(jane.visibleMessages().at(-1)).toBe('#ladder: region us');
    expect(errors).toEqual([]);
  });

  it('returns autocomplete choices for the focused option', async () => {
    const { client, driver } = world;
    handle(client, async (i) => {
      if (!i.isAutocomplete()) return;
      const typed = i.options.getFocused().toLowerCase();
      const maps = ['Fighting Spirit', 'Circuit Breaker', 'Polypoid'].filter((m) => m.toLowerCase().includes(typed));
      await i.respond(maps.map((m) => ({ name: m, value: m })));
    });
    const kim = driver.createUser('kim');
    expect(await kim.autocomplete('queue', 'map', 'ci')).toEqual([{ name: 'Circuit Breaker', value: 'Circuit Breaker' }]);
    expect(driver.transcript.lines().slice(-2)).toEqual([
      'kim typed "ci" into /queue map',
      `ack ${driver.timings().at(-1)?.ackMs} ms (autocomplete result: Circuit Breaker)`,
    ]);
  });

  it('sends a DM with user.send(), and fails with 50007 when the DMs are closed', async () => {
    const { client, driver } = world;
    const results: (string | number)[] = [];
    handle(client, async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      try {
        await i.user.send({ content: 'Your match is ready', components: [buttons(['ready', 'Ready'])] });
        results.push('sent');
      } catch (error) {
        results.push((error as { code: number }).code);
      }
      await i.editReply('done');
    });
    const leo = driver.createUser('leo');
    await leo.runCommand('notify');
    expect(leo.dms()).toEqual(['Your match is ready\n[Ready]']);
    leo.closeDms();
    await leo.runCommand('notify');
    expect(results).toEqual(['sent', 50007]);
    expect(leo.dms()).toHaveLength(1);
  });
});
