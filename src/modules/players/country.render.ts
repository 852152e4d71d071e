import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder } from 'discord.js';
import { CountryChange } from './country.service';
import { Choice } from './domain/choice';
import { SETCOUNTRY_CANCEL, SETCOUNTRY_CONFIRM } from './players.routes';

const label = (country: Choice | undefined) => (country ? `${country.flag ?? ''} ${country.name}`.trim() : 'none');

export function renderCountryPreview(change: CountryChange) {
  return {
    embeds: [new EmbedBuilder().setTitle('Change your country?').setDescription(`From ${label(change.from)} to **${label(change.to)}**.`)],
    components: [
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId(SETCOUNTRY_CONFIRM.build({ code: change.to.code })).setLabel('Confirm').setStyle(ButtonStyle.Success),
        new ButtonBuilder().setCustomId(SETCOUNTRY_CANCEL.build({})).setLabel('Cancel').setStyle(ButtonStyle.Secondary),
      ),
    ],
  };
}

export function renderCountryChanged(change: CountryChange) {
  return { embeds: [new EmbedBuilder().setTitle('Country changed').setDescription(`You now represent ${label(change.to)}.`)], components: [] };
}

export function renderCountryUnchanged() {
  return { embeds: [new EmbedBuilder().setTitle('Country unchanged').setDescription('Nothing was changed.')], components: [] };
}
