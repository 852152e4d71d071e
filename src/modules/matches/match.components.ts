import { Injectable, UseGuards } from '@nestjs/common';
import { Button, ButtonContext, ComponentParam, Context } from 'necord';
import { DisableOnClick } from '../../common/decorators/disable-on-click.decorator';
import { IntentKey } from '../../common/decorators/intent-key.decorator';
import { RequirePlayer } from '../../common/decorators/require-player.decorator';
import { ServedFromMemory } from '../../common/decorators/served-from-memory.decorator';
import { identityOf } from '../players/player-identity';
import { MatchConfirmations } from './match-confirmations.service';
import { MatchParticipantGuard } from './match-participant.guard';
import { MatchView } from './match-view';
import { MATCH_ABORT, MATCH_ABORT_BACK, MATCH_ABORT_CONFIRM, MATCH_CONFIRM } from './match.routes';
import { renderMatch } from './match.render';

/** The buttons of a match DM. Their ids hold only the match: the clicker and the match say the rest. */
@Injectable()
@UseGuards(MatchParticipantGuard)
export class MatchComponents {
  constructor(private readonly confirmations: MatchConfirmations) {}

  @RequirePlayer()
  @DisableOnClick()
  @Button(MATCH_CONFIRM.pattern)
  async confirm(@Context() [interaction]: ButtonContext, @ComponentParam('matchId') matchId: string, @IntentKey() intentKey: string) {
    await this.confirmations.confirm(identityOf(interaction.user), Number(matchId), intentKey, (view: MatchView) => interaction.editReply(renderMatch(view)));
  }

  @RequirePlayer()
  @ServedFromMemory()
  @Button(MATCH_ABORT.pattern)
  async askAbort(@Context() [interaction]: ButtonContext, @ComponentParam('matchId') matchId: string) {
    await interaction.update(renderMatch(this.confirmations.askAbort(identityOf(interaction.user), Number(matchId))));
  }

  @RequirePlayer()
  @ServedFromMemory()
  @Button(MATCH_ABORT_BACK.pattern)
  async back(@Context() [interaction]: ButtonContext, @ComponentParam('matchId') matchId: string) {
    await interaction.update(renderMatch(this.confirmations.back(identityOf(interaction.user), Number(matchId))));
  }

  @RequirePlayer()
  @DisableOnClick()
  @Button(MATCH_ABORT_CONFIRM.pattern)
  async abort(@Context() [interaction]: ButtonContext, @ComponentParam('matchId') matchId: string, @IntentKey() intentKey: string) {
    await this.confirmations.abort(identityOf(interaction.user), Number(matchId), intentKey, (view: MatchView) => interaction.editReply(renderMatch(view)));
  }
}
