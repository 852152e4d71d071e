import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder } from 'discord.js';
import { TERMS_ACCEPT, TERMS_DECLINE } from './players.routes';
import { TermsAnswer } from './terms.service';

export function renderTerms(terms: { url: string; version: string }) {
  return {
    embeds: [
      new EmbedBuilder()
        .setTitle(`Terms of service (version ${terms.version})`)
        .setDescription(`Read the ladder's terms at ${terms.url}, then accept them to play. Declining locks the ladder's other commands.`),
    ],
    components: [
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId(TERMS_ACCEPT.build({ version: terms.version })).setLabel('Accept').setStyle(ButtonStyle.Success),
        new ButtonBuilder().setCustomId(TERMS_DECLINE.build({ version: terms.version })).setLabel('Decline').setStyle(ButtonStyle.Danger),
        new ButtonBuilder().setURL(terms.url).setLabel('Read the terms').setStyle(ButtonStyle.Link),
      ),
    ],
  };
}

export function renderTermsAnswer(answer: TermsAnswer) {
  const embed = answer.accepted
    ? new EmbedBuilder().setTitle('Terms accepted').setDescription(`You accepted version ${answer.version} of the terms. Next: /setup to create your ladder profile.`)
    : new EmbedBuilder().setTitle('Terms declined').setDescription('You declined the terms: the ladder is locked for you until you accept them with /termsofservice.');
  return { embeds: [embed], components: [] };
}
