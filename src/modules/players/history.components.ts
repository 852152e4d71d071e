import { Injectable } from '@nestjs/common';
import { Button, ButtonContext, ComponentParam, Context } from 'necord';
import { DisableOnClick } from '../../common/decorators/disable-on-click.decorator';
import { RequirePlayer } from '../../common/decorators/require-player.decorator';
import { InteractionRefusal } from '../../common/errors/interaction-refusal';
import { renderHistory } from './history.render';
import { HISTORY_PAGE } from './players.routes';
import { ProfileViews } from './profile-views';

@Injectable()
export class HistoryComponents {
  constructor(private readonly profiles: ProfileViews) {}

  /** Acknowledged first: the page may need the one statement that loads the history. */
  @RequirePlayer()
  @DisableOnClick()
  @Button(HISTORY_PAGE.pattern)
  async page(@Context() [interaction]: ButtonContext, @ComponentParam('discordId') discordId: string, @ComponentParam('page') page: string) {
    const history = await this.profiles.history(discordId, Number(page));
    if (!history) throw new InteractionRefusal('No profile', 'That player has no ladder profile any more.');
    await interaction.editReply(renderHistory(history));
  }
}
