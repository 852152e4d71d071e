import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, escapeMarkdown, ModalBuilder, StringSelectMenuBuilder, TextInputBuilder, TextInputStyle } from 'discord.js';
import { Choice } from '../players/domain/choice';
import { encodeFilter } from './domain/leaderboard-filter';
import { LETTERS, RANKED_DAYS } from './domain/ranks';
import {
  LEADERBOARD_BEST_RACE,
  LEADERBOARD_COUNTRIES,
  LEADERBOARD_GO_TO,
  LEADERBOARD_NEXT,
  LEADERBOARD_PAGE_FORM,
  LEADERBOARD_PREVIOUS,
  LEADERBOARD_RANKS,
  LEADERBOARD_RACES,
} from './leaderboard.routes';
import { COUNTRIES_PER_SELECT, LeaderboardLine, LeaderboardView } from './leaderboard-view';

const LETTER_SHARES = { S: 'top 1%', A: 'next 7%', B: 'next 21%', C: 'next 21%', D: 'next 21%', E: 'next 21%', F: 'last 8%' };

/** The leaderboard page with its five rows of controls, each carrying the page and the filters. */
export function renderLeaderboard(view: LeaderboardView) {
  const token = encodeFilter(view.filter, view.lists);
  const page = String(view.page);
  const embed = new EmbedBuilder()
    .setColor(0x5865f2)
    .setTitle('Leaderboard')
    .setDescription([view.note, view.lines.length > 0 ? view.lines.map(line).join('\n') : emptyText(view)].filter(Boolean).join('\n\n'))
    .setFooter({ text: footer(view) });
  const filters = describeFilters(view);
  if (filters) embed.addFields({ name: 'Filters', value: filters });

  const races = new StringSelectMenuBuilder()
    .setCustomId(LEADERBOARD_RACES.build(token))
    .setPlaceholder('Races: all')
    .setMinValues(0)
    .setMaxValues(view.races.length)
    .addOptions(view.races.map((race) => ({ label: race.name, value: race.code, default: view.filter.races.includes(race.code) })));
  const ranks = new StringSelectMenuBuilder()
    .setCustomId(LEADERBOARD_RANKS.build(token))
    .setPlaceholder('Ranks: all')
    .setMinValues(0)
    .setMaxValues(LETTERS.length)
    .addOptions(LETTERS.map((letter) => ({ label: `Rank ${letter}`, value: letter, description: LETTER_SHARES[letter], default: view.filter.letters.includes(letter) })));
  const countrySelects = ([1, 2] as const).map((part) => {
    const offered = view.countries.slice((part - 1) * COUNTRIES_PER_SELECT, part * COUNTRIES_PER_SELECT);
    return new StringSelectMenuBuilder()
      .setCustomId(LEADERBOARD_COUNTRIES.build({ part: String(part), ...token }))
      .setPlaceholder(`Countries: ${offered[0].name} to ${offered[offered.length - 1].name}`)
      .setMinValues(0)
      .setMaxValues(offered.length)
      .addOptions(offered.map((country) => countryOption(country, view.filter.countries.includes(country.code))));
  });
  const buttons = [
    new ButtonBuilder().setCustomId(LEADERBOARD_PREVIOUS.build({ page, ...token })).setLabel('Previous').setStyle(ButtonStyle.Secondary).setDisabled(view.page <= 1),
    new ButtonBuilder().setCustomId(LEADERBOARD_NEXT.build({ page, ...token })).setLabel('Next').setStyle(ButtonStyle.Secondary).setDisabled(view.page >= view.pages),
    new ButtonBuilder().setCustomId(LEADERBOARD_GO_TO.build(token)).setLabel('Go to page').setStyle(ButtonStyle.Secondary).setDisabled(view.pages <= 1),
    new ButtonBuilder()
      .setCustomId(LEADERBOARD_BEST_RACE.build(token))
      .setLabel(view.filter.bestRaceOnly ? 'Best race only: on' : 'Best race only: off')
      .setStyle(view.filter.bestRaceOnly ? ButtonStyle.Primary : ButtonStyle.Secondary),
  ];
  return {
    embeds: [embed],
    components: [
      new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(races),
      new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(ranks),
      ...countrySelects.map((select) => new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(select)),
      new ActionRowBuilder<ButtonBuilder>().addComponents(buttons),
    ],
  };
}

/** Go to page: the first and last pages are 1 and the count shown. */
export function renderPageForm(view: LeaderboardView) {
  const input = new TextInputBuilder()
    .setCustomId('page')
    .setLabel('Page')
    .setStyle(TextInputStyle.Short)
    .setRequired(true)
    .setMaxLength(4)
    .setPlaceholder(`1 to ${view.pages}`);
  return new ModalBuilder()
    .setCustomId(LEADERBOARD_PAGE_FORM.build(encodeFilter(view.filter, view.lists)))
    .setTitle(`Go to page (1 to ${view.pages})`)
    .addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input));
}

function line(entry: LeaderboardLine): string {
  const name = entry.flag ? `${entry.flag} ${escapeMarkdown(entry.name)}` : escapeMarkdown(entry.name);
  return `\`#${entry.position}\` **${entry.letter}** ${name} · ${entry.race} · ${entry.rating} · ${entry.wins}-${entry.losses}`;
}

function emptyText(view: LeaderboardView): string {
  return view.ranked === 0
    ? `Nobody is ranked yet: a rating is ranked once it has a game in the last ${RANKED_DAYS} days.`
    : 'No ranked rating matches these filters.';
}

function footer(view: LeaderboardView): string {
  const of = view.matched === view.ranked ? `${view.ranked} ranked` : `${view.matched} of ${view.ranked} ranked`;
  return `Page ${view.page} of ${view.pages} · ${of} · positions and ranks are across all races · W-L`;
}

function describeFilters(view: LeaderboardView): string | undefined {
  const name = (choices: Choice[], code: string) => choices.find((choice) => choice.code === code)?.name ?? code;
  const parts = [
    view.filter.races.length > 0 ? view.filter.races.map((code) => name(view.races, code)).join(', ') : undefined,
    view.filter.letters.length > 0 ? `rank ${view.filter.letters.join(', ')}` : undefined,
    view.filter.countries.length > 0 ? view.filter.countries.map((code) => name(view.countries, code)).join(', ') : undefined,
    view.filter.bestRaceOnly ? "each player's best race only" : undefined,
  ];
  return parts.filter(Boolean).join(' · ') || undefined;
}

function countryOption(country: Choice, chosen: boolean) {
  return { label: country.name, value: country.code, default: chosen, ...(country.flag ? { emoji: country.flag } : {}) };
}
