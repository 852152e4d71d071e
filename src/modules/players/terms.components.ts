import { Injectable } from '@nestjs/common';
import { Button, ButtonContext, ComponentParam, Context } from 'necord';
import { DisableOnClick } from '../../common/decorators/disable-on-click.decorator';
import { IntentKey } from '../../common/decorators/intent-key.decorator';
import { RequirePlayer } from '../../common/decorators/require-player.decorator';
import { TERMS_ACCEPT, TERMS_DECLINE } from './players.routes';
import { renderTermsAnswer } from './terms.render';
import { TermsService } from './terms.service';

@Injectable()
export class TermsComponents {
  constructor(private readonly terms: TermsService) {}

  @RequirePlayer({ terms: false })
  @DisableOnClick()
  @Button(TERMS_ACCEPT.pattern)
  async accept(@Context() [interaction]: ButtonContext, @ComponentParam('version') version: string, @IntentKey() intentKey: string) {
    const answer = await this.terms.answer({ discordId: interaction.user.id, username: interaction.user.username }, true, version, intentKey);
    await interaction.editReply(renderTermsAnswer(answer));
  }

  @RequirePlayer({ terms: false })
  @DisableOnClick()
  @Button(TERMS_DECLINE.pattern)
  async decline(@Context() [interaction]: ButtonContext, @ComponentParam('version') version: string, @IntentKey() intentKey: string) {
    const answer = await this.terms.answer({ discordId: interaction.user.id, username: interaction.user.username }, false, version, intentKey);
    await interaction.editReply(renderTermsAnswer(answer));
  }
}
