import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder } from 'discord.js';
import { CountryChange } from './country.service';
import { Choice } from './domain/choice';
import { SETCOUNTRY_CANCEL, SETCOUNTRY_CONFIRM } from './players.routes';

const label = (country: Choice | undefined) => (country ? `${country.flag ?? ''} ${country.name}`.trim() : 'none');

export function renderCountryPreview(change: CountryChange) {
  if (change.from?.code === change.to.code) {
    return { embeds: [new EmbedBuilder().setTitle('Country unchanged').setDescription(`You already represent ${label(change.to)}.`)], components: [] };
  }
  const question = `From ${label(change.from)} to **${label(change.to)}**.`;
  const note = change.outcome === 'stale' ? 'Your settings changed since that preview, so nothing was saved. As they are now:\n' : '';
  return {
    embeds: [new EmbedBuilder().setTitle('Change your country?').setDescription(`${note}${question}`)],
    components: [
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId(SETCOUNTRY_CONFIRM.build({ code: change.to.code, rev: String(change.rev) })).setLabel('Confirm').setStyle(ButtonStyle.Success),
        new ButtonBuilder().setCustomId(SETCOUNTRY_CANCEL.build({})).setLabel('Cancel').setStyle(ButtonStyle.Secondary),
      ),
    ],
  };
}

/** The answer to Confirm: the change made, or the preview again when it was out of date. */
export function renderCountryChanged(change: CountryChange) {
  if (change.outcome === 'stale') return renderCountryPreview(change);
  return { embeds: [new EmbedBuilder().setTitle('Country changed').setDescription(`You now represent ${label(change.to)}.`)], components: [] };
}

export function renderCountryUnchanged() {
  return { embeds: [new EmbedBuilder().setTitle('Country unchanged').setDescription('Nothing was changed.')], components: [] };
}
