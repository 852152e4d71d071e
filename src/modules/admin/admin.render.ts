import { ActionRowBuilder, APIEmbed, ButtonBuilder, ButtonStyle, EmbedBuilder, escapeMarkdown, MessageCreateOptions, time, TimestampStyles } from 'discord.js';
import { PlayerIdentity } from '../players/players.repository';
import { Tally, Verdict } from './domain/resolution';
import { ADMIN_CANCEL, ADMIN_RESOLVE } from './admin.routes';
import { AdminPlayerView } from './admin-lookups.service';
import { AdminMatchView, AdminOutcome, AdminPreview, ResolutionOutcome, ResolutionPreview } from './admin-view';

const RED = 0xed4245;
const GREEN = 0x3ba55c;
/** The preview's field that carries the reason to the Confirm. */
const REASON_FIELD = 'Reason';

export function verdictText(view: AdminMatchView, verdict: Verdict): string {
  if (verdict === 'player_1') return `${view.player1.name} wins`;
  if (verdict === 'player_2') return `${view.player2.name} wins`;
  return verdict === 'draw' ? 'a draw' : 'cancelled: no game for anyone';
}

/** /admin player: the profile as players see it, then what only admins see. */
export function renderPlayerLookup(view: AdminPlayerView) {
  const { player, history } = view;
  const state =
    player.activity === 'in_match' ? `in match #${player.currentMatchId}` : player.activity === 'queued' ? 'queued' : 'idle';
  const since = player.activityAt && player.activity !== 'idle' ? ` since ${time(player.activityAt, TimestampStyles.RelativeTime)}` : '';
  const recent = history.rows.slice(0, 5).map((row) => `#${row.matchId} ${row.outcome} · ${row.race} v ${escapeMarkdown(row.opponent)} (${row.opponentRace}) · ${signed(row.change)}`);
  const admin = new EmbedBuilder().setTitle('Admin view').addFields(
    { name: 'Discord', value: `<@${player.discordId}> · ${player.discordId}` },
    { name: 'State', value: `${state}${since}${player.banned ? ' · banned' : ''}` },
    { name: 'Aborts', value: `${view.abortsLeft} of ${view.abortsPerMonth} left this month` },
    { name: `Recent matches (${history.total})`, value: recent.join('\n') || 'none' },
  );
  return { embeds: [view.profile, admin.toJSON()], allowedMentions: { parse: [] } };
}

/** /admin match: the whole row, names looked up. */
export function renderMatchLookup(view: AdminMatchView) {
  const { match } = view;
  const at = (date: Date | null) => (date ? time(date, TimestampStyles.ShortDateTime) : '—');
  const side = (which: 1 | 2) => {
    const player = which === 1 ? view.player1 : view.player2;
    const [confirmed, report, change] =
      which === 1 ? [match.player1ConfirmedAt, match.player1Report, match.player1RatingChange] : [match.player2ConfirmedAt, match.player2Report, match.player2RatingChange];
    return [
      `**${escapeMarkdown(player.name)}**${player.discordId ? ` (<@${player.discordId}>)` : ''}`,
      `${player.race}, ${player.ratingAtCreation} at creation`,
      `Confirmed: ${at(confirmed)}`,
      `Report: ${report ?? '—'}`,
      `Change applied: ${signed(change)}`,
    ].join('\n');
  };
  const embed = new EmbedBuilder()
    .setTitle(`Match #${match.id}: ${match.status.replace('_', ' ')}${match.result ? ` (${match.result.replace('_', ' ')})` : ''}`)
    .addFields(
      { name: 'Player 1 (Brood War)', value: side(1), inline: true },
      { name: 'Player 2 (StarCraft II)', value: side(2), inline: true },
      { name: 'Map and server', value: `${view.map} · ${view.server}` },
      {
        name: 'Times',
        value: [`Created ${at(match.createdAt)}`, `Confirm by ${at(match.confirmDeadline)}`, `Reports by ${at(match.reportDeadline)}`, `Completed ${at(match.completedAt)}`].join('\n'),
      },
    );
  if (match.resolvedBy) embed.addFields({ name: 'Resolved by', value: `<@${match.resolvedBy}>` });
  return { embeds: [embed], allowedMentions: { parse: [] } };
}

