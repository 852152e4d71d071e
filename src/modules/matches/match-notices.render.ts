import { EmbedBuilder } from 'discord.js';
import { MatchView } from './match-view';

/** In the ladder channel when the DM could not be delivered: a mention, nothing private. */
export function renderClosedDms(discordId: string) {
  return {
    content: `<@${discordId}>, the ladder has a message for you about your match, but your DMs are closed. Allow direct messages from this server's members so it can reach you.`,
    allowedMentions: { users: [discordId] },
  };
}

/** The player's searching message, when it can still be edited. */
export function renderMatchFoundPointer(matchId: number) {
  return {
    embeds: [new EmbedBuilder().setColor(0x3ba55c).setTitle('Match found').setDescription(`Your match #${matchId} is ready: see your DMs.`)],
    components: [],
  };
}

/** One line for the admin log (and, for results, optionally the ladder channel): nothing private. */
export function renderAdminNotice(view: MatchView, player1: string, player2: string) {
  const between = `Match #${view.matchId} (${player1} v ${player2})`;
  if (view.kind === 'completed') {
    const ratings = view.ratings.map((rating) => `${rating.name} ${rating.race} ${rating.before} -> ${rating.after}`).join(', ');
    return { content: `${between}: ${view.outcome} ${ratings}${view.decidedBy === 'deadline' ? ' (a lone report stood at the deadline)' : ''}`, allowedMentions: { parse: [] } };
  }
  if (view.kind === 'conflict') return { content: `${between}: the reports conflict; it waits for an admin's resolution.`, allowedMentions: { parse: [] } };
  return { content: `${between}: cancelled, nobody reported by the deadline.`, allowedMentions: { parse: [] } };
}
