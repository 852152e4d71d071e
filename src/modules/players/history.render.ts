import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, time, TimestampStyles } from 'discord.js';
import { HISTORY_PAGE } from './players.routes';
import { HistoryPage } from './profile-views';

const OUTCOME = { won: 'W', lost: 'L', draw: 'D' } as const;
const signed = (value: number) => (value > 0 ? `+${value}` : String(value));

export function renderHistory(history: HistoryPage) {
  const lines = history.rows.map(
    (row) =>
      `${time(row.completedAt, TimestampStyles.ShortDate)} **${OUTCOME[row.outcome]}** ${row.race} v ${row.opponent} (${row.opponentRace}) on ${row.map}, ${signed(row.change)} (#${row.matchId})`,
  );
  const embed = new EmbedBuilder()
    .setTitle(`${history.name}: match history`)
    .setDescription(lines.join('\n') || 'No completed matches yet.')
    .setFooter({ text: `Page ${history.page} of ${history.pages} · ${history.total} match${history.total === 1 ? '' : 'es'}` });
  const page = (to: number, label: string) =>
    new ButtonBuilder()
      .setCustomId(HISTORY_PAGE.build({ discordId: history.discordId, page: String(Math.max(1, to)) }))
      .setLabel(label)
      .setStyle(ButtonStyle.Secondary);
  if (history.pages === 1) return { embeds: [embed], components: [] };
  return {
    embeds: [embed],
    components: [new ActionRowBuilder<ButtonBuilder>().addComponents(page(history.page - 1, 'Newer').setDisabled(history.page === 1), page(history.page + 1, 'Older').setDisabled(history.page === history.pages))],
  };
}
