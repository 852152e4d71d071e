import { Injectable } from '@nestjs/common';
import { Button, ButtonContext, ComponentParam, Context } from 'necord';
import { AdminOnly } from '../../common/decorators/admin-only.decorator';
import { DisableOnClick } from '../../common/decorators/disable-on-click.decorator';
import { IntentKey } from '../../common/decorators/intent-key.decorator';
import { ServedFromMemory } from '../../common/decorators/served-from-memory.decorator';
import { InteractionRefusal } from '../../common/errors/interaction-refusal';
import { MatchResult } from '../matches/domain/reports';
import { identityOf } from '../players/player-identity';
import { ResolvableStatus, Verdict } from './domain/resolution';
import { reasonOf, renderResolutionCancelled, renderResolutionOutcome } from './admin.render';
import { ADMIN_RESOLVE, ADMIN_RESOLVE_CANCEL } from './admin.routes';
import { AdminResolutions } from './admin-resolutions.service';

@Injectable()
@AdminOnly()
export class AdminComponents {
  constructor(private readonly resolutions: AdminResolutions) {}

  /** The preview's Confirm: one statement, keyed by the click, on the match as the preview showed it. */
  @DisableOnClick()
  @Button(ADMIN_RESOLVE.pattern)
  async resolve(
    @Context() [interaction]: ButtonContext,
    @ComponentParam('matchId') matchId: string,
    @ComponentParam('verdict') verdict: Verdict,
    @ComponentParam('status') status: ResolvableStatus,
    @ComponentParam('result') result: string,
    @ComponentParam('revs') revs: string,
    @IntentKey() intentKey: string,
  ) {
    const reason = reasonOf(interaction.message.embeds[0]?.toJSON());
    if (reason === undefined) throw new InteractionRefusal('Preview out of date', 'This preview holds no reason. Run /admin resolve again.');
    const previewed = { status, result: result === 'none' ? null : (result as MatchResult), reportRevs: Number(revs) };
    const outcome = await this.resolutions.confirm(identityOf(interaction.user), Number(matchId), verdict, previewed, reason, intentKey);
    await interaction.editReply(renderResolutionOutcome(outcome));
  }

  @ServedFromMemory()
  @Button(ADMIN_RESOLVE_CANCEL.pattern)
  async cancel(@Context() [interaction]: ButtonContext) {
    await interaction.update(renderResolutionCancelled());
  }
}
