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
import { reasonOf, renderAdminCancelled, renderAdminOutcome, renderResolutionOutcome } from './admin.render';
import { ADMIN_CANCEL, ADMIN_CLEAR_QUEUE, ADMIN_PLAYER_ACTION, ADMIN_RESOLVE } from './admin.routes';
import { AdminPlayerActions, PlayerActionKind } from './admin-player-actions.service';
import { AdminResolutions } from './admin-resolutions.service';

@Injectable()
@AdminOnly()
export class AdminComponents {
  constructor(
    private readonly resolutions: AdminResolutions,
    private readonly actions: AdminPlayerActions,
  ) {}

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
    const reason = previewReason(interaction);
    const previewed = { status, result: result === 'none' ? null : (result as MatchResult), reportRevs: Number(revs) };
    const outcome = await this.resolutions.confirm(identityOf(interaction.user), Number(matchId), verdict, previewed, reason, intentKey);
    await interaction.editReply(renderResolutionOutcome(outcome));
  }

  @DisableOnClick()
  @Button(ADMIN_PLAYER_ACTION.pattern)
  async playerAction(
    @Context() [interaction]: ButtonContext,
    @ComponentParam('action') action: PlayerActionKind,
    @ComponentParam('discordId') discordId: string,
    @ComponentParam('version') version: string,
    @ComponentParam('arg') arg: string,
    @IntentKey() intentKey: string,
  ) {
    const outcome = await this.actions.confirm(identityOf(interaction.user), action, discordId, Number(version), arg, previewReason(interaction), intentKey);
    await interaction.editReply(renderAdminOutcome(outcome));
  }

  @DisableOnClick()
  @Button(ADMIN_CLEAR_QUEUE.pattern)
  async clearQueue(@Context() [interaction]: ButtonContext, @ComponentParam('count') count: string, @ComponentParam('players') players: string, @IntentKey() intentKey: string) {
    const outcome = await this.actions.clearQueue(identityOf(interaction.user), Number(count), players, previewReason(interaction), intentKey);
    await interaction.editReply(renderAdminOutcome(outcome));
  }

  @ServedFromMemory()
  @Button(ADMIN_CANCEL.pattern)
  async cancel(@Context() [interaction]: ButtonContext) {
    await interaction.update(renderAdminCancelled());
  }
}

/** The reason the preview carries in its embed. */
function previewReason(interaction: ButtonContext[0]): string {
  const reason = reasonOf(interaction.message.embeds[0]?.toJSON());
  if (reason === undefined) throw new InteractionRefusal('Preview out of date', 'This preview holds no reason. Run the command again.');
  return reason;
}
