import {
  ActionRowBuilder,
  APIEmbed,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  ModalBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { OTHER_COUNTRY } from '../static-data/domain/static-data.schemas';
import { Choice } from './domain/choice';
import { DraftLabels, SetupDraft, SetupStep } from './domain/setup-draft';
import { FieldError } from './domain/setup-validation';
import { SETUP_CANCEL, SETUP_CONFIRM, SETUP_COUNTRY, SETUP_COUNTRY_KEEP, SETUP_FORM, SETUP_REGION, SETUP_REOPEN } from './players.routes';

const EMPTY = '—';
const FIELD = { userId: 'Player name', battletag: 'BattleTag', alt1: 'Alt name 1', alt2: 'Alt name 2', country: 'Country', region: 'Region' } as const;
/** The form's limits: Discord's client sends no more, and the draft shown (and offered again) keeps to them. */
const MAX_LENGTH = { userId: 12, battletag: 25, alt1: 12, alt2: 12 } as const;
type TypedField = keyof typeof MAX_LENGTH;

export function renderSetupModal(draft: SetupDraft): ModalBuilder {
  const input = (id: TypedField, value: string, required: boolean, placeholder: string) => {
    const field = new TextInputBuilder().setCustomId(id).setLabel(FIELD[id]).setStyle(TextInputStyle.Short).setRequired(required).setMaxLength(MAX_LENGTH[id]).setPlaceholder(placeholder);
    if (value) field.setValue(clipped(id, value));
    return new ActionRowBuilder<TextInputBuilder>().addComponents(field);
  };
  const modal = new ModalBuilder().setCustomId(SETUP_FORM.build({})).setTitle('Ladder profile');
  modal.addComponents(
    input('userId', draft.userId, true, '3-12 letters A-Z'),
    input('battletag', draft.battletag, true, 'Name#1234'),
    input('alt1', draft.alt1, false, 'optional, 3-12 characters'),
    input('alt2', draft.alt2, false, 'optional, 3-12 characters'),
  );
  return modal;
}

/** The draft as embed fields: it travels with the message, so the next step works after a restart too. */
function draftEmbed(draft: SetupDraft, labels: DraftLabels): EmbedBuilder {
  const embed = new EmbedBuilder().addFields(
    { name: FIELD.userId, value: clipped('userId', draft.userId) || EMPTY, inline: true },
    { name: FIELD.battletag, value: clipped('battletag', draft.battletag) || EMPTY, inline: true },
    { name: FIELD.alt1, value: clipped('alt1', draft.alt1) || EMPTY, inline: true },
    { name: FIELD.alt2, value: clipped('alt2', draft.alt2) || EMPTY, inline: true },
  );
  if (draft.country) {
    const country = labels.country;
    // Other is a choice, not a country: its code means nothing to a player, so only it is shown without one.
    const code = draft.country === OTHER_COUNTRY ? '' : ` (${draft.country})`;
    embed.addFields({ name: FIELD.country, value: `${country?.flag ?? ''} ${country?.name ?? draft.country}${code}`.trim(), inline: true });
  }
  if (draft.region) embed.addFields({ name: FIELD.region, value: `${labels.region?.name ?? draft.region} (${draft.region})`, inline: true });
  return embed;
}

/** A value forged past the form's limit is refused by validation; what is shown of it keeps to the limit. */
function clipped(id: TypedField, value: string): string {
  return [...value].slice(0, MAX_LENGTH[id]).join('');
}

/** Reads back the draft a setup message carries. */
export function readDraft(embed: APIEmbed | undefined): SetupDraft | undefined {
  const fields = new Map((embed?.fields ?? []).map((field) => [field.name, field.value]));
  const value = (name: string) => {
    const text = fields.get(name);
    return text === undefined || text === EMPTY ? '' : text;
  };
  if (!fields.has(FIELD.userId) || !fields.has(FIELD.battletag)) return undefined;
  const code = (name: string, pattern: RegExp) => pattern.exec(fields.get(name) ?? '')?.[1];
  return {
    userId: value(FIELD.userId),
    battletag: value(FIELD.battletag),
    alt1: value(FIELD.alt1),
    alt2: value(FIELD.alt2),
    country: code(FIELD.country, /\(([A-Z]{2})\)$/) ?? (fields.has(FIELD.country) ? OTHER_COUNTRY : undefined),
    region: code(FIELD.region, /\(([A-Z]{3})\)$/),
  };
}

/** The message for one setup step; the draft always travels in its embed. */
export function renderSetupStep(step: SetupStep) {
  switch (step.step) {
    case 'errors':
      return renderErrors(step.draft, step.labels, step.errors);
    case 'country':
      return renderCountryStep(step.draft, step.labels, step.countries);
    case 'region':
      return renderRegionStep(step.draft, step.labels, step.regions);
    case 'preview':
      return renderPreview(step.draft, step.labels, step.rev, step.outdated ?? false);
    case 'done':
      return {
        embeds: [draftEmbed(step.draft, step.labels).setTitle('Setup complete').setDescription('Your ladder profile is saved. See it with /profile.')],
        components: [],
      };
  }
}

function renderErrors(draft: SetupDraft, labels: DraftLabels, errors: readonly FieldError[]) {
  return {
    embeds: [
      draftEmbed(draft, labels)
        .setTitle('Setup: please fix these fields')
        .setDescription(errors.map((error) => `**${error.field}** ${error.message}`).join('\n')),
    ],
    components: [
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId(SETUP_REOPEN.build({})).setLabel('Try again').setStyle(ButtonStyle.Primary),
        new ButtonBuilder().setCustomId(SETUP_CANCEL.build({})).setLabel('Cancel').setStyle(ButtonStyle.Secondary),
      ),
    ],
  };
}