/** The preview: what the verdict decides and moves, the reason, and Confirm / Cancel. */
export function renderResolutionPreview(preview: ResolutionPreview) {
  const line = (name: string, atCreation: number, tally: { target: Tally; delta: Tally }) =>
    `${escapeMarkdown(name)}: ${atCreation} at creation, this match ${signed(tally.target.change)} (applies ${signed(tally.delta.change)} now, games ${signed(tally.delta.played)})`;
  const embed = new EmbedBuilder()
    .setColor(RED)
    .setTitle(`Resolve match #${preview.match.id}: ${verdictText(preview, preview.verdict)}?`)
    .setDescription(
      [
        `Now: ${preview.match.status.replace('_', ' ')}${preview.match.result ? ` (${preview.match.result.replace('_', ' ')})` : ''}.`,
        line(preview.player1.name, preview.player1.ratingAtCreation, preview.resolution.player1),
        line(preview.player2.name, preview.player2.ratingAtCreation, preview.resolution.player2),
        preview.previewed.status === 'confirmed' ? 'Both players are freed from the match.' : undefined,
      ]
        .filter(Boolean)
        .join('\n'),
    )
    .addFields({ name: REASON_FIELD, value: preview.reason });
  const confirm = ADMIN_RESOLVE.build({
    matchId: String(preview.match.id),
    verdict: preview.verdict,
    status: preview.previewed.status,
    result: preview.previewed.result ?? 'none',
    revs: String(preview.previewed.reportRevs),
  });
  return {
    embeds: [embed],
    components: [
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId(confirm).setLabel('Confirm').setStyle(ButtonStyle.Danger),
        new ButtonBuilder().setCustomId(ADMIN_CANCEL.build({})).setLabel('Cancel').setStyle(ButtonStyle.Secondary),
      ),
    ],
    allowedMentions: { parse: [] },
  };
}

/** The reason a preview carries, for its Confirm. */
export function reasonOf(embed: APIEmbed | undefined): string | undefined {
  return embed?.fields?.find((field) => field.name === REASON_FIELD)?.value;
}

export function renderResolutionOutcome(outcome: ResolutionOutcome) {
  const { view } = outcome;
  const embed = new EmbedBuilder();
  if (outcome.kind === 'applied') {
    embed
      .setColor(GREEN)
      .setTitle(`Match #${view.match.id} resolved: ${verdictText(view, outcome.verdict)}`)
      .setDescription(outcome.ratings.map((rating) => `${escapeMarkdown(rating.name)}, ${rating.race}: now ${rating.mmr}`).join('\n') || 'No rating moved.');
  } else if (outcome.kind === 'repeat') {
    embed.setTitle(`Match #${view.match.id}: already resolved by this Confirm`).setDescription('Nothing more was applied.');
  } else {
    embed
      .setTitle(`Match #${view.match.id} changed since this preview`)
      .setDescription(`It is now ${view.match.status.replace('_', ' ')}${view.match.result ? ` (${view.match.result.replace('_', ' ')})` : ''}. Nothing was applied: run /admin resolve again.`);
  }
  return { embeds: [embed], components: [], allowedMentions: { parse: [] } };
}

/** The DM each player gets. */
export function renderResolutionNotice(view: AdminMatchView, verdict: Verdict, reason: string): MessageCreateOptions {
  return {
    embeds: [
      new EmbedBuilder()
        .setTitle(`Match #${view.match.id} resolved by an admin`)
        .setDescription(`${verdictText(view, verdict)}.`)
        .addFields({ name: REASON_FIELD, value: reason }),
    ],
    allowedMentions: { parse: [] },
  };
}

/** The admin channel's line. */
export function renderResolutionLine(view: AdminMatchView, verdict: Verdict, reason: string, admin: PlayerIdentity): MessageCreateOptions {
  return {
    content: `<@${admin.discordId}> resolved match #${view.match.id} (${escapeMarkdown(view.player1.name)} v ${escapeMarkdown(view.player2.name)}): ${verdictText(view, verdict)}. Reason: ${reason}`,
    allowedMentions: { parse: [] },
  };
}

/** Any other action's preview, with its reason in the embed for the Confirm to read. */
export function renderAdminPreview(preview: AdminPreview) {
  const embed = new EmbedBuilder().setColor(RED).setTitle(preview.title).addFields({ name: REASON_FIELD, value: preview.reason });
  if (preview.lines.length > 0) embed.setDescription(preview.lines.join('\n'));
  return {
    embeds: [embed],
    components: [
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId(preview.confirm).setLabel('Confirm').setStyle(ButtonStyle.Danger),
        new ButtonBuilder().setCustomId(ADMIN_CANCEL.build({})).setLabel('Cancel').setStyle(ButtonStyle.Secondary),
      ),
    ],
    allowedMentions: { parse: [] },
  };
}

export function renderAdminOutcome(outcome: AdminOutcome) {
  const embed = new EmbedBuilder().setColor(outcome.kind === 'applied' ? GREEN : RED).setTitle(outcome.title);
  if (outcome.lines.length > 0) embed.setDescription(outcome.lines.join('\n'));
  return { embeds: [embed], components: [], allowedMentions: { parse: [] } };
}

export function renderAdminCancelled() {
  return { embeds: [new EmbedBuilder().setTitle('Cancelled').setDescription('Nothing was changed.')], components: [] };
}

/** A DM or admin-channel notice of an admin action: what happened and why. */
export function renderAdminNotice(title: string, lines: string[], reason: string): MessageCreateOptions {
  return { embeds: [new EmbedBuilder().setTitle(title).setDescription(lines.join('\n') || null).addFields({ name: REASON_FIELD, value: reason })], allowedMentions: { parse: [] } };
}

function signed(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}
