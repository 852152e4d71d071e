import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  ComponentType,
  EmbedBuilder,
  InteractionResponseType,
  LabelBuilder,
  MessageFlags,
  ModalBuilder,
  PermissionFlagsBits,
  SlashCommandBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { BodyValidator, bodyValidator } from './openapi-validator';

function validatorOf(method: string, specPath: string): BodyValidator {
  const validate = bodyValidator(method, specPath);
  if (!validate) throw new Error(`no body schema for ${method} ${specPath}`);
  return validate;
}

const callback = validatorOf('POST', '/interactions/{interaction_id}/{interaction_token}/callback');
const channelMessage = validatorOf('POST', '/channels/{channel_id}/messages');
const commands = validatorOf('PUT', '/applications/{application_id}/commands');

const buttonRow = () =>
  new ActionRowBuilder<ButtonBuilder>()
    .addComponents(
      new ButtonBuilder().setCustomId('accept').setLabel('Accept').setStyle(ButtonStyle.Success),
      new ButtonBuilder().setLabel('Rules').setStyle(ButtonStyle.Link).setURL('https://example.com/rules'),
    )
    .toJSON();
const embed = () =>
  new EmbedBuilder().setTitle('Ladder').setDescription('Top 10').addFields({ name: '1.', value: 'alice' }).setTimestamp(0).toJSON();
const reply = (data: object) => ({ type: InteractionResponseType.ChannelMessageWithSource, data });
const row = (...components: unknown[]) => ({ type: ComponentType.ActionRow, components });
const button = (customId: string, style: number = ButtonStyle.Primary) => ({
  type: ComponentType.Button,
  style,
  custom_id: customId,
  label: 'Go',
});

describe("request bodies against Discord's OpenAPI spec", () => {
  describe('accepts', () => {
    it('a message with an embed and a row of buttons', () => {
      const body = { content: 'Standings', embeds: [embed()], components: [buttonRow()] };
      expect(channelMessage(body)).toBeUndefined();
      expect(callback(reply(body))).toBeUndefined();
    });

    it('an ephemeral reply', () => {
      expect(callback(reply({ content: 'only you', flags: MessageFlags.Ephemeral }))).toBeUndefined();
    });

    it('an update with a select', () => {
      const select = new StringSelectMenuBuilder()
        .setCustomId('races')
        .setPlaceholder('Pick')
        .setMaxValues(2)
        .addOptions({ label: 'Zerg', value: 'zerg' }, { label: 'Terran', value: 'terran', description: 'T' });
      const row = new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(select).toJSON();
      expect(callback({ type: InteractionResponseType.UpdateMessage, data: { content: 'races', components: [row] } })).toBeUndefined();
    });

    it('a modal, with an action row or a label around its text input', () => {
      const name = new TextInputBuilder().setCustomId('name').setStyle(TextInputStyle.Short).setMaxLength(20);
      const modal = new ModalBuilder()
        .setCustomId('setup')
        .setTitle('Setup')
        .addLabelComponents(new LabelBuilder().setLabel('Name').setTextInputComponent(name));
      const tag = { type: ComponentType.TextInput, custom_id: 't', label: 'Tag', style: TextInputStyle.Short };
      const legacy = { custom_id: 'tag', title: 'Tag', components: [row(tag)] };
      expect(callback({ type: InteractionResponseType.Modal, data: modal.toJSON() })).toBeUndefined();
      expect(callback({ type: InteractionResponseType.Modal, data: legacy })).toBeUndefined();
    });

    it('autocomplete choices', () => {
      const data = { choices: [{ name: 'Fighting Spirit', value: 'fs' }] };
      expect(callback({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data })).toBeUndefined();
    });

    it('command registration with options and choices, permissions given as an integer string', () => {
      const command = new SlashCommandBuilder()
        .setName('report')
        .setDescription('Report a result')
        .setDefaultMemberPermissions(PermissionFlagsBits.Administrator)
        .addStringOption((o) => o.setName('result').setDescription('Result').setRequired(true).addChoices({ name: 'Won', value: 'win' }))
        .addIntegerOption((o) => o.setName('games').setDescription('Games').setMinValue(1).setMaxValue(7).setAutocomplete(true))
        .toJSON();
      expect(command.default_member_permissions).toBe('8');
      expect(commands([command])).toBeUndefined();
    });

    it('null where the spec allows it', () => {
      expect(channelMessage({ content: 'x', embeds: [{ title: 't', author: null, color: null }], allowed_mentions: null })).toBeUndefined();
    });
  });

  describe('refuses, naming the field', () => {
    const invalid: [what: string, body: object, path: string, message: RegExp][] = [
      [
        'a button style out of range',
        reply({ components: [row(button('go', 7))] }),
        'data.components.0.components.0.style',
        /must be one of 1, 2, 3, 4, 5, 6$/,
      ],
      ['a row holding a non-component', reply({ components: [row('Accept')] }), 'data.components.0.components.0', /must be object/],
      ['a row holding a row', reply({ components: [row(row())] }), 'data.components.0.components.0.type', /must be one of 2, /],
      ['an embed title that is not a string', reply({ embeds: [{ title: 5 }] }), 'data.embeds.0.title', /must be string or null/],
      [
        'a custom id over 100 characters',
        reply({ components: [row(button('x'.repeat(101)))] }),
        'data.components.0.components.0.custom_id',
        /more than 100 characters/,
      ],
      ['an unknown callback type', { type: 3 }, 'type', /must be one of /],
      [
        'a modal without a title',
        { type: InteractionResponseType.Modal, data: { custom_id: 'm', components: [] } },
        'data.title',
        /^is required$/,
      ],
      ['a fractional integer string', reply({ content: 'x', flags: '6.4' }), 'data.flags', /must be an integer/],
      [
        'an autocomplete choice of no type',
        { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [{ name: 'a', value: {} }] } },
        'data.choices.0.value',
        /^must be integer or number or string$/,
      ],
    ];

    it.each(invalid)('%s', (_what, body, path, message) => {
      const error = callback(body);
      expect(error?.path).toBe(path);
      expect(error?.message).toMatch(message);
    });

    it('an integer string outside its field’s bounds', () => {
      const command = { name: 'go', description: 'Go', default_member_permissions: '18014398509481985' };
      expect(commands([command])).toEqual({
        path: '0.default_member_permissions',
        message: 'must be an integer from 0 to 18014398509481984',
      });
    });

    it('a body of the wrong shape altogether', () => {
      expect(commands({ name: 'go' })).toEqual({ path: '', message: 'must be array or null' });
    });
  });

  it('compiles each operation once per process', () => {
    expect(bodyValidator('post', '/interactions/{interaction_id}/{interaction_token}/callback')).toBe(callback);
  });
});
