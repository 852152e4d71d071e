import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { BurstHandlerMajorIdKey, Client, REST } from 'discord.js';
import { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/inject-config.decorator';
import { InteractionRest } from './interaction-rest';

/**
 * discord.js keeps a REST handler per route and major parameter, so one per interaction token, and
 * sweeps them hourly at most; an interaction callback's handler is never marked inactive at all. This
 * drops every handler with nothing queued, well within the 15 minutes a token lives; a later request
 * simply makes a new one. The interaction-token requests' manager (InteractionRest) is swept alike.
 */
@Injectable()
export class RestHandlerSweeper implements OnModuleInit, OnModuleDestroy {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly client: Client,
    private readonly interactionRest: InteractionRest,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => this.sweep(), this.config.discord.restSweepSeconds * 1000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /**
   * Drops the idle handlers; returns how many. A handler counts as busy while the global limit (50
   * requests a second) is spent, which under sustained load is at every sweep: judged that way, no
   * handler would ever go. So idleness is judged with the global limit set aside; nothing runs between
   * setting it aside and restoring it, so no request sees the difference.
   */
  sweep(): number {
    const lane = this.interactionRest.manager;
    return this.sweepManager(this.client.rest) + (lane ? this.sweepManager(lane) : 0);
  }

  private sweepManager(rest: REST): number {
    const globalReset = rest.globalReset;
    rest.globalReset = -1;
    try {
      // A burst handler (interaction callbacks) queues nothing: dropping it never loses a request.
      return rest.handlers.sweep((handler, key) => handler.inactive || key.endsWith(`:${BurstHandlerMajorIdKey}`));
    } finally {
      rest.globalReset = globalReset;
    }
  }
}
