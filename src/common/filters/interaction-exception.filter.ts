import { ArgumentsHost, Catch, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { BaseInteraction, DiscordAPIError, MessageFlags } from 'discord.js';
import { randomBytes } from 'node:crypto';
import { NecordArgumentsHost } from 'necord';
import { currentInteraction } from '../context/current-interaction';
import { InteractionRefusal } from '../errors/interaction-refusal';
import { LadderMetrics } from '../metrics/ladder-metrics';
import { RefusalMessage } from '../player-status/terms-prompt';
import { renderNotice } from '../render/notice.render';

/** The one wording for a failure whose outcome the bot cannot know (a timeout, a lost connection, a bug). */
const MAY_NOT_HAVE_BEEN_SAVED = 'The change may not have been saved; retrying is safe.';

/**
 * Turns whatever a Discord handler throws into a clear ephemeral message: a refusal as itself, any
 * other error as "something went wrong" with a short reference that the log line carries too.
 * HTTP errors keep Nest's own handling.
 */
@Catch()
export class InteractionExceptionFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('Interaction');

  constructor(private readonly metrics: LadderMetrics) {
    super();
  }

  override async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    if (host.getType<string>() !== 'necord') return super.catch(exception, host);
    const [interaction] = NecordArgumentsHost.create(host).getContext<unknown[]>();
    const context = currentInteraction();
    if (exception instanceof DiscordAPIError) this.metrics.recordDiscordApiError(exception.code);

    let message: RefusalMessage;
    if (exception instanceof InteractionRefusal) {
      message = exception.shows ?? { embeds: [renderNotice('refusal', exception.title, exception.detail)], components: [] };
    } else {
      const reference = randomBytes(4).toString('hex');
      if (context) context.failed = true;
      this.logger.error({ reference, route: context?.route, err: exception }, `Interaction failed (ref ${reference})`);
      const notice = context?.committed
        ? renderNotice('error', 'Saved, but not shown', `Your change was saved, but showing the result failed. Run the command again to see it (reference \`${reference}\`).`)
        : renderNotice('error', 'Something went wrong', `${MAY_NOT_HAVE_BEEN_SAVED} If it keeps failing, give an admin this reference: \`${reference}\`.`);
      message = { embeds: [notice], components: [] };
    }
    if (interaction instanceof BaseInteraction && interaction.isAutocomplete()) {
      // Autocomplete cannot show a message: offer nothing, which Discord shows as no matches.
      await interaction.respond([]).catch(() => undefined);
    } else if (interaction instanceof BaseInteraction) {
      await this.tell(interaction, message);
    }
    context?.finish();
  }

  /** Never a second initial response: edit the deferred reply, follow up an update, or reply. */
  private async tell(interaction: BaseInteraction, message: RefusalMessage): Promise<void> {
    if (!interaction.isRepliable()) return;
    try {
      const ownReply = interaction.deferred && !interaction.isMessageComponent() && !(interaction.isModalSubmit() && interaction.isFromMessage());
      if (ownReply && interaction.ephemeral) {
        await interaction.editReply(message);
      } else if (ownReply) {
        // A public deferred reply would show the notice to the channel: say it privately instead.
        await interaction.deleteReply();
        await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
      } else if (interaction.deferred || interaction.replied) {
        await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
      } else {
        await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
        currentInteraction()?.markAcknowledged();
      }
    } catch (error) {
      if (error instanceof DiscordAPIError) this.metrics.recordDiscordApiError(error.code);
      this.logger.warn({ err: error }, 'Could not tell the user about a failed interaction');
    }
  }
}
