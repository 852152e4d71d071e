import { Injectable } from '@nestjs/common';
import { ButtonInteraction } from 'discord.js';
import { Button, ButtonContext, ComponentParam, Context } from 'necord';
import { DisableOnClick } from '../../common/decorators/disable-on-click.decorator';
import { IntentKey } from '../../common/decorators/intent-key.decorator';
import { RequirePlayer } from '../../common/decorators/require-player.decorator';
import { identityOf } from './player-identity';
import { TERMS_ACCEPT, TERMS_DECLINE } from './players.routes';
import { renderTermsAnswer } from './terms.render';
import { TermsService } from './terms.service';

@Injectable()
export class TermsComponents {
  constructor(private readonly terms: TermsService) {}

  @RequirePlayer({ terms: false })
  @DisableOnClick()
  @Button(TERMS_ACCEPT.pattern)
  accept(@Context() [interaction]: ButtonContext, @ComponentParam('version') version: string, @ComponentParam('rev') rev: string, @IntentKey() intentKey: string) {
    return this.answer(interaction, true, version, Number(rev), intentKey);
  }

  @RequirePlayer({ terms: false })
  @DisableOnClick()
  @Button(TERMS_DECLINE.pattern)
  decline(@Context() [interaction]: ButtonContext, @ComponentParam('version') version: string, @ComponentParam('rev') rev: string, @IntentKey() intentKey: string) {
    return this.answer(interaction, false, version, Number(rev), intentKey);
  }

  private async answer(interaction: ButtonInteraction, accepted: boolean, version: string, rev: number, intentKey: string): Promise<void> {
    await interaction.editReply(renderTermsAnswer(await this.terms.answer(identityOf(interaction.user), accepted, version, rev, intentKey)));
  }
}
