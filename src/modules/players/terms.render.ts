import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder } from 'discord.js';
import { TERMS_ACCEPT, TERMS_DECLINE } from './players.routes';
import { TermsAnswer, TermsView } from './terms.service';

export function renderTerms(terms: TermsView, note?: string) {
  const description = `Read the ladder's terms at ${terms.url}, then accept them to play. Declining locks the ladder's other commands.`;
  const params = { version: terms.version, rev: String(terms.rev) };
  return {
    embeds: [new EmbedBuilder().setTitle(`Terms of service (version ${terms.version})`).setDescription(note ? `${note}\n\n${description}` : description)],
    components: [
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId(TERMS_ACCEPT.build(params)).setLabel('Accept').setStyle(ButtonStyle.Success),
        new ButtonBuilder().setCustomId(TERMS_DECLINE.build(params)).setLabel('Decline').setStyle(ButtonStyle.Danger),
        new ButtonBuilder().setURL(terms.url).setLabel('Read the terms').setStyle(ButtonStyle.Link),
      ),
    ],
  };
}

export function renderTermsAnswer(answer: TermsAnswer) {
  if (answer.outcome === 'stale') {
    const now = answer.accepted ? 'you have accepted them' : 'you have not accepted them';
    return renderTerms(answer.terms, `That message was out of date, so nothing was changed: ${now}.`);
  }
  const version = answer.terms.version;
  const embed = answer.accepted
    ? new EmbedBuilder().setTitle('Terms accepted').setDescription(`You accepted version ${version} of the terms. Next: /setup to create your ladder profile.`)
    : new EmbedBuilder().setTitle('Terms declined').setDescription('You declined the terms: the ladder is locked for you until you accept them with /termsofservice.');
  return { embeds: [embed], components: [] };
}
