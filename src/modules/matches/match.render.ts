import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder } from 'discord.js';
import { MATCH_ABORT, MATCH_ABORT_BACK, MATCH_ABORT_CONFIRM, MATCH_CONFIRM } from './match.routes';
import { MatchSideView, MatchView } from './match-view';

const unix = (date: Date) => Math.floor(date.getTime() / 1000);
const GREEN = 0x3ba55c;
const GREY = 0x80848e;

/** A player's match DM at every step: found (Confirm / Abort), the match card, or how it ended. */
export function renderMatch(view: MatchView) {
  switch (view.kind) {
    case 'found':
      return renderFound(view);
    case 'card':
      return renderCard(view);
    case 'aborted':
      return {
        embeds: [
          new EmbedBuilder()
            .setColor(GREY)
            .setTitle(`Match #${view.matchId} aborted`)
            .setDescription(
              view.byYou
                ? `You aborted it; ${view.abortsLeft} abort${view.abortsLeft === 1 ? '' : 's'} left this month. You can /queue again.`
                : `${view.abortedBy} aborted it. Nothing was charged to you: you can /queue again.`,
            ),
        ],
        components: [],
      };
    case 'timed_out':
      return {
        embeds: [
          new EmbedBuilder()
            .setColor(GREY)
            .setTitle(`Match #${view.matchId} abandoned`)
            .setDescription(`Not confirmed in time by ${view.missing.join(' and ')}. Nobody was charged an abort, and ratings do not move: you can /queue again.`),
        ],
        components: [],
      };
  }
}

function renderFound(view: Extract<MatchView, { kind: 'found' }>) {
  const { you, opponent } = view;
  const waiting = [
    view.youConfirmed ? 'You confirmed.' : `Confirm by <t:${unix(view.confirmBy)}:R>.`,
    view.opponentConfirmed ? `${opponent.name} confirmed.` : `Waiting for ${opponent.name} to confirm.`,
  ].join(' ');
  const embed = new EmbedBuilder()
    .setColor(GREEN)
    .setTitle(`Match found: #${view.matchId}`)
    .setDescription([view.note, `You play **${you.race}** (${you.rating}) against **${opponent.name}** ${opponent.country}, **${opponent.race}** (${opponent.rating}).`].filter(Boolean).join('\n'))
    .addFields(
      { name: 'Map', value: view.map.name, inline: true },
      { name: 'Server', value: `${view.server.name} (${view.server.code}): about ${Math.round(you.rttMs)} ms for you, ${Math.round(opponent.rttMs)} ms for ${opponent.name}`, inline: true },
      { name: 'Confirm', value: waiting },
    );
  const matchId = String(view.matchId);
  const abortLabel = `Abort (${view.abortsLeft} of ${view.abortsPerMonth} left this month)`;
  const buttons = view.confirmingAbort
    ? [
        new ButtonBuilder().setCustomId(MATCH_ABORT_CONFIRM.build({ matchId })).setLabel('Confirm abort').setStyle(ButtonStyle.Danger),
        new ButtonBuilder().setCustomId(MATCH_ABORT_BACK.build({ matchId })).setLabel('Back').setStyle(ButtonStyle.Secondary),
      ]
    : [
        new ButtonBuilder().setCustomId(MATCH_CONFIRM.build({ matchId })).setLabel(view.youConfirmed ? 'Confirmed' : 'Confirm').setStyle(ButtonStyle.Success).setDisabled(view.youConfirmed),
        new ButtonBuilder().setCustomId(MATCH_ABORT.build({ matchId })).setLabel(abortLabel).setStyle(ButtonStyle.Danger).setDisabled(view.abortsLeft === 0),
      ];
  return { embeds: [embed], components: [new ActionRowBuilder<ButtonBuilder>().addComponents(buttons)] };
}

function renderCard(view: Extract<MatchView, { kind: 'card' }>) {
  const player = (side: MatchSideView) =>
    [`**${side.name}** ${side.country}`, `${side.race} (${side.rating})`, `BattleTag: ${side.battletag ?? 'none'}`, side.alts.length > 0 ? `Alts: ${side.alts.join(', ')}` : undefined]
      .filter(Boolean)
      .join('\n');
  const map = view.map.link ? `${view.map.name}\n${view.map.link}` : view.map.name;
  const lobby = ['Locked alliances: yes', 'Privacy: normal', 'Speed: faster', 'Duration: infinite', `Channel: ${view.lobbyChannel}`].join('\n');
  const embed = new EmbedBuilder()
    .setColor(GREEN)
    .setTitle(`Match #${view.matchId}: both confirmed, play!`)
    .addFields(
      { name: 'Brood War', value: player(view.bw), inline: true },
      { name: 'StarCraft II', value: player(view.sc2), inline: true },
      { name: 'Map', value: map },
      { name: 'Server', value: `${view.server.name} (${view.server.code}): about ${Math.round(view.bw.rttMs)} ms for ${view.bw.name}, ${Math.round(view.sc2.rttMs)} ms for ${view.sc2.name}` },
      { name: 'Lobby', value: lobby },
    );
  if (view.reportBy) embed.setFooter({ text: 'Report the result once you have played.' });
  return { embeds: [embed], components: [] };
}
