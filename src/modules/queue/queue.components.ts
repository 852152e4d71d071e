import { Injectable } from '@nestjs/common';
import { ButtonInteraction } from 'discord.js';
import { Button, ButtonContext, ComponentParam, Context, SelectedStrings, StringSelect, StringSelectContext } from 'necord';
import { DisableOnClick } from '../../common/decorators/disable-on-click.decorator';
import { IntentKey } from '../../common/decorators/intent-key.decorator';
import { RequirePlayer } from '../../common/decorators/require-player.decorator';
import { ServedFromMemory } from '../../common/decorators/served-from-memory.decorator';
import { identityOf } from '../players/player-identity';
import { NO_RACE } from './domain/queue-selection';
import { QUEUE_BW, QUEUE_CANCEL, QUEUE_CLEAR, QUEUE_JOIN, QUEUE_LEAVE, QUEUE_SC2, QUEUE_VETOES } from './queue.routes';
import { renderQueue, renderQueueClosed } from './queue.render';
import { QueueService } from './queue.service';
import { QueueView } from './queue-view';

/** Selects only redraw the pending view (not disabled on click); Join and Leave write, so they are. */
@Injectable()
export class QueueComponents {
  constructor(private readonly queue: QueueService) {}

  @RequirePlayer({ setup: true })
  @ServedFromMemory()
  @StringSelect(QUEUE_BW.pattern)
  async bw(@Context() [interaction]: StringSelectContext, @ComponentParam('sc2') sc2: string, @ComponentParam('vetoes') vetoes: string, @ComponentParam('pool') pool: string, @SelectedStrings() [race]: string[]) {
    const read = this.queue.read({ bw: race ?? NO_RACE, sc2, vetoes, pool });
    await this.redraw(interaction, this.queue.choose(interaction.user.id, read));
  }

  @RequirePlayer({ setup: true })
  @ServedFromMemory()
  @StringSelect(QUEUE_SC2.pattern)
  async sc2(@Context() [interaction]: StringSelectContext, @ComponentParam('bw') bw: string, @ComponentParam('vetoes') vetoes: string, @ComponentParam('pool') pool: string, @SelectedStrings() [race]: string[]) {
    const read = this.queue.read({ bw, sc2: race ?? NO_RACE, vetoes, pool });
    await this.redraw(interaction, this.queue.choose(interaction.user.id, read));
  }

  @RequirePlayer({ setup: true })
  @ServedFromMemory()
  @StringSelect(QUEUE_VETOES.pattern)
  async vetoes(@Context() [interaction]: StringSelectContext, @ComponentParam('bw') bw: string, @ComponentParam('sc2') sc2: string, @SelectedStrings() maps: string[]) {
    const read = this.queue.readVetoes(bw, sc2, maps);
    await this.redraw(interaction, this.queue.choose(interaction.user.id, read));
  }

  @RequirePlayer({ setup: true })
  @ServedFromMemory()
  @Button(QUEUE_CLEAR.pattern)
  async clear(@Context() [interaction]: ButtonContext) {
    await this.redraw(interaction, this.queue.clear(interaction.user.id));
  }

  @RequirePlayer({ setup: true })
  @ServedFromMemory()
  @Button(QUEUE_CANCEL.pattern)
  async cancel(@Context() [interaction]: ButtonContext) {
    await interaction.update(renderQueueClosed());
  }

  @RequirePlayer({ setup: true })
  @DisableOnClick()
  @Button(QUEUE_JOIN.pattern)
  async join(
    @Context() [interaction]: ButtonContext,
    @ComponentParam('version') version: string,
    @ComponentParam('bw') bw: string,
    @ComponentParam('sc2') sc2: string,
    @ComponentParam('vetoes') vetoes: string,
    @ComponentParam('pool') pool: string,
    @IntentKey() intentKey: string,
  ) {
    const read = this.queue.read({ bw, sc2, vetoes, pool });
    const view = await this.queue.join(identityOf(interaction.user), read, Number(version), intentKey, (payload) => interaction.editReply(payload as never));
    await interaction.editReply(renderQueue(view));
  }

  /** Leaving is its own compare-and-set (queued -> idle): a repeat finds the player idle. */
  @RequirePlayer({ setup: true })
  @DisableOnClick()
  @Button(QUEUE_LEAVE.pattern)
  async leave(@Context() [interaction]: ButtonContext) {
    await interaction.editReply(renderQueue(await this.queue.leave(identityOf(interaction.user))));
  }

  private async redraw(interaction: ButtonInteraction | StringSelectContext[0], view: QueueView): Promise<void> {
    await interaction.update(renderQueue(view));
    await this.queue.remember(interaction.user.id, view);
  }
}
