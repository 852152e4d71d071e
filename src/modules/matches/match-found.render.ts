import { EmbedBuilder } from 'discord.js';

export interface MatchFoundSide {
  name: string;
  race: string;
  rating: number;
  /** Flag emoji and country name. */
  country: string;
  /** Estimated round trip to the server, in ms. */
  rttMs: number;
}

/** One player's view of a new match: themselves, their opponent, the map, the server and the deadline. */
export interface MatchFoundView {
  matchId: number;
  you: MatchFoundSide;
  opponent: MatchFoundSide;
  map: string;
  server: { code: string; name: string };
  confirmBy: Date;
}

const unix = (date: Date) => Math.floor(date.getTime() / 1000);

export function renderMatchFound(view: MatchFoundView) {
  const { you, opponent } = view;
  const embed = new EmbedBuilder()
    .setColor(0x3ba55c)
    .setTitle(`Match found: #${view.matchId}`)
    .setDescription(`You play **${you.race}** (${you.rating}) against **${opponent.name}** ${opponent.country}, **${opponent.race}** (${opponent.rating}).`)
    .addFields(
      { name: 'Map', value: view.map, inline: true },
      {
        name: 'Server',
        value: `${view.server.name} (${view.server.code}): about ${Math.round(you.rttMs)} ms for you, ${Math.round(opponent.rttMs)} ms for ${opponent.name}`,
        inline: true,
      },
      { name: 'Confirm', value: `Both players confirm by <t:${unix(view.confirmBy)}:R>.` },
    );
  return { embeds: [embed] };
}

/** In the ladder channel when the DM could not be delivered: a mention, nothing private. */
export function renderClosedDms(discordId: string) {
  return {
    content: `<@${discordId}>, a match was found for you, but your DMs are closed. Allow direct messages from this server's members so the ladder can reach you.`,
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
