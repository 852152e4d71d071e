import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { BaseInteraction, MessageComponentInteraction, MessageFlags } from 'discord.js';
import { catchError, finalize, from, mergeMap, Observable, tap } from 'rxjs';
import { currentInteraction } from '../context/current-interaction';
import { DISABLE_ON_CLICK } from '../decorators/disable-on-click.decorator';
import { PUBLIC_REPLY } from '../decorators/public-reply.decorator';
import { SERVED_FROM_MEMORY } from '../decorators/served-from-memory.decorator';
import { interactionOf } from '../guards/interaction-of';
import { disabledComponents } from '../render/disabled-components';

/**
 * Acknowledges before the handler runs, so the person sees an answer at once however slow the
 * database is: a deferred reply for commands, a deferred update for clicks, or an update that
 * disables the message's components (`@DisableOnClick`). `@ServedFromMemory` handlers answer themselves.
 */
@Injectable()
export class AcknowledgeInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const interaction = interactionOf(context);
    if (!interaction?.isRepliable()) return next.handle();
    const current = currentInteraction();
    const flag = (key: string) => this.reflector.getAllAndOverride<boolean>(key, [context.getHandler(), context.getClass()]) ?? false;

    if (flag(SERVED_FROM_MEMORY)) {
      return next.handle().pipe(finalize(() => (interaction.replied || interaction.deferred) && current?.markAcknowledged()));
    }

    const disable = flag(DISABLE_ON_CLICK) && interaction.isMessageComponent();
    // discord.js patches the cached message in place, so the buttons to give back are copied now.
    const original = disable ? interaction.message.components.map((row) => row.toJSON()) : [];
    const acknowledged = from(this.acknowledge(interaction, { disable, ephemeral: !flag(PUBLIC_REPLY) })).pipe(tap(() => current?.markAcknowledged()));
    const handled = acknowledged.pipe(mergeMap(() => next.handle()));
    if (!disable) return handled;
    return handled.pipe(
      catchError(async (error: unknown) => {
        // The click failed before its effect was saved: give the buttons back before the filter says why.
        if (!current?.committed) await (interaction as MessageComponentInteraction).editReply({ components: original }).catch(() => undefined);
        throw error;
      }),
    );
  }

  private async acknowledge(interaction: BaseInteraction, options: { disable: boolean; ephemeral: boolean }): Promise<void> {
    if (interaction.isMessageComponent()) {
      if (options.disable) await interaction.update({ components: disabledComponents(interaction.message.components, interaction.customId) });
      else await interaction.deferUpdate();
    } else if (interaction.isModalSubmit() && interaction.isFromMessage()) {
      await interaction.deferUpdate();
    } else if (interaction.isRepliable()) {
      await interaction.deferReply(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    }
  }
}
