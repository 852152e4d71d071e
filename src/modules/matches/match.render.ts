import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder } from 'discord.js';
import { Report } from './domain/reports';
import { MATCH_ABORT, MATCH_ABORT_BACK, MATCH_ABORT_CONFIRM, MATCH_CONFIRM, REPORT_BACK, REPORT_CHOOSE, REPORT_CONFIRM } from './match.routes';
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
    case 'completed':
      return {
        embeds: [
          new EmbedBuilder()
            .setColor(GREEN)
            .setTitle(`Match #${view.matchId}: result`)
            .setDescription(
              [
                `${view.outcome}${DECIDED_BY[view.decidedBy]}`,
                ...view.ratings.map((rating) => `${rating.name}, ${rating.race}: ${rating.before} -> ${rating.after} (${signed(rating.after - rating.before)})`),
              ].join('\n'),
            ),
        ],
        components: [],
      };
    case 'conflict':
      return {
        embeds: [
          new EmbedBuilder()
            .setColor(0xf0b232)
            .setTitle(`Match #${view.matchId}: the reports conflict`)
            .setDescription(
              `You reported ${reportText(view.yourReport)}, ${view.opponent} reported ${reportText(view.theirReport)}. An admin will resolve it; ratings do not move until then. You can /queue again.`,
            ),
        ],
        components: [],
      };
    case 'cancelled':
      return {
        embeds: [
          new EmbedBuilder()
            .setColor(GREY)
            .setTitle(`Match #${view.matchId} cancelled`)
            .setDescription(view.byAdmin ? 'An admin cancelled it: it counts for nobody, and ratings are as if it was never played.' : 'Nobody reported a result by the deadline. Ratings do not move; you can /queue again.'),
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
    [`**${side.name}** ${side.country}`, `${side.race} (${side.rating}, ${side.rank})`, `BattleTag: ${side.battletag ?? 'none'}`, side.alts.length > 0 ? `Alts: ${side.alts.join(', ')}` : undefined]
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
  const matchId = String(view.matchId);
  const status = [
    view.note,
    view.yourReport ? `You reported ${reportText(view.yourReport)}; you can change it until the match completes.` : 'Report the result once you have played.',
    view.opponentReported ? `${view.opponent} has reported.` : `${view.opponent} has not reported yet.`,
    view.reportBy ? `Reports close <t:${Math.floor(view.reportBy.getTime() / 1000)}:R>; a lone report then stands.` : undefined,
  ];
  embed.addFields({ name: 'Report', value: status.filter(Boolean).join('\n') });
  const rev = String(view.reportRev);
  const buttons = view.choosing
    ? [
        new ButtonBuilder().setCustomId(REPORT_CONFIRM.build({ matchId, result: view.choosing, rev })).setLabel(`Confirm: ${REPORT_LABELS[view.choosing]}`).setStyle(ButtonStyle.Success),
        new ButtonBuilder().setCustomId(REPORT_BACK.build({ matchId })).setLabel('Back').setStyle(ButtonStyle.Secondary),
      ]
    : (['won', 'lost', 'draw'] as const).map((report) =>
        new ButtonBuilder()
          .setCustomId(REPORT_CHOOSE.build({ matchId, result: report }))
          .setLabel(REPORT_LABELS[report])
          .setStyle(report === view.yourReport ? ButtonStyle.Primary : ButtonStyle.Secondary),
      );
  return { embeds: [embed], components: [new ActionRowBuilder<ButtonBuilder>().addComponents(buttons)] };
}

const DECIDED_BY = { reports: '', deadline: ' (the one report stood at the deadline)', admin: ' (decided by an admin)' };

const REPORT_LABELS: Record<Report, string> = { won: 'I won', lost: 'I lost', draw: 'Draw' };

function reportText(report: Report | null): string {
  return report ? `"${REPORT_LABELS[report]}"` : 'nothing';
}

function signed(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}
