import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { Notifier } from '../../discord/notifier';

/** Where admin actions are told (LADDER.md, Where messages go): the player by DM, else the admin channel; never the public one. */
@Injectable()
export class AdminNotices {
  constructor(
    private readonly notifier: Notifier,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async deliver(discordId: string, message: Parameters<Notifier['dm']>[1], about: string): Promise<void> {
    if (await this.notifier.dm(discordId, message)) return;
    await this.post({ content: `Could not DM <@${discordId}> about ${about}.`, allowedMentions: { parse: [] } });
  }

  async post(message: Parameters<Notifier['post']>[1]): Promise<void> {
    if (this.config.channels.admin) await this.notifier.post(this.config.channels.admin, message);
  }
}
