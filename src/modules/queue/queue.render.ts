import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, StringSelectMenuBuilder } from 'discord.js';
import { MAX_VETOES, NO_RACE } from './domain/queue-selection';
import { listFingerprint } from '../../common/routing/list-fingerprint';
import { encodeVetoes } from './domain/veto-token';
import { QUEUE_BW, QUEUE_CANCEL, QUEUE_CLEAR, QUEUE_JOIN, QUEUE_LEAVE, QUEUE_SC2, QUEUE_VETOES } from './queue.routes';
import { Named, QueueView } from './queue-view';

const unix = (date: Date) => Math.floor(date.getTime() / 1000);

export function renderQueue(view: QueueView) {
  if (view.kind === 'choosing') return renderChoosing(view);
  if (view.kind === 'searching') return renderSearching(view);
  const match = view.matchId === null ? 'a match' : `match #${view.matchId}`;
  const since = view.since ? `, found <t:${unix(view.since)}:R>` : '';
  return { embeds: [new EmbedBuilder().setTitle('In a match').setDescription(`You are in ${match}${since}: see your DMs.`)], components: [] };
}

export function renderQueueClosed() {
  return { embeds: [new EmbedBuilder().setTitle('Queue').setDescription('Closed: nothing was changed. Use /queue to open it again.')], components: [] };
}

function renderChoosing(view: Extract<QueueView, { kind: 'choosing' }>) {
  const { selection } = view;
  const codes = view.pool.map((map) => map.code);
  const carried = { bw: selection.bw ?? NO_RACE, sc2: selection.sc2 ?? NO_RACE, vetoes: encodeVetoes(selection.vetoes, codes), pool: listFingerprint(codes) };
  const nameOf = (list: Named[], code: string | undefined) => list.find((item) => item.code === code)?.name ?? 'none';
  const chosen = [
    `Brood War: **${nameOf(view.bwRaces, selection.bw)}**`,
    `StarCraft II: **${nameOf(view.sc2Races, selection.sc2)}**`,
    `Vetoed: ${selection.vetoes.length === 0 ? 'none' : selection.vetoes.map((code) => nameOf(view.pool, code)).join(', ')}`,
  ].join('\n');
  const intro = `Choose a race for one game or both (with both, you may be matched on either side) and up to ${MAX_VETOES} maps to veto, then Join.`;
  const embed = new EmbedBuilder()
    .setTitle('Queue')
    .setDescription([view.note, intro, chosen].filter(Boolean).join('\n\n'));
  const raceSelect = (customId: string, placeholder: string, races: Named[], current: string | undefined) =>
    new StringSelectMenuBuilder()
      .setCustomId(customId)
      .setPlaceholder(placeholder)
      .setMinValues(0)
      .setMaxValues(1)
      .addOptions(races.map((race) => ({ label: race.name, value: race.code, default: race.code === current })));
  return {
    embeds: [embed],
    components: [
      new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
        raceSelect(QUEUE_BW.build({ sc2: carried.sc2, vetoes: carried.vetoes, pool: carried.pool }), 'Brood War race (none)', view.bwRaces, selection.bw),
      ),
      new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
        raceSelect(QUEUE_SC2.build({ bw: carried.bw, vetoes: carried.vetoes, pool: carried.pool }), 'StarCraft II race (none)', view.sc2Races, selection.sc2),
      ),
      new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
        new StringSelectMenuBuilder()
          .setCustomId(QUEUE_VETOES.build({ bw: carried.bw, sc2: carried.sc2 }))
          .setPlaceholder(`Maps to veto (up to ${MAX_VETOES})`)
          .setMinValues(0)
          .setMaxValues(Math.min(MAX_VETOES, view.pool.length))
          .addOptions(view.pool.map((map) => ({ label: map.name, value: map.code, default: selection.vetoes.includes(map.code) }))),
      ),
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId(QUEUE_JOIN.build({ version: String(view.version), ...carried })).setLabel('Join').setStyle(ButtonStyle.Success),
        new ButtonBuilder().setCustomId(QUEUE_CLEAR.build({})).setLabel('Clear').setStyle(ButtonStyle.Secondary),
        new ButtonBuilder().setCustomId(QUEUE_CANCEL.build({})).setLabel('Cancel').setStyle(ButtonStyle.Secondary),
      ),
    ],
  };
}

function renderSearching(view: Extract<QueueView, { kind: 'searching' }>) {
  const lines = [
    view.note,
    `Searching since <t:${unix(view.since)}:R> as ${view.races.map((race) => `**${race.name}** (${race.rating})`).join(' and ')}.`,
    `Vetoed: ${view.vetoes.length === 0 ? 'none' : view.vetoes.join(', ')}.`,
    `Matches are made every ${view.waveSeconds} seconds; you will get a DM when yours is found.`,
    `In the queue when you last clicked: ${view.population.bw} Brood War, ${view.population.sc2} StarCraft II.`,
  ];
  return {
    embeds: [new EmbedBuilder().setTitle('Searching for a match').setDescription(lines.filter(Boolean).join('\n'))],
    components: [new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId(QUEUE_LEAVE.build({})).setLabel('Leave').setStyle(ButtonStyle.Danger))],
  };
}
