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
import { Report } from './domain/reports';
import { MatchReports } from './match-reports.service';
import { MATCH_ABORT, MATCH_ABORT_BACK, MATCH_ABORT_CONFIRM, MATCH_CONFIRM, REPORT_BACK, REPORT_CHOOSE, REPORT_CONFIRM } from './match.routes';
import { renderMatch } from './match.render';

/** The buttons of a match DM. Their ids hold only the match: the clicker and the match say the rest. */
@Injectable()
@UseGuards(MatchParticipantGuard)
export class MatchComponents {
  constructor(
    private readonly confirmations: MatchConfirmations,
    private readonly reports: MatchReports,
  ) {}

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

  @RequirePlayer()
  @ServedFromMemory()
  @Button(REPORT_CHOOSE.pattern)
  async chooseReport(@Context() [interaction]: ButtonContext, @ComponentParam('matchId') matchId: string, @ComponentParam('result') report: string) {
    await interaction.update(renderMatch(this.reports.choose(identityOf(interaction.user), Number(matchId), report as Report)));
  }

  @RequirePlayer()
  @ServedFromMemory()
  @Button(REPORT_BACK.pattern)
  async reportBack(@Context() [interaction]: ButtonContext, @ComponentParam('matchId') matchId: string) {
    await interaction.update(renderMatch(this.reports.back(identityOf(interaction.user), Number(matchId))));
  }

  @RequirePlayer()
  @DisableOnClick()
  @Button(REPORT_CONFIRM.pattern)
  async report(
    @Context() [interaction]: ButtonContext,
    @ComponentParam('matchId') matchId: string,
    @ComponentParam('result') report: string,
    @ComponentParam('rev') rev: string,
    @IntentKey() intentKey: string,
  ) {
    const show = (view: MatchView) => interaction.editReply(renderMatch(view));
    await this.reports.confirm(identityOf(interaction.user), Number(matchId), report as Report, Number(rev), intentKey, show);
  }
}