/** The common countries in selects of 25 (Discord's limit), and a way to keep a country set before. */
function renderCountryStep(draft: SetupDraft, labels: DraftLabels, countries: readonly Choice[]) {
  const halves = [countries.slice(0, 25), countries.slice(25, 50)].filter((half) => half.length > 0);
  const selects = halves.map((half, index) =>
    new ActionRowBuilder<StringSelectMenuBuilder | ButtonBuilder>().addComponents(
      new StringSelectMenuBuilder()
        .setCustomId(SETUP_COUNTRY.build({ part: String(index + 1) }))
        .setPlaceholder(`Countries: ${half[0].name} to ${half[half.length - 1].name}`)
        .addOptions(half.map((country) => ({ label: country.name, value: country.code, emoji: country.flag }))),
    ),
  );
  const keep = labels.country
    ? [
        new ActionRowBuilder<StringSelectMenuBuilder | ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId(SETUP_COUNTRY_KEEP.build({})).setLabel(`Keep ${labels.country.name}`).setStyle(ButtonStyle.Secondary),
        ),
      ]
    : [];
  const embed = draftEmbed(draft, labels)
    .setTitle('Setup: your country')
    .setDescription('Pick the country you represent. Not listed? Pick Other, then use /setcountry after setup.');
  return { embeds: [embed], components: [...selects, ...keep] };
}

function renderRegionStep(draft: SetupDraft, labels: DraftLabels, regions: readonly Choice[]) {
  return {
    embeds: [draftEmbed(draft, labels).setTitle('Setup: your region').setDescription('Where do you live? It decides the game server of your matches.')],
    components: [
      new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
        new StringSelectMenuBuilder()
          .setCustomId(SETUP_REGION.build({}))
          .setPlaceholder('Residential region')
          .addOptions(regions.map((region) => ({ label: region.name, value: region.code, description: region.code }))),
      ),
    ],
  };
}

function renderPreview(draft: SetupDraft, labels: DraftLabels, rev: number, outdated: boolean) {
  const embed = draftEmbed(draft, labels).setTitle('Setup: check and confirm');
  if (outdated) embed.setDescription('Your profile changed since this preview, so nothing was saved. Check it against your profile as it is now, then confirm again.');
  return {
    embeds: [embed],
    components: [
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId(SETUP_CONFIRM.build({ rev: String(rev) })).setLabel('Confirm').setStyle(ButtonStyle.Success),
        new ButtonBuilder().setCustomId(SETUP_REOPEN.build({})).setLabel('Restart').setStyle(ButtonStyle.Secondary),
        new ButtonBuilder().setCustomId(SETUP_CANCEL.build({})).setLabel('Cancel').setStyle(ButtonStyle.Danger),
      ),
    ],
  };
}

export function renderSetupCancelled() {
  return { embeds: [new EmbedBuilder().setTitle('Setup cancelled').setDescription('Nothing was saved.')], components: [] };
}
