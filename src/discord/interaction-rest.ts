import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Client, InternalRequest, REST } from 'discord.js';

/**
 * Discord does not bind interaction endpoints to a bot's global rate limit (50 requests a second), but
 * discord.js spares only the interaction callback: the edit of a deferred reply and every follow-up
 * (`/webhooks/<application id>/<token>/…`, sent with the interaction's token rather than the bot's)
 * wait behind it. Under a burst of deferred commands those edits would queue in the process, the
 * answers lagging further behind each second. This sends them through a REST manager of their own,
 * with the per-route buckets Discord announces but no global limit; every other request keeps the
 * bot's manager and its limit.
 */
@Injectable()
export class InteractionRest implements OnModuleInit, OnModuleDestroy {
  private lane?: REST;

  constructor(private readonly client: Client) {}

  /** The manager the interaction-token requests go through, once installed. */
  get manager(): REST | undefined {
    return this.lane;
  }

  onModuleInit(): void {
    const lane = new REST({ ...this.client.options.rest, globalRequestsPerSecond: Number.POSITIVE_INFINITY });
    const bot = this.client.rest;
    const queueOnBot = bot.queueRequest.bind(bot);
    bot.queueRequest = (request) => (this.usesInteractionToken(request) ? lane.queueRequest(request) : queueOnBot(request));
    this.lane = lane;
  }

  onModuleDestroy(): void {
    this.lane?.clearHashSweeper();
    this.lane?.clearHandlerSweeper();
  }

  private usesInteractionToken(request: InternalRequest): boolean {
    const applicationId = this.client.application?.id;
    return request.auth === false && applicationId !== undefined && request.fullRoute.startsWith(`/webhooks/${applicationId}/`);
  }
}
