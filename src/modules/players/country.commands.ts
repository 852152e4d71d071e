import { Injectable, UseInterceptors } from '@nestjs/common';
import { AutocompleteInteraction } from 'discord.js';
import { AutocompleteInterceptor, Context, Options, SlashCommand, SlashCommandContext, StringOption } from 'necord';
import { RequirePlayer } from '../../common/decorators/require-player.decorator';
import { renderCountryPreview } from './country.render';
import { CountryService } from './country.service';

export class SetCountryOptions {
  @StringOption({ name: 'country', description: 'Your country: type to search', required: true, autocomplete: true, max_length: 100 })
  country!: string;
}

/** Answers as the player types, from memory (autocomplete must be the first response). */
@Injectable()
export class CountryAutocomplete extends AutocompleteInterceptor {
  constructor(private readonly countries: CountryService) {
    super();
  }

  transformOptions(interaction: AutocompleteInteraction) {
    const typed = interaction.options.getFocused();
    return interaction.respond(this.countries.suggest(typed).map((country) => ({ name: `${country.flag} ${country.name}`, value: country.code })));
  }
}

@Injectable()
export class CountryCommands {
  constructor(private readonly countries: CountryService) {}

  @RequirePlayer()
  @UseInterceptors(CountryAutocomplete)
  @SlashCommand({ name: 'setcountry', description: 'Change the country you represent' })
  async preview(@Context() [interaction]: SlashCommandContext, @Options() { country }: SetCountryOptions) {
    await interaction.editReply(renderCountryPreview(this.countries.preview(interaction.user.id, country)));
  }
}
