import { Injectable, Logger } from '@nestjs/common';
import { Client, DiscordAPIError, MessageCreateOptions, MessageEditOptions } from 'discord.js';
import { LadderMetrics } from '../common/metrics/ladder-metrics';

/**
 * The bot's own messages outside an interaction: DMs and channel posts. Each says whether Discord took
 * it; an error answered by Discord is counted by code, never thrown at the caller.
 */
@Injectable()
export class Notifier {
  private readonly logger = new Logger(Notifier.name);

  constructor(
    private readonly client: Client,
    private readonly metrics: LadderMetrics,
  ) {}

  /** The DM's message id, or undefined when Discord refused it (closed DMs). */
  async dm(userId: string, message: MessageCreateOptions): Promise<string | undefined> {
    try {
      return (await this.client.users.send(userId, message)).id;
    } catch (error) {
      this.failed(`DM to ${userId}`, error);
      return undefined;
    }
  }

  async editDm(userId: string, messageId: string, message: MessageEditOptions): Promise<boolean> {
    try {
      const channel = await this.client.users.createDM(userId);
      await channel.messages.edit(messageId, message);
      return true;
    } catch (error) {
      this.failed(`Edit of DM ${messageId} to ${userId}`, error);
      return false;
    }
  }

  async post(channelId: string, message: MessageCreateOptions): Promise<boolean> {
    try {
      const channel = await this.client.channels.fetch(channelId);
      if (!channel?.isSendable()) throw new Error(`channel ${channelId} takes no messages`);
      await channel.send(message);
      return true;
    } catch (error) {
      this.failed(`Post to channel ${channelId}`, error);
      return false;
    }
  }

  private failed(what: string, error: unknown): void {
    if (error instanceof DiscordAPIError) this.metrics.recordDiscordApiError(error.code);
    this.logger.warn(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
