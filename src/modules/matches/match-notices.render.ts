import { EmbedBuilder } from 'discord.js';

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
