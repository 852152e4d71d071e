import { Injectable } from '@nestjs/common';
import { Button, ButtonContext, ComponentParam, Context } from 'necord';
import { DisableOnClick } from '../../common/decorators/disable-on-click.decorator';
import { IntentKey } from '../../common/decorators/intent-key.decorator';
import { RequirePlayer } from '../../common/decorators/require-player.decorator';
import { ServedFromMemory } from '../../common/decorators/served-from-memory.decorator';
import { renderCountryChanged, renderCountryUnchanged } from './country.render';
import { CountryService } from './country.service';
import { identityOf } from './player-identity';
import { SETCOUNTRY_CANCEL, SETCOUNTRY_CONFIRM } from './players.routes';

@Injectable()
export class CountryComponents {
  constructor(private readonly countries: CountryService) {}

  @RequirePlayer()
  @DisableOnClick()
  @Button(SETCOUNTRY_CONFIRM.pattern)
  async confirm(@Context() [interaction]: ButtonContext, @ComponentParam('code') code: string, @ComponentParam('rev') rev: string, @IntentKey() intentKey: string) {
    const change = await this.countries.change(identityOf(interaction.user), code, Number(rev), intentKey);
    await interaction.editReply(renderCountryChanged(change));
  }

  @RequirePlayer()
  @ServedFromMemory()
  @Button(SETCOUNTRY_CANCEL.pattern)
  async cancel(@Context() [interaction]: ButtonContext) {
    await interaction.update(renderCountryUnchanged());
  }
}
