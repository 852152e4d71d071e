import {
  ActionRowBuilder,
  ApplicationCommandOptionType,
  ButtonBuilder,
  ButtonStyle,
  DiscordAPIError,
  EmbedBuilder,
  MessageFlags,
  ModalBuilder,
  Routes,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { BodyChecks } from './body-checks';
import { handle, startWorld, World } from './spec-support';
import { ViolationLog } from './violations';
import { waitUntil } from './wait-until';

const CALLBACK = 'POST /interactions/{interaction_id}/{interaction_token}/callback';
const TAKES_BODY = new Set(['POST', 'PUT', 'PATCH']);

const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);

describe("every JSON body checked against Discord's OpenAPI spec", () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.stop());
  beforeEach(() => world.emulator.clearViolations());

  it('checks and counts each body the real discord.js client sends', async () => {
    const { client, driver, emulator } = world;
    await client.application.commands.set([
      {
        name: 'ladder',
        description: 'The ladder',
        options: [
          { name: 'map', description: 'Map', type: ApplicationCommandOptionType.String, autocomplete: true },
          {
            name: 'mode',
            description: 'Mode',
            type: ApplicationCommandOptionType.String,
            choices: [
              { name: 'Ranked', value: 'ranked' },
              { name: 'Casual', value: 'casual' },
            ],
          },
        ],
      },
    ]);
    await client.rest.put(Routes.applicationGuildCommands(emulator.applicationId, emulator.guildId), {
      body: [{ name: 'admin', description: 'Admin', default_member_permissions: '8' }],
    });
    const errors = handle(client, async (i) => {
      if (i.isAutocomplete()) {
        await i.respond([{ name: 'Fighting Spirit', value: 'fs' }]);
      } else if (i.isChatInputCommand()) {
        const embed = new EmbedBuilder().setTitle('Ladder').addFields({ name: '1.', value: 'alice' }).setTimestamp();
        const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('pick').setLabel('Pick').setStyle(ButtonStyle.Primary),
        );
        await i.reply({ embeds: [embed], components: [row], flags: MessageFlags.Ephemeral });
      } else if (i.isButton()) {
        const select = new StringSelectMenuBuilder().setCustomId('race').addOptions({ label: 'Zerg', value: 'zerg' });
        await i.update({ components: [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(select)] });
      } else if (i.isStringSelectMenu()) {
        const name = new TextInputBuilder().setCustomId('name').setLabel('Name').setStyle(TextInputStyle.Short);
        await i.showModal(
          new ModalBuilder()
            .setCustomId('name')
            .setTitle('Name')
            .addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(name)),
        );
      } else if (i.isModalSubmit()) {
        await i.deferReply({ flags: MessageFlags.Ephemeral });
        await i.editReply('saved');
        const followUp = await i.followUp({ content: 'one more thing', flags: MessageFlags.Ephemeral });
        await i.editReply({ message: followUp, content: 'one more thing, edited' });
        const dm = await i.user.send('Your match is ready');
        await dm.edit('Your match is ready: Fighting Spirit');
      }
    });
    const mia = driver.createUser('mia');
    expect(await mia.autocomplete('ladder', 'map', 'fi')).toEqual([{ name: 'Fighting Spirit', value: 'fs' }]);
    await mia.runCommand('ladder', { mode: 'ranked' });
    await mia.clickButton('Pick');
    await mia.choose('race', ['Zerg']);
    await mia.fillModal({ Name: 'mia' });
    await waitUntil('the edited DM', () => mia.dms().includes('Your match is ready: Fighting Spirit'));

    expect(errors).toEqual([]);
    expect(emulator.violations()).toEqual([]);
    const sent = emulator.requests().filter((r) => TAKES_BODY.has(r.method) && !r.fault);
    expect(total(emulator.checkedBodies())).toBe(sent.length);
    expect(Object.keys(emulator.checkedBodies()).sort()).toEqual([
      'PATCH /channels/{channel_id}/messages/{message_id}',
      'PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original',
      'PATCH /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}',
      'POST /channels/{channel_id}/messages',
      CALLBACK,
      'POST /users/@me/channels',
      'POST /webhooks/{webhook_id}/{webhook_token}',
      'PUT /applications/{application_id}/commands',
      'PUT /applications/{application_id}/guilds/{guild_id}/commands',
    ]);
  });

  it('answers 50035 to a body the spec rejects, naming the route and the field, and leaves the interaction open', async () => {
    const { client, driver, emulator } = world;
    await client.application.commands.set([{ name: 'go', description: 'Go' }]);
    const refusals: unknown[] = [];
    handle(client, async (i) => {
      if (!i.isChatInputCommand()) return;
      const button = { type: 2, style: 7, custom_id: 'go', label: 'Go' };
      const body = { type: 4, data: { components: [{ type: 1, components: [button] }] } };
      refusals.push(await client.rest.post(Routes.interactionCallback(i.id, i.token), { body, auth: false }).catch((e: unknown) => e));
      await i.reply('fixed');
    });
    const outcome = await driver.createUser('ned').runCommand('go');
    expect(outcome.response).toBe('reply');
    const [refusal] = refusals as DiscordAPIError[];
    expect(refusal).toBeInstanceOf(DiscordAPIError);
    expect(refusal.code).toBe(50035);
    const field = { data: { components: { 0: { components: { 0: { style: { _errors: [expect.anything()] } } } } } } };
    expect(refusal.rawError).toMatchObject({ errors: field });
    expect(emulator.violations()).toEqual([
      {
        rule: 'openapi-schema',
        interactionId: outcome.interactionId,
        detail: `data.components.0.components.0.style: must be one of 1, 2, 3, 4, 5, 6 (Discord's OpenAPI spec, ${CALLBACK})`,
      },
    ]);
  });

  it('still checks a body the emulator refused for another reason', async () => {
    const { client, emulator } = world;
    const missing = Routes.channelMessage(emulator.ladderChannelId, '1');
    const refusal = await client.rest.patch(missing, { body: { embeds: [{ title: 5 }] } }).catch((e: unknown) => e);
    expect((refusal as DiscordAPIError).code).toBe(10008);
    expect(emulator.violations()).toEqual([
      {
        rule: 'openapi-schema',
        detail: "embeds.0.title: must be string or null (Discord's OpenAPI spec, PATCH /channels/{channel_id}/messages/{message_id})",
      },
    ]);
  });

  it('refuses to serve a route whose body the spec does not describe', () => {
    const checks = new BodyChecks(new ViolationLog(() => undefined), () => undefined);
    expect(() => checks.forRoute('POST', '/guilds/:guildId/ladder')).toThrow(
      "Discord's OpenAPI spec has no JSON body for POST /guilds/:guildId/ladder",
    );
    expect(() => checks.forRoute('GET', '/guilds/:guildId/ladder')).not.toThrow();
  });
});
